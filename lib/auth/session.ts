import "server-only";
import { z } from "zod";
import { auth } from "@/lib/auth/next-auth";
import { sessionEditorSchema, type SessionEditor } from "@/lib/auth/types";

const sessionSchema = z.object({ editor: sessionEditorSchema });

/**
 * The signed-in editor, or null. `auth()` runs the jwt callback (lib/auth/next-auth.ts), which checks the session
 * row on every call: signed out, revoked, expired, disabled or deleted means null, and the role is the current one.
 * While the user store is unreachable only a session the local mirror vouches for counts (lib/auth/sessions.ts);
 * anything else is null, so writes fail closed.
 */
export async function getSessionEditor(): Promise<SessionEditor | null> {
  const session = sessionSchema.safeParse(await auth());
  return session.success ? session.data.editor : null;
}
