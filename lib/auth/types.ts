import { z } from "zod";

export const roleSchema = z.enum(["editor", "admin"]);
export type Role = z.infer<typeof roleSchema>;

/** Emails are compared case-insensitively and without surrounding spaces, so one person cannot hold two accounts. */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter a valid email address."));

/** Who is signed in, as server code sees it. Plain and serialisable. */
export const sessionEditorSchema = z.object({
  id: z.string().min(1),
  email: z.string().min(1),
  name: z.string(),
  role: roleSchema,
});
export type SessionEditor = z.infer<typeof sessionEditorSchema>;

/** A user as a store holds it; `passwordHash` never leaves the server. `name` defaults to the email's local part. */
export const storedUserSchema = z.object({
  id: z.string().min(1),
  email: z.string().min(1),
  name: z.string(),
  passwordHash: z.string().min(1),
  role: roleSchema,
  disabled: z.boolean(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type StoredUser = z.infer<typeof storedUserSchema>;

export interface NewUser {
  email: string;
  name: string;
  passwordHash: string;
  role: Role;
}

/** One interface, two backends: the database when there is one, `data/users.json` when `DIGEST_STORE=files`. */
export interface UserStore {
  readonly kind: "database" | "files";
  findByEmail(email: string): Promise<StoredUser | null>;
  list(): Promise<StoredUser[]>;
  count(): Promise<number>;
  /** Throws `UserExistsError` when the email is taken. */
  create(user: NewUser): Promise<StoredUser>;
  /** Throws `UserNotFoundError` when there is no such user. */
  setDisabled(email: string, disabled: boolean): Promise<StoredUser>;
  /** Throws `UserNotFoundError` when there is no such user. */
  setPasswordHash(email: string, passwordHash: string): Promise<StoredUser>;
}

export class UserExistsError extends Error {
  constructor(public readonly email: string) {
    super(`A user with the email ${email} already exists.`);
    this.name = "UserExistsError";
  }
}

export class UserNotFoundError extends Error {
  constructor(public readonly email: string) {
    super(`No user with the email ${email}.`);
    this.name = "UserNotFoundError";
  }
}
