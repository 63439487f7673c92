import { randomBytes } from "node:crypto";
import { z } from "zod";
import { dataDir as authDataDir } from "@/lib/config";
import { isDemoEditorEmail } from "@/lib/auth/demo-editor";
import { createSessionMirror, mirrorFile, type SessionMirror } from "@/lib/auth/session-mirror";
import { processSingleton } from "@/lib/singleton";
import { sessionEditorSchema, type SessionEditor, type StoredSession, type StoredUser, type UserStore } from "@/lib/auth/types";

/**
 * Server-side sessions. The cookie (an Auth.js JWT, encrypted with AUTH_SECRET) names a session row; the row is the
 * truth. Signing out deletes the row, "sign out everywhere", a password change and a disable delete all of a user's
 * rows, so a copied cookie stops working at once on every instance. Why rows and not a per-user version number:
 * signing out on one laptop must not sign the same editor out on their phone, and a row also gives each session a
 * server-side absolute end and the admin a count of who is signed in where.
 */

/** Absolute lifetime: this long after sign-in the session is over, however often it is used or polled. */
export const SESSION_LIFETIME_SECONDS = 7 * 24 * 60 * 60;
/** Idle timeout: Auth.js's cookie `maxAge`, renewed whenever the session is read where cookies can be set. */
export const SESSION_IDLE_SECONDS = 8 * 60 * 60;

/** What the session cookie carries besides the editor shown in the admin. */
export const sessionClaimsSchema = z.object({
  /** The session row's id. */
  sid: z.string().min(16),
  /** The user it belongs to. */
  uid: z.string().min(1),
  /** Milliseconds since the epoch. */
  signedInAt: z.number().int().nonnegative(),
});
export type SessionClaims = z.infer<typeof sessionClaimsSchema>;

/** What `authorize` hands Auth.js on a successful sign-in; the jwt callback turns it into claims. */
export const signedInSchema = sessionEditorSchema.extend({
  sessionId: z.string().min(16),
  signedInAt: z.number().int().nonnegative(),
});
export type SignedIn = z.infer<typeof signedInSchema>;

export type SessionVerdict =
  | { status: "valid"; editor: SessionEditor }
  /** Over for good: the cookie is cleared. */
  | { status: "ended"; reason: "expired" | "revoked" | "disabled" | "demo-in-production" }
  /** The store cannot be reached and the mirror does not vouch for it: not signed in for now, cookie kept. */
  | { status: "unverified" };

export interface SessionDeps {
  users: () => Promise<UserStore>;
  mirror: SessionMirror;
  now: () => number;
  production: boolean;
}

// One mirror per file for the whole process: Next bundles route handlers and pages separately, and two copies of
// the mirror's state writing one file would drop each other's entries.

export function defaultSessionDeps(getUsers: () => Promise<UserStore>, env: NodeJS.ProcessEnv = process.env): SessionDeps {
  const file = mirrorFile(authDataDir(env));
  const mirrors = processSingleton("session-mirrors", () => new Map<string, SessionMirror>());
  let mirror = mirrors.get(file);
  if (!mirror) {
    mirror = createSessionMirror(file);
    mirrors.set(file, mirror);
  }
  return { users: getUsers, mirror, now: Date.now, production: env.NODE_ENV === "production" };
}

export function newSessionId(): string {
  return randomBytes(32).toString("base64url");
}

/** Records a sign-in; returns what the session cookie will carry. */
export async function startSession(users: UserStore, user: StoredUser, now: number): Promise<{ sessionId: string; signedInAt: number }> {
  const session = await users.startSession({
    id: newSessionId(),
    userId: user.id,
    at: new Date(now).toISOString(),
    expiresAt: new Date(now + SESSION_LIFETIME_SECONDS * 1000).toISOString(),
  });
  return { sessionId: session.id, signedInAt: now };
}

