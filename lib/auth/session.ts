import "server-only";
import { z } from "zod";
import { auth } from "@/lib/auth/next-auth";
import { sessionEditorSchema, type SessionEditor } from "@/lib/auth/types";
import type { UserStore } from "@/lib/auth/types";
import { getUserStore } from "@/lib/auth/user-store";

const sessionSchema = z.object({ editor: sessionEditorSchema });

/**
 * The signed-in editor, or null. The session token alone would keep a disabled editor in for up to 8 hours and keep a
 * demoted admin an admin, so the account is looked up again: disabled or deleted means signed out, and the role is
 * the current one.
 */
export async function getSessionEditor(): Promise<SessionEditor | null> {
  const session = sessionSchema.safeParse(await auth());
  if (!session.success) return null;
  let user: Awaited<ReturnType<UserStore["findByEmail"]>>;
  try {
    user = await (await getUserStore()).findByEmail(session.data.editor.email);
  } catch (error) {
    // The accounts live in the database. While it is unreachable the signed, unexpired token is the best evidence
    // there is; trusting it keeps editors able to save to the Markdown fallback instead of locking everyone out.
    console.warn("[auth] user store unreachable; trusting the signed session token", error instanceof Error ? error.message : error);
    return session.data.editor;
  }
  if (!user || user.disabled || user.id !== session.data.editor.id) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
