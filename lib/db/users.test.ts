import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserExistsError, UserNotFoundError } from "@/lib/errors";
import type { Db } from "./client";
import { testDatabases } from "./testing";
import {
  createSession,
  createUser,
  deleteSession,
  deleteUserSessions,
  findSession,
  findUserByEmail,
  findUserById,
  listActiveSessions,
  listUsers,
  setUserDisabled,
  setUserPassword,
  setUserRole,
} from "./users";

describe.each(testDatabases())("users on $kind", (database) => {
  let db: Db;
  beforeAll(async () => {
    db = await database.open();
  });
  afterAll(() => database.close());

  it("creates users with normalised emails and finds them case-insensitively", async () => {
    const created = await createUser(db, { email: " Editor@Example.com ", name: "编辑", passwordHash: "hash-1" });
    expect(created).toEqual({
      id: expect.any(String),
      email: "editor@example.com",
      name: "编辑",
      passwordHash: "hash-1",
      role: "editor",
      disabled: false,
      lastSignInAt: null,
      createdAt: expect.any(Date),
    });
    expect(await findUserByEmail(db, "EDITOR@example.com")).toEqual(created);
    expect(await findUserByEmail(db, "nobody@example.com")).toBeNull();
  });

  it("refuses a duplicate email and invalid input", async () => {
    await expect(createUser(db, { email: "editor@example.com", name: "x", passwordHash: "h" })).rejects.toBeInstanceOf(UserExistsError);
    await expect(createUser(db, { email: "not-an-email", name: "x", passwordHash: "h" })).rejects.toThrow();
  });

  it("lists, disables and changes passwords", async () => {
    await createUser(db, { email: "admin@example.com", name: "Admin", passwordHash: "hash-a", role: "admin" });
    expect((await listUsers(db)).map((user) => [user.email, user.role])).toEqual([
      ["admin@example.com", "admin"],
      ["editor@example.com", "editor"],
    ]);
    expect((await setUserDisabled(db, "Editor@example.com", true)).disabled).toBe(true);
    expect((await setUserPassword(db, "editor@example.com", "hash-2")).passwordHash).toBe("hash-2");
    expect(await findUserByEmail(db, "editor@example.com")).toMatchObject({ disabled: true, passwordHash: "hash-2" });
    await expect(setUserDisabled(db, "ghost@example.com", true)).rejects.toBeInstanceOf(UserNotFoundError);
  });
});

describe.each(testDatabases())("roles and sessions on $kind", (database) => {
  let db: Db;
  beforeAll(async () => {
    db = await database.open();
  });
  afterAll(() => database.close());

  const hour = 60 * 60 * 1000;

  it("stores the author role, changes roles and finds users by id", async () => {
    const author = await createUser(db, { email: "author@example.com", name: "作者", passwordHash: "h", role: "author" });
    expect(author).toMatchObject({ role: "author", lastSignInAt: null });
    expect(await findUserById(db, author.id)).toEqual(author);
    expect(await findUserById(db, "no-such-id")).toBeNull();
    expect((await setUserRole(db, "AUTHOR@example.com", "editor")).role).toBe("editor");
    await expect(setUserRole(db, "ghost@example.com", "admin")).rejects.toBeInstanceOf(UserNotFoundError);
    await expect(setUserRole(db, "author@example.com", "owner" as never)).rejects.toThrow();
  });

  it("starts a session, records the sign-in time and finds the session with its user", async () => {
    const user = await createUser(db, { email: "s1@example.com", name: "S", passwordHash: "h" });
    const at = new Date("2026-12-01T08:00:00.000Z");
    const session = await createSession(db, { id: "sess-1", userId: user.id, at, expiresAt: new Date(at.getTime() + 7 * 24 * hour) });
    expect(session).toEqual({ id: "sess-1", userId: user.id, createdAt: at, expiresAt: new Date(at.getTime() + 7 * 24 * hour) });
    expect((await findUserById(db, user.id))?.lastSignInAt).toEqual(at);
    const found = await findSession(db, "sess-1");
    expect(found?.session).toEqual(session);
    expect(found?.user).toMatchObject({ id: user.id, email: "s1@example.com", lastSignInAt: at });
    expect(await findSession(db, "sess-unknown")).toBeNull();
  });

  it("ends one session, or every session of a user, and lists the ones still running", async () => {
    const user = await createUser(db, { email: "s2@example.com", name: "S", passwordHash: "h" });
    const now = new Date();
    const later = new Date(now.getTime() + hour);
    for (const id of ["a", "b", "c"]) await createSession(db, { id: `s2-${id}`, userId: user.id, at: now, expiresAt: later });
    expect(await deleteSession(db, "s2-a")).toBe(true);
    expect(await deleteSession(db, "s2-a")).toBe(false);
    expect(await findSession(db, "s2-a")).toBeNull();
    const running = (await listActiveSessions(db, now)).filter((session) => session.userId === user.id);
    expect(running.map((session) => session.id).sort()).toEqual(["s2-b", "s2-c"]);
    expect(await deleteUserSessions(db, "S2@example.com")).toBe(2);
    expect(await findSession(db, "s2-b")).toBeNull();
    await expect(deleteUserSessions(db, "ghost@example.com")).rejects.toBeInstanceOf(UserNotFoundError);
  });

  it("ends every session when the password changes or the account is disabled", async () => {
    const user = await createUser(db, { email: "s3@example.com", name: "S", passwordHash: "h" });
    const now = new Date();
    await createSession(db, { id: "s3-a", userId: user.id, at: now, expiresAt: new Date(now.getTime() + hour) });
    await setUserPassword(db, "s3@example.com", "h2");
    expect(await findSession(db, "s3-a")).toBeNull();
    await createSession(db, { id: "s3-b", userId: user.id, at: now, expiresAt: new Date(now.getTime() + hour) });
    await setUserDisabled(db, "s3@example.com", true);
    expect(await findSession(db, "s3-b")).toBeNull();
  });

  it("drops a user's expired sessions at the next sign-in and never lists them", async () => {
    const user = await createUser(db, { email: "s4@example.com", name: "S", passwordHash: "h" });
    const now = new Date();
    await createSession(db, { id: "s4-old", userId: user.id, at: new Date(now.getTime() - 3 * hour), expiresAt: new Date(now.getTime() - hour) });
    expect((await listActiveSessions(db, now)).some((session) => session.id === "s4-old")).toBe(false);
    await createSession(db, { id: "s4-new", userId: user.id, at: now, expiresAt: new Date(now.getTime() + hour) });
    expect(await db.userSession.count({ where: { userId: user.id } })).toBe(1);
  });
});
