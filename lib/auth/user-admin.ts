import { randomInt } from "node:crypto";
import { ActionError } from "@/lib/auth/action-error";
import { hashPassword, passwordSchema } from "@/lib/auth/password";
import { endAllSessions, type SessionDeps } from "@/lib/auth/sessions";
import { emailSchema, type Role, type SessionEditor, type StoredUser } from "@/lib/auth/types";

/**
 * What an admin does to accounts in /admin/users. The permission ("users.manage") is checked by the actions
 * (app/admin/users/actions.ts); these rules keep the site administrable: the last enabled admin cannot be demoted or
 * disabled, and nobody disables themselves.
 */

/** No look-alike characters (0/O, 1/l/I), grouped for reading aloud: 16 characters, about 80 bits. */
const ALPHABET = "abcdefghijkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY346789";

export function generatePassword(): string {
  const groups: string[] = [];
  for (let group = 0; group < 4; group++) {
    let chunk = "";
    for (let i = 0; i < 4; i++) chunk += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(chunk);
  }
  return groups.join("-");
}

export interface AdminUserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  lastSignInAt: string | null;
  createdAt: string;
  /** Browsers signed in right now. */
  activeSessions: number;
}

function validPassword(password: string): string {
  const parsed = passwordSchema.safeParse(password);
  if (!parsed.success) throw new ActionError(parsed.error.issues[0]?.message ?? "Choose another password.", "invalid", { password: parsed.error.issues.map((issue) => issue.message) });
  return parsed.data;
}

async function enabledAdmins(deps: SessionDeps): Promise<StoredUser[]> {
  return (await (await deps.users()).list()).filter((user) => user.role === "admin" && !user.disabled);
}

async function existing(deps: SessionDeps, email: string): Promise<StoredUser> {
  const user = await (await deps.users()).findByEmail(email);
  if (!user) throw new ActionError(`No user with the email ${email}.`, "not-found");
  return user;
}

export async function listUserRows(deps: SessionDeps): Promise<AdminUserRow[]> {
  const users = await deps.users();
  const [all, sessions] = await Promise.all([users.list(), users.listSessions(new Date(deps.now()))]);
  const counts = new Map<string, number>();
  for (const session of sessions) counts.set(session.userId, (counts.get(session.userId) ?? 0) + 1);
  return all
    .map((user) => ({
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      disabled: user.disabled,
      lastSignInAt: user.lastSignInAt,
      createdAt: user.createdAt,
      activeSessions: counts.get(user.id) ?? 0,
    }))
    .sort((a, b) => a.email.localeCompare(b.email));
}

/** Creates an account; with no password given, generates one. Returns the password to hand over (shown once). */
export async function createAccount(
  deps: SessionDeps,
  input: { email: string; name: string; role: Role; password: string | null },
): Promise<{ user: StoredUser; password: string; generated: boolean }> {
  const email = emailSchema.parse(input.email);
  const password = input.password ? validPassword(input.password) : generatePassword();
  const user = await (await deps.users()).create({
    email,
    name: input.name.trim() || email.split("@")[0],
    role: input.role,
    passwordHash: await hashPassword(password),
  });
  return { user, password, generated: !input.password };
}

export async function changeRole(deps: SessionDeps, email: string, role: Role): Promise<StoredUser> {
  const user = await existing(deps, email);
  if (user.role === "admin" && role !== "admin" && !user.disabled && (await enabledAdmins(deps)).length <= 1) {
    throw new ActionError("This is the only admin left: make someone else an admin first.", "invalid");
  }
  return (await deps.users()).setRole(user.email, role);
}

/** Disabling ends every session of the user (the store does it). */
export async function setDisabled(deps: SessionDeps, actor: SessionEditor, email: string, disabled: boolean): Promise<StoredUser> {
  const user = await existing(deps, email);
  if (disabled && user.id === actor.id) throw new ActionError("You cannot disable your own account.", "invalid");
  if (disabled && user.role === "admin" && !user.disabled && (await enabledAdmins(deps)).length <= 1) {
    throw new ActionError("This is the only admin left: make someone else an admin first.", "invalid");
  }
  const updated = await (await deps.users()).setDisabled(user.email, disabled);
  if (disabled) await endAllSessions(user.email, deps);
  return updated;
}

/** A new password (typed, or generated when none is given) ends every session of the user. */
export async function resetPassword(
  deps: SessionDeps,
  email: string,
  password: string | null,
): Promise<{ user: StoredUser; password: string; generated: boolean }> {
  const user = await existing(deps, email);
  const chosen = password ? validPassword(password) : generatePassword();
  const updated = await (await deps.users()).setPasswordHash(user.email, await hashPassword(chosen));
  await endAllSessions(user.email, deps);
  return { user: updated, password: chosen, generated: !password };
}

export async function signOutEverywhere(deps: SessionDeps, email: string): Promise<number> {
  const user = await existing(deps, email);
  return endAllSessions(user.email, deps);
}
