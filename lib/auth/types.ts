import { z } from "zod";

/**
 * author: writes and edits their own drafts; editor: publishes and edits every post; admin: also manages users.
 * What each may do is decided in one place, lib/auth/permissions.ts.
 */
export const ROLES = ["author", "editor", "admin"] as const;
export const roleSchema = z.enum(ROLES);
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
  /** Users written before sign-ins were recorded have none. */
  lastSignInAt: z.iso.datetime({ offset: true }).nullable().default(null),
  createdAt: z.iso.datetime({ offset: true }),
});
export type StoredUser = z.infer<typeof storedUserSchema>;

/** One signed-in browser. Its id is in the session cookie; while the row exists (and has not expired) it is signed in. */
export const storedSessionSchema = z.object({
  id: z.string().min(1),
  userId: z.string().min(1),
  createdAt: z.iso.datetime({ offset: true }),
  expiresAt: z.iso.datetime({ offset: true }),
});
export type StoredSession = z.infer<typeof storedSessionSchema>;

export interface NewUser {
  email: string;
  name: string;
  passwordHash: string;
  role: Role;
}

export interface NewSession {
  id: string;
  userId: string;
  /** When the user signed in (ISO). */
  at: string;
  /** The session's absolute end (ISO). */
  expiresAt: string;
}

/**
 * One interface, two backends: the database when there is one, `data/users.json` when `DIGEST_STORE=files`.
 * Every method throws when the store cannot be reached; none of them ever answers "no such user" for that.
 */
export interface UserStore {
  readonly kind: "database" | "files";
  findByEmail(email: string): Promise<StoredUser | null>;
  findById(id: string): Promise<StoredUser | null>;
  list(): Promise<StoredUser[]>;
  count(): Promise<number>;
  /** Throws `UserExistsError` when the email is taken. */
  create(user: NewUser): Promise<StoredUser>;
  /** Disabling ends every session of the user. Throws `UserNotFoundError` when there is no such user. */
  setDisabled(email: string, disabled: boolean): Promise<StoredUser>;
  /** A new password ends every session of the user. Throws `UserNotFoundError` when there is no such user. */
  setPasswordHash(email: string, passwordHash: string): Promise<StoredUser>;
  /** Throws `UserNotFoundError` when there is no such user. */
  setRole(email: string, role: Role): Promise<StoredUser>;
  /** Records a sign-in: the session, and the user's last sign-in time; drops the user's expired sessions. */
  startSession(session: NewSession): Promise<StoredSession>;
  /** The session with its user; null when it does not exist (never started, signed out, revoked). */
  findSession(id: string): Promise<{ session: StoredSession; user: StoredUser } | null>;
  /** Signs one browser out. */
  endSession(id: string): Promise<void>;
  /** "Sign out everywhere": returns how many sessions ended. Throws `UserNotFoundError` when there is no such user. */
  endAllSessions(email: string): Promise<number>;
  /** Sessions that have not expired at `now`. */
  listSessions(now?: Date): Promise<StoredSession[]>;
}

// One pair of classes for both user stores and lib/db/users.ts beneath them (lib/errors.ts, which every layer may import).
export { UserExistsError, UserNotFoundError } from "@/lib/errors";
