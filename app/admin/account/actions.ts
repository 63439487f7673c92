"use server";

import { z } from "zod";
import { editorAction } from "@/lib/auth/action";
import { SIGN_IN_PATH } from "@/lib/auth/callback-url";
import { signOut } from "@/lib/auth/next-auth";
import { defaultSessionDeps, endAllSessions } from "@/lib/auth/sessions";
import { getUserStore } from "@/lib/auth/user-store";

/** "Sign out everywhere": every browser signed in as me, this one included, is signed out on the server. */
export const signOutEverywhereAction = editorAction(
  z.object({}),
  async (_input, { editor }) => {
    await endAllSessions(editor.email, defaultSessionDeps(getUserStore));
    // This browser's row is gone too; clear its cookie and go to the sign-in page (signOut redirects by throwing).
    await signOut({ redirectTo: SIGN_IN_PATH });
    return null;
  },
  { action: "sessions.end-own" },
);
