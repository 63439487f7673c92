import { randomBytes } from "node:crypto";
import path from "node:path";
import { encode } from "next-auth/jwt";
import type { BrowserContext } from "@playwright/test";
import { mirrorFile, writeMirrorFile, type MirrorFile, type MirrorUser } from "../../lib/auth/session-mirror";
import { e2eAuthSecret, e2eSites } from "../sites";

/** Auth.js's cookie name on plain http. */
const COOKIE = "authjs.session-token";

export interface OutageSession {
  sid: string;
  user: MirrorUser;
}

/**
 * Puts a signed session cookie into the browser, as if the editor had signed in before the database went away
 * (signing in needs the accounts, which live in the database). The cookie alone is not enough while the database is
 * down: the server believes it only if its local session mirror knows the session, as it would had the server
 * checked that session while the database answered. `mirrored: false` leaves the mirror without it.
 */
export async function addOutageSession(
  context: BrowserContext,
  baseURL: string,
  options: { mirrored?: boolean; disabled?: boolean; user?: Omit<MirrorUser, "disabled"> } = {},
): Promise<OutageSession> {
  const user: MirrorUser = {
    ...(options.user ?? { id: "outage-editor", email: "outage-editor@digest.local", name: "outage editor", role: "editor" }),
    disabled: options.disabled ?? false,
  };
  const sid = randomBytes(32).toString("base64url");
  const signedInAt = Date.now();
  const editor = { id: user.id, email: user.email, name: user.name, role: user.role };
  const value = await encode({
    token: { sub: user.id, email: user.email, name: user.name, sid, uid: user.id, signedInAt, editor },
    secret: e2eAuthSecret,
    salt: COOKIE,
    maxAge: 60 * 60,
  });
  await context.addCookies([{ name: COOKIE, value, url: baseURL, httpOnly: true, sameSite: "Lax" }]);
  if (options.mirrored ?? true) await mirrorSession({ sid, user, expiresAt: new Date(signedInAt + 60 * 60_000).toISOString() });
  return { sid, user };
}

const dataDir = e2eSites.find((site) => site.name === "outage")!.env.DIGEST_DATA_DIR;

/** Adds one session (and its user) to the outage site's mirror file, keeping what other tests put there. */
async function mirrorSession(entry: { sid: string; user: MirrorUser; expiresAt: string }): Promise<void> {
  const file = mirrorFile(path.resolve(dataDir));
  let current: MirrorFile = { version: 1, refreshedAt: null, users: [], sessions: [], revoked: [] };
  try {
    const { readFile } = await import("node:fs/promises");
    current = JSON.parse(await readFile(file, "utf8")) as MirrorFile;
  } catch {
    // No mirror yet.
  }
  current.users = [...current.users.filter((user) => user.id !== entry.user.id), entry.user];
  current.sessions = [...current.sessions, { id: entry.sid, userId: entry.user.id, expiresAt: entry.expiresAt }];
  await writeMirrorFile(file, current);
}
