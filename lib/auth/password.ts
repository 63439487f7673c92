import bcrypt from "bcryptjs";
import { z } from "zod";

/** Cost 12 takes a few hundred milliseconds: slow enough to blunt offline guessing, fast enough for a sign-in. */
export const PASSWORD_COST = 12;

/** bcrypt only looks at the first 72 bytes; longer passwords would silently match their own prefix. */
export const passwordSchema = z
  .string()
  .min(8, "Use at least 8 characters.")
  .refine((value) => Buffer.byteLength(value, "utf8") <= 72, "Use at most 72 bytes.");

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, PASSWORD_COST);
}

export function verifyPassword(password: string, passwordHash: string): Promise<boolean> {
  return bcrypt.compare(password, passwordHash);
}

let dummyHash: Promise<string> | undefined;

/**
 * A hash of a random password at the same cost, compared against when the email is unknown, so that an unknown email
 * takes as long to refuse as a wrong password and the response time does not tell which accounts exist.
 */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= bcrypt.hash(crypto.randomUUID(), PASSWORD_COST);
  return dummyHash;
}
