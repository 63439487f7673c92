import { hashPassword } from "@/lib/auth/password";
import { UserExistsError, type UserStore } from "@/lib/auth/types";

/** Printed by the README. Only ever created outside production, and only when there is no user at all. */
export const DEMO_EDITOR = {
  email: "editor@digest.local",
  password: "digest-editor",
  name: "Demo Editor",
  role: "editor",
} as const;

export function isDemoEditorEmail(email: string): boolean {
  return email.trim().toLowerCase() === DEMO_EDITOR.email;
}

/** Returns true when it created the demo editor. */
export async function seedDemoEditor(users: UserStore, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  if (env.NODE_ENV === "production") return false;
  if ((await users.count()) > 0) return false;
  try {
    await users.create({
      email: DEMO_EDITOR.email,
      name: DEMO_EDITOR.name,
      role: DEMO_EDITOR.role,
      passwordHash: await hashPassword(DEMO_EDITOR.password),
    });
    return true;
  } catch (error) {
    // Two first sign-ins at once: the other one seeded it.
    if (error instanceof UserExistsError) return false;
    throw error;
  }
}
