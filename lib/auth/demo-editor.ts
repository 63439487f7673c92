import { hashPassword } from "@/lib/auth/password";
import { UserExistsError, type UserStore } from "@/lib/auth/types";

/**
 * Printed by the README. Only ever created outside production, and only when there is no user at all; production
 * refuses these credentials at sign-in (lib/auth/authenticate.ts) and its sessions (lib/auth/sessions.ts).
 */
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

/**
 * Said at start in production when the demo editor is in the user store (development seeded it into the database
 * file this server now uses). Production refuses it anyway; the warning says how to remove the doubt.
 */
export async function demoEditorWarning(users: UserStore, env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  if (env.NODE_ENV !== "production") return null;
  const demo = await users.findByEmail(DEMO_EDITOR.email);
  if (!demo || demo.disabled) return null;
  return (
    `[digest] the demo editor ${DEMO_EDITOR.email} exists in this ${users.kind === "database" ? "database" : "users file"} ` +
    `(seeded by development). Production refuses it and its password; disable it with ` +
    `\`npm run users -- disable ${DEMO_EDITOR.email}\` and create real accounts with \`npm run users -- add\`.`
  );
}