function editorOf(user: { id: string; email: string; name: string; role: SessionEditor["role"] }): SessionEditor {
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

let lastOutageLog = 0;
function logOutage(error: unknown, now: number): void {
  if (now - lastOutageLog < 60_000) return;
  lastOutageLog = now;
  console.warn(
    "[auth] the user store cannot be reached; sessions are checked against the local mirror (unknown sessions are refused)",
    error instanceof Error ? error.message : error,
  );
}

/**
 * Is the session behind these claims still good, and who is it now (the role is the current one)? Never throws:
 * Auth.js clears the cookie on any error, and an outage must not sign everyone out for good.
 */
export async function checkSession(claims: SessionClaims, deps: SessionDeps): Promise<SessionVerdict> {
  const now = deps.now();
  if (now >= claims.signedInAt + SESSION_LIFETIME_SECONDS * 1000) return { status: "ended", reason: "expired" };

  let store: UserStore | null = null;
  let found: Awaited<ReturnType<UserStore["findSession"]>>;
  try {
    store = await deps.users();
    // A sign-out this instance could not pass on: tell the store now, and refuse the session either way.
    if (store.kind === "database" && (await deps.mirror.isRevoked(claims.sid))) {
      await store.endSession(claims.sid);
      await deps.mirror.clearRevoked(claims.sid);
      return { status: "ended", reason: "revoked" };
    }
    found = await store.findSession(claims.sid);
  } catch (error) {
    logOutage(error, now);
    if (store?.kind === "files") return { status: "unverified" };
    try {
      const known = await deps.mirror.lookup(claims.sid, now);
      if (!known || known.user.id !== claims.uid || known.user.disabled) return { status: "unverified" };
      if (deps.production && isDemoEditorEmail(known.user.email)) return { status: "unverified" };
      return { status: "valid", editor: editorOf(known.user) };
    } catch (mirrorError) {
      console.error("[auth] the session mirror cannot be read", mirrorError);
      return { status: "unverified" };
    }
  }

  const mirrored = store.kind === "database";
  if (!found || found.user.id !== claims.uid || Date.parse(found.session.expiresAt) <= now) {
    if (mirrored) await deps.mirror.forget(claims.sid).catch(logMirrorError);
    return { status: "ended", reason: found && Date.parse(found.session.expiresAt) <= now ? "expired" : "revoked" };
  }
  if (found.user.disabled) {
    if (mirrored) await deps.mirror.forgetUser(found.user.id).catch(logMirrorError);
    return { status: "ended", reason: "disabled" };
  }
  if (deps.production && isDemoEditorEmail(found.user.email)) return { status: "ended", reason: "demo-in-production" };
  // The store answered; only the local mirror could fail to be written, and the answer stands.
  if (mirrored) await refreshMirror(store, deps, found, now).catch(logMirrorError);
  return { status: "valid", editor: editorOf(found.user) };
}

function logMirrorError(error: unknown): void {
  console.error("[auth] could not update the session mirror", error);
}

async function refreshMirror(
  store: UserStore,
  deps: SessionDeps,
  found: { session: StoredSession; user: StoredUser },
  now: number,
): Promise<void> {
  if (await deps.mirror.refreshDue(now)) {
    const [users, sessions] = await Promise.all([store.list(), store.listSessions(new Date(now))]);
    await deps.mirror.replace(users, sessions, now);
  } else {
    await deps.mirror.remember(found.session, found.user);
  }
}

/** Sign-out: the row goes, so the cookie is worthless even if someone kept a copy. */
export async function endSession(claims: Pick<SessionClaims, "sid" | "signedInAt">, deps: SessionDeps): Promise<void> {
  let store: UserStore | null = null;
  try {
    store = await deps.users();
    await store.endSession(claims.sid);
    if (store.kind === "database") await deps.mirror.forget(claims.sid);
  } catch (error) {
    if (store?.kind === "files") throw error;
    // The database is away: this instance refuses the session from now on and tells the database when it is back.
    console.warn("[auth] sign-out could not reach the user store; the session is refused here and ended there later", error instanceof Error ? error.message : error);
    await deps.mirror.revokeLater(claims.sid, new Date(claims.signedInAt + SESSION_LIFETIME_SECONDS * 1000).toISOString());
  }
}

/** "Sign out everywhere" for one user (also what an admin does for someone else). Returns how many ended. */
export async function endAllSessions(email: string, deps: SessionDeps): Promise<number> {
  const store = await deps.users();
  const user = await store.findByEmail(email);
  const ended = await store.endAllSessions(email);
  if (store.kind === "database" && user) await deps.mirror.forgetUser(user.id).catch(logMirrorError);
  return ended;
}
