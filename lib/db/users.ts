/**
 * Editor accounts. Password hashing happens in lib/auth; this module only stores the hash it is given.
 * Everything returned is a plain, validated object, never a Prisma row.
 */
import { z } from "zod";
import type { Db } from "./client";
import { isUniqueViolation } from "./errors";

export const userRoleSchema = z.enum(["editor", "admin"]);
export type UserRole = z.infer<typeof userRoleSchema>;

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  passwordHash: z.string(),
  role: userRoleSchema,
  disabled: z.boolean(),
  createdAt: z.date(),
});
export type User = z.infer<typeof userSchema>;

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
  createdAt: true,
} as const;

/** Emails are stored lowercased and trimmed: sign-in must not depend on how someone typed theirs. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export class EmailTakenError extends Error {
  constructor(public readonly email: string) {
    super(`A user with the email ${email} already exists.`);
    this.name = "EmailTakenError";
  }
}

export class UserNotFoundError extends Error {
  constructor(public readonly email: string) {
    super(`No user with the email ${email}.`);
    this.name = "UserNotFoundError";
  }
}


function isRecordMissing(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2025";
}

export async function findUserByEmail(db: Db, email: string): Promise<User | null> {
  const row = await db.user.findUnique({ where: { email: normaliseEmail(email) }, select: userSelect });
  return row ? userSchema.parse(row) : null;
}

/** Throws EmailTakenError when the email is in use, and a ZodError when the input is not valid. */
export async function createUser(db: Db, input: NewUser): Promise<User> {
  const data = newUserSchema.parse(input);
  try {
    return userSchema.parse(await db.user.create({ data, select: userSelect }));
  } catch (error) {
    if (isUniqueViolation(error)) throw new EmailTakenError(data.email);
    throw error;
  }
}

export async function listUsers(db: Db): Promise<User[]> {
  const rows = await db.user.findMany({ select: userSelect, orderBy: { email: "asc" } });
  return z.array(userSchema).parse(rows);
}

/** Throws UserNotFoundError for an unknown email. */
export async function setUserDisabled(db: Db, email: string, disabled: boolean): Promise<User> {
  return updateUser(db, email, { disabled });
}

/** `passwordHash` is already hashed by the caller. Throws UserNotFoundError for an unknown email. */
export async function setUserPassword(db: Db, email: string, passwordHash: string): Promise<User> {
  return updateUser(db, email, { passwordHash: z.string().min(1).parse(passwordHash) });
}

async function updateUser(db: Db, email: string, data: { disabled?: boolean; passwordHash?: string }): Promise<User> {
  const key = normaliseEmail(email);
  try {
    return userSchema.parse(await db.user.update({ where: { email: key }, data, select: userSelect }));
  } catch (error) {
    if (isRecordMissing(error)) throw new UserNotFoundError(key);
    throw error;
  }
}
