import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createFileUserStore } from "@/lib/auth/file-user-store";
import { createSessionMirror, MIRROR_REFRESH_MS } from "@/lib/auth/session-mirror";
import { checkSession, endAllSessions, endSession, SESSION_LIFETIME_SECONDS, startSession, type SessionDeps } from "@/lib/auth/sessions";
import type { StoredUser, UserStore } from "@/lib/auth/types";
import { scratchDir } from "@/tests/auth/helpers";

/** A database-kind store over a users file, that can be switched off like a database going away. */
function switchableDatabase(inner: UserStore): UserStore & { down: boolean } {
  const store = { down: false } as UserStore & { down: boolean };
  for (const key of Object.keys(inner) as (keyof UserStore)[]) {
    const member = inner[key];
    if (typeof member !== "function") continue;
    Object.defineProperty(store, key, {
      value: (...args: unknown[]) => {
        if (store.down) return Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:5432"));
        return (member as (...a: unknown[]) => Promise<unknown>)(...args);
      },
    });
  }
  Object.defineProperty(store, "kind", { value: "database" });
  return store;
}

let dir: string;
let cleanup: () => Promise<void>;
let db: ReturnType<typeof switchableDatabase>;
let deps: SessionDeps;
let clock: number;
let ed: StoredUser;

beforeEach(async () => {
  ({ dir, cleanup } = await scratchDir());
  db = switchableDatabase(createFileUserStore(path.join(dir, "users.json")));
  clock = Date.parse("2026-12-01T08:00:00.000Z");
  deps = { users: async () => db, mirror: createSessionMirror(path.join(dir, "session-mirror.json")), now: () => clock, production: false };
  ed = await db.create({ email: "ed@example.com", name: "Ed", role: "editor", passwordHash: "$2b$12$e" });
});
afterEach(() => cleanup());

async function signedIn(user: StoredUser = ed) {
  const { sessionId, signedInAt } = await startSession(db, user, clock);
  return { sid: sessionId, uid: user.id, signedInAt };
}

const mirrorOnDisk = async () => JSON.parse(await readFile(path.join(dir, "session-mirror.json"), "utf8"));

describe("checkSession while the store answers", () => {
  it("vouches for a live session with the user's current role, and mirrors it locally", async () => {
    const claims = await signedIn();
    await db.setRole("ed@example.com", "author");
    expect(await checkSession(claims, deps)).toEqual({
      status: "valid",
      editor: { id: ed.id, email: "ed@example.com", name: "Ed", role: "author" },
    });
    const mirror = await mirrorOnDisk();
    expect(mirror.sessions).toEqual([{ id: claims.sid, userId: ed.id, expiresAt: expect.any(String) }]);
    expect(mirror.users).toEqual([{ id: ed.id, email: "ed@example.com", name: "Ed", role: "author", disabled: false }]);
  });

  it("ends a session that was signed out, revoked, belongs to someone else, or passed its absolute end", async () => {
    const claims = await signedIn();
    expect(await checkSession({ ...claims, uid: "someone-else" }, deps)).toEqual({ status: "ended", reason: "revoked" });

    clock += SESSION_LIFETIME_SECONDS * 1000;
    expect(await checkSession(claims, deps)).toEqual({ status: "ended", reason: "expired" });
    clock -= SESSION_LIFETIME_SECONDS * 1000;

    await endSession(claims, deps);
    expect(await checkSession(claims, deps)).toEqual({ status: "ended", reason: "revoked" });

    const other = await signedIn();
    expect(await endAllSessions("ed@example.com", deps)).toBe(1);
    expect(await checkSession(other, deps)).toEqual({ status: "ended", reason: "revoked" });
  });

  it("refuses the demo editor's sessions in production", async () => {
    const demo = await db.create({ email: "editor@digest.local", name: "Demo", role: "editor", passwordHash: "$2b$12$d" });
    const claims = await signedIn(demo);
    expect((await checkSession(claims, deps)).status).toBe("valid");
    expect(await checkSession(claims, { ...deps, production: true })).toEqual({ status: "ended", reason: "demo-in-production" });
  });
});

describe("checkSession while the store is unreachable (fails closed)", () => {
  it("accepts a session the mirror knows, of an enabled user, and refuses every other one without ending it", async () => {
    const known = await signedIn();
    expect((await checkSession(known, deps)).status).toBe("valid");
    const neverChecked = await signedIn();

    db.down = true;
    expect(await checkSession(known, deps)).toEqual({ status: "valid", editor: { id: ed.id, email: "ed@example.com", name: "Ed", role: "editor" } });
    expect(await checkSession(neverChecked, deps)).toEqual({ status: "unverified" });
    expect(await checkSession({ ...known, uid: "forged" }, deps)).toEqual({ status: "unverified" });
    expect(await checkSession({ ...known, sid: "x".repeat(43) }, deps)).toEqual({ status: "unverified" });

    // When the store is back, the refused session is fine again: it was never ended.
    db.down = false;
    expect((await checkSession(neverChecked, deps)).status).toBe("valid");
  });

  it("refuses a user the mirror last saw disabled, or a session it saw expire", async () => {
    const claims = await signedIn();
    await checkSession(claims, deps);
    const file = path.join(dir, "session-mirror.json");
    const mirror = await mirrorOnDisk();
    mirror.users[0].disabled = true;
    await writeFile(file, JSON.stringify(mirror));
    db.down = true;
    expect(await checkSession(claims, deps)).toEqual({ status: "unverified" });

    mirror.users[0].disabled = false;
    mirror.sessions[0].expiresAt = new Date(clock - 1000).toISOString();
    await writeFile(file, JSON.stringify(mirror));
    expect(await checkSession(claims, deps)).toEqual({ status: "unverified" });
  });

  it("refuses a session signed out during the outage, and ends it in the store when it is back", async () => {
    const claims = await signedIn();
    await checkSession(claims, deps);
    db.down = true;
    await endSession(claims, deps);
    expect(await checkSession(claims, deps)).toEqual({ status: "unverified" });

    db.down = false;
    expect(await checkSession(claims, deps)).toEqual({ status: "ended", reason: "revoked" });
    expect(await db.findSession(claims.sid)).toBeNull();
    expect((await mirrorOnDisk()).revoked).toEqual([]);
  });

  it("learns of sessions revoked elsewhere (another instance) at its next full refresh", async () => {
    const mine = await signedIn();
    const revokedElsewhere = await signedIn();
    await checkSession(mine, deps);
    await checkSession(revokedElsewhere, deps);
    await db.endSession(revokedElsewhere.sid);

    clock += MIRROR_REFRESH_MS;
    await checkSession(mine, deps);
    db.down = true;
    expect((await checkSession(mine, deps)).status).toBe("valid");
    expect(await checkSession(revokedElsewhere, deps)).toEqual({ status: "unverified" });
  });

  it("treats a damaged mirror as knowing nobody, and never throws", async () => {
    const claims = await signedIn();
    await checkSession(claims, deps);
    await writeFile(path.join(dir, "session-mirror.json"), "{ not json");
    db.down = true;
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      expect(await checkSession(claims, deps)).toEqual({ status: "unverified" });
    } finally {
      console.error = original;
    }
    expect(errors.length).toBeGreaterThan(0);
  });
});
