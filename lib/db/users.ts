/**
 * Editor accounts and their sessions. Password hashing happens in lib/auth; this module only stores the hash it is
 * given. Everything returned is a plain, validated object, never a Prisma row.
 */
import { z } from "zod";
import type { Db } from "./client";
import { UserExistsError, UserNotFoundError } from "../errors";
import { isUniqueViolation } from "./errors";

/** lib/auth/permissions.ts says what each role may do. */
export const userRoleSchema = z.enum(["author", "editor", "admin"]);
export type UserRole = z.infer<typeof userRoleSchema>;

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  passwordHash: z.string(),
  role: userRoleSchema,
  disabled: z.boolean(),
  lastSignInAt: z.date().nullable(),
  createdAt: z.date(),
});
export type User = z.infer<typeof userSchema>;

export const sessionSchema = z.object({
  id: z.string(),
  userId: z.string(),
  createdAt: z.date(),
  expiresAt: z.date(),
});
export type UserSession = z.infer<typeof sessionSchema>;

export const newUserSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  name: z.string().trim().min(1).max(200),
  passwordHash: z.string().min(1),
  role: userRoleSchema.default("editor"),
});
export type NewUser = z.input<typeof newUserSchema>;

const userSelect = {
  id: true,
  email: true,
  name: true,
  passwordHash: true,
  role: true,
  disabled: true,
  lastSignInAt: true,
  createdAt: true,
} as const;

const sessionSelect = { id: true, userId: true, createdAt: true, expiresAt: true } as const;

/** Emails are stored lowercased and trimmed: sign-in must not depend on how someone typed theirs. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}



function isRecordMissing(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2025";
}

export async function findUserByEmail(db: Db, email: string): Promise<User | null> {
  const row = await db.user.findUnique({ where: { email: normaliseEmail(email) }, select: userSelect });
  return row ? userSchema.parse(row) : null;
}

export async function findUserById(db: Db, id: string): Promise<User | null> {
  const row = await db.user.findUnique({ where: { id }, select: userSelect });
  return row ? userSchema.parse(row) : null;
}

/** Throws UserExistsError when the email is in use, and a ZodError when the input is not valid. */
export async function createUser(db: Db, input: NewUser): Promise<User> {
  const data = newUserSchema.parse(input);
  try {
    return userSchema.parse(await db.user.create({ data, select: userSelect }));
  } catch (error) {
    if (isUniqueViolation(error)) throw new UserExistsError(data.email);
    throw error;
  }
}

export async function listUsers(db: Db): Promise<User[]> {
  const rows = await db.user.findMany({ select: userSelect, orderBy: { email: "asc" } });
  return z.array(userSchema).parse(rows);
}

export async function countUsers(db: Db): Promise<number> {
  return db.user.count();
}

/** Disabling also ends every session of the user. Throws UserNotFoundError for an unknown email. */
export async function setUserDisabled(db: Db, email: string, disabled: boolean): Promise<User> {
  return updateUser(db, email, { disabled }, disabled);
}

/**
 * `passwordHash` is already hashed by the caller. A new password ends every session: whoever knew the old one (or
 * holds a cookie from it) is out. Throws UserNotFoundError for an unknown email.
 */
export async function setUserPassword(db: Db, email: string, passwordHash: string): Promise<User> {
  return updateUser(db, email, { passwordHash: z.string().min(1).parse(passwordHash) }, true);
}

/** Throws UserNotFoundError for an unknown email, a ZodError for an unknown role. */
export async function setUserRole(db: Db, email: string, role: UserRole): Promise<User> {
  return updateUser(db, email, { role: userRoleSchema.parse(role) }, false);
}

async function updateUser(
  db: Db,
  email: string,
  data: { disabled?: boolean; passwordHash?: string; role?: UserRole },
  endSessions: boolean,
): Promise<User> {
  const key = normaliseEmail(email);
  try {
    return await db.$transaction(async (tx) => {
      const user = userSchema.parse(await tx.user.update({ where: { email: key }, data, select: userSelect }));
      if (endSessions) await tx.userSession.deleteMany({ where: { userId: user.id } });
      return user;
    });
  } catch (error) {
    if (isRecordMissing(error)) throw new UserNotFoundError(key);
    throw error;
  }
}

/**
 * Records a sign-in: a new session row and the user's last sign-in time, in one transaction. The user's expired
 * sessions are dropped on the way, so the table holds only live sessions plus those that ended since the last sign-in.
 */
export async function createSession(
  db: Db,
  input: { id: string; userId: string; at: Date; expiresAt: Date },
): Promise<UserSession> {
  return db.$transaction(async (tx) => {
    await tx.userSession.deleteMany({ where: { userId: input.userId, expiresAt: { lte: input.at } } });
    const session = await tx.userSession.create({
      data: { id: input.id, userId: input.userId, createdAt: input.at, expiresAt: input.expiresAt },
      select: sessionSelect,
    });
    await tx.user.update({ where: { id: input.userId }, data: { lastSignInAt: input.at } });
    return sessionSchema.parse(session);
  });
}

/** The session and its user, or null when there is no such session (never started, signed out, revoked). */
export async function findSession(db: Db, id: string): Promise<{ session: UserSession; user: User } | null> {
  const row = await db.userSession.findUnique({ where: { id }, select: { ...sessionSelect, user: { select: userSelect } } });
  if (!row) return null;
  const { user, ...session } = row;
  return { session: sessionSchema.parse(session), user: userSchema.parse(user) };
}

/** True when there was such a session. */
export async function deleteSession(db: Db, id: string): Promise<boolean> {
  const { count } = await db.userSession.deleteMany({ where: { id } });
  return count > 0;
}

/** "Sign out everywhere". Returns how many sessions ended; throws UserNotFoundError for an unknown email. */
export async function deleteUserSessions(db: Db, email: string): Promise<number> {
  const key = normaliseEmail(email);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email: key }, select: { id: true } });
    if (!user) throw new UserNotFoundError(key);
    const { count } = await tx.userSession.deleteMany({ where: { userId: user.id } });
    return count;
  });
}

/** Sessions that have not reached their end at `now`. */
export async function listActiveSessions(db: Db, now: Date = new Date()): Promise<UserSession[]> {
  const rows = await db.userSession.findMany({ where: { expiresAt: { gt: now } }, select: sessionSelect, orderBy: { createdAt: "asc" } });
  return z.array(sessionSchema).parse(rows);
}
