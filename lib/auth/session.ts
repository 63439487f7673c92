import "server-only";
import { z } from "zod";
import { auth } from "@/lib/auth/next-auth";
import { sessionEditorSchema, type SessionEditor } from "@/lib/auth/types";
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
  const user = await (await getUserStore()).findByEmail(session.data.editor.email);
  if (!user || user.disabled || user.id !== session.data.editor.id) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
