import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabaseUserStore } from "@/lib/auth/database-user-store";
import { createFileUserStore } from "@/lib/auth/file-user-store";
import { UserExistsError, UserNotFoundError, type UserStore } from "@/lib/auth/types";
import { disconnectDatabase, getDatabase } from "@/lib/db/client";
import { scratchDir } from "@/tests/auth/helpers";

// The same behaviour is expected of both backends; each gets a fresh place to keep users.
const backends: Array<[string, (dir: string) => Promise<UserStore>]> = [
  ["files", async (dir) => createFileUserStore(path.join(dir, "users.json"))],
  [
    "database (SQLite)",
    async (dir) => {
      process.env.DATABASE_URL = `file:${path.join(dir, "users.db")}`;
      delete process.env.DIGEST_STORE;
      const db = await getDatabase();
      if (!db) throw new Error("expected a database");
      return createDatabaseUserStore(db);
    },
  ],
];

// PostgreSQL too when a test server is given (TEST_DATABASE_URL), in a schema of its own that is dropped afterwards.
const postgresUrl = process.env.TEST_DATABASE_URL;
let postgresSchema: string | undefined;
if (postgresUrl) {
  backends.push([
    "database (PostgreSQL)",
    async () => {
      postgresSchema = `auth_users_${crypto.randomUUID().replaceAll("-", "")}`;
      const url = new URL(postgresUrl);
      url.searchParams.set("schema", postgresSchema);
      process.env.DATABASE_URL = url.toString();
      delete process.env.DIGEST_STORE;
      const db = await getDatabase();
      if (!db) throw new Error("expected a database");
      return createDatabaseUserStore(db);
    },
  ]);
}

async function dropPostgresSchema(): Promise<void> {
  if (!postgresUrl || !postgresSchema) return;
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${client.escapeIdentifier(postgresSchema)} CASCADE`);
  } finally {
    await client.end();
  }
}

describe.each(backends)("user store: %s", (_name, open) => {
  let users: UserStore;
  let cleanup: () => Promise<void>;
  const savedUrl = process.env.DATABASE_URL;

  beforeAll(async () => {
    const scratch = await scratchDir();
    cleanup = scratch.cleanup;
    users = await open(scratch.dir);
  });
  afterAll(async () => {
    await disconnectDatabase();
    await dropPostgresSchema();
    if (savedUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = savedUrl;
    await cleanup();
  });

  it("creates, finds (case-insensitively), lists and counts users", async () => {
    expect(await users.count()).toBe(0);
    const created = await users.create({ email: "Ada@Example.com", name: "Ada", passwordHash: "$2b$12$a", role: "admin" });
    expect(created).toEqual({
      id: expect.any(String),
      email: "ada@example.com",
      name: "Ada",
      passwordHash: "$2b$12$a",
      role: "admin",
      disabled: false,
      lastSignInAt: null,
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    expect(await users.findByEmail(" ADA@example.com")).toEqual(created);
    expect(await users.findByEmail("nobody@example.com")).toBeNull();
    await users.create({ email: "bob@example.com", name: "Bob", passwordHash: "$2b$12$b", role: "editor" });
    expect((await users.list()).map((user) => user.email).sort()).toEqual(["ada@example.com", "bob@example.com"]);
    expect(await users.count()).toBe(2);
  });

  it("refuses a duplicate email with UserExistsError", async () => {
    await expect(
      users.create({ email: "ada@EXAMPLE.com", name: "Other", passwordHash: "$2b$12$c", role: "editor" }),
    ).rejects.toBeInstanceOf(UserExistsError);
  });

  it("disables, enables and changes the password hash; unknown emails give UserNotFoundError", async () => {
    expect((await users.setDisabled("bob@example.com", true)).disabled).toBe(true);
    expect((await users.findByEmail("bob@example.com"))?.disabled).toBe(true);
    expect((await users.setDisabled("BOB@example.com", false)).disabled).toBe(false);
    expect((await users.setPasswordHash("bob@example.com", "$2b$12$new")).passwordHash).toBe("$2b$12$new");
    expect((await users.findByEmail("bob@example.com"))?.passwordHash).toBe("$2b$12$new");
    await expect(users.setDisabled("ghost@example.com", true)).rejects.toBeInstanceOf(UserNotFoundError);
    await expect(users.setPasswordHash("ghost@example.com", "$2b$12$x")).rejects.toBeInstanceOf(UserNotFoundError);
  });

  it("finds users by id and changes roles, author included", async () => {
    const ada = await users.findByEmail("ada@example.com");
    expect(await users.findById(ada!.id)).toEqual(ada);
    expect(await users.findById("no-such-id")).toBeNull();
    expect((await users.setRole("ADA@example.com", "author")).role).toBe("author");
    expect((await users.findByEmail("ada@example.com"))?.role).toBe("author");
    await users.setRole("ada@example.com", "admin");
    await expect(users.setRole("ghost@example.com", "editor")).rejects.toBeInstanceOf(UserNotFoundError);
  });

  const hour = 60 * 60 * 1000;
  const iso = (ms: number) => new Date(ms).toISOString();

  it("starts sessions, records the last sign-in, and finds a session with its user", async () => {
    const bob = (await users.findByEmail("bob@example.com"))!;
    const at = Date.now();
    const session = await users.startSession({ id: "bob-1", userId: bob.id, at: iso(at), expiresAt: iso(at + hour) });
    expect(session).toEqual({ id: "bob-1", userId: bob.id, createdAt: iso(at), expiresAt: iso(at + hour) });
    expect((await users.findByEmail("bob@example.com"))?.lastSignInAt).toBe(iso(at));
    const found = await users.findSession("bob-1");
    expect(found?.session).toEqual(session);
    expect(found?.user).toMatchObject({ id: bob.id, email: "bob@example.com", lastSignInAt: iso(at) });
    expect(await users.findSession("nope")).toBeNull();
    expect((await users.listSessions()).map((s) => s.id)).toContain("bob-1");
  });

  it("ends one session, all of a user's, and all of them on a password change or a disable", async () => {
    const bob = (await users.findByEmail("bob@example.com"))!;
    const at = Date.now();
    const start = (id: string) => users.startSession({ id, userId: bob.id, at: iso(at), expiresAt: iso(at + hour) });
    await start("bob-2");
    await users.endSession("bob-2");
    expect(await users.findSession("bob-2")).toBeNull();
    expect(await users.findSession("bob-1")).not.toBeNull();

    await start("bob-3");
    expect(await users.endAllSessions("BOB@example.com")).toBe(2);
    expect(await users.findSession("bob-1")).toBeNull();
    await expect(users.endAllSessions("ghost@example.com")).rejects.toBeInstanceOf(UserNotFoundError);

    await start("bob-4");
    await users.setPasswordHash("bob@example.com", "$2b$12$again");
    expect(await users.findSession("bob-4")).toBeNull();

    await start("bob-5");
    await users.setDisabled("bob@example.com", true);
    expect(await users.findSession("bob-5")).toBeNull();
    await users.setDisabled("bob@example.com", false);
  });

  it("never lists expired sessions, and drops them at the user's next sign-in", async () => {
    const bob = (await users.findByEmail("bob@example.com"))!;
    const now = Date.now();
    await users.startSession({ id: "bob-old", userId: bob.id, at: iso(now - 3 * hour), expiresAt: iso(now - hour) });
    expect((await users.listSessions()).some((s) => s.id === "bob-old")).toBe(false);
    await users.startSession({ id: "bob-new", userId: bob.id, at: iso(now), expiresAt: iso(now + hour) });
    expect(await users.findSession("bob-old")).toBeNull();
  });
});
