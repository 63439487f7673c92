import { execFile } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { scratchDir } from "@/tests/auth/helpers";

const root = path.resolve(__dirname, "../..");
let dir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ dir, cleanup } = await scratchDir("digest-users-cli-"));
});
afterAll(() => cleanup());

type Result = { code: number; stdout: string; stderr: string };

function run(env: Record<string, string>, args: string[]): Promise<Result> {
  return new Promise((resolve) => {
    execFile(
      path.join(root, "node_modules/.bin/tsx"),
      ["scripts/users.ts", ...args],
      { cwd: root, env: { ...process.env, ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const users = (...args: string[]) => run({ DIGEST_STORE: "files", DIGEST_DATA_DIR: dir, DATABASE_URL: "" }, args);

async function stored(email: string) {
  const file = JSON.parse(await readFile(path.join(dir, "users.json"), "utf8")) as {
    users: Array<{ email: string; name: string; role: string; disabled: boolean; passwordHash: string }>;
  };
  return file.users.find((user) => user.email === email);
}

describe("npm run users", () => {
  it("adds users with a hashed password to data/users.json", async () => {
    const added = await users("add", "Ada@Example.com", "--password", "first-password", "--role", "admin", "--name", "Ada L");
    expect(added).toMatchObject({ code: 0, stdout: "Added admin ada@example.com.\n" });
    const ada = await stored("ada@example.com");
    expect(ada).toMatchObject({ name: "Ada L", role: "admin", disabled: false });
    expect(ada?.passwordHash).not.toContain("first-password");
    expect(await verifyPassword("first-password", ada!.passwordHash)).toBe(true);

    expect((await users("add", "bob@example.com", "--password", "bob-password", "--role", "editor")).code).toBe(0);
    expect((await stored("bob@example.com"))?.name).toBe("bob");
  });

  it("adds authors too", async () => {
    expect(await users("add", "cat@example.com", "--password", "cat-password", "--role", "author")).toMatchObject({
      code: 0,
      stdout: "Added author cat@example.com.\n",
    });
    expect((await stored("cat@example.com"))?.role).toBe("author");
  });

  it("lists users without their password hashes, with their last sign-in and open sessions", async () => {
    const { code, stdout } = await users("list");
    expect(code).toBe(0);
    const lines = stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^EMAIL\s+NAME\s+ROLE\s+STATUS\s+LAST SIGN-IN\s+SESSIONS\s+CREATED$/);
    expect(lines[1]).toMatch(/^ada@example\.com\s+Ada L\s+admin\s+active\s+never\s+0\s+\d{4}-/);
    expect(lines[2]).toMatch(/^bob@example\.com\s+bob\s+editor\s+active/);
    expect(stdout).not.toContain("$2");
  });

  it("changes roles", async () => {
    expect(await users("set-role", "cat@example.com", "--role", "editor")).toMatchObject({ code: 0, stdout: "cat@example.com is now editor.\n" });
    expect((await stored("cat@example.com"))?.role).toBe("editor");
    expect((await users("set-role", "cat@example.com", "--role", "owner")).code).toBe(2);
  });

  it("ends sessions: sign-out (everywhere), set-password and disable", async () => {
    const file = path.join(dir, "users.json");
    const withSessions = async (email: string, ids: string[]) => {
      const data = JSON.parse(await readFile(file, "utf8"));
      const user = data.users.find((candidate: { email: string }) => candidate.email === email);
      const later = new Date(Date.now() + 3600_000).toISOString();
      data.sessions.push(...ids.map((id) => ({ id, userId: user.id, createdAt: new Date().toISOString(), expiresAt: later })));
      await writeFile(file, JSON.stringify(data));
    };
    const sessionIds = async () => JSON.parse(await readFile(file, "utf8")).sessions.map((session: { id: string }) => session.id);

    await withSessions("cat@example.com", ["cat-session-a", "cat-session-b"]);
    expect(await users("sign-out", "cat@example.com")).toMatchObject({ code: 0, stdout: "cat@example.com is signed out everywhere (2 sessions ended).\n" });
    expect(await sessionIds()).toEqual([]);

    await withSessions("cat@example.com", ["cat-session-c"]);
    expect((await users("set-password", "cat@example.com", "--password", "new-cat-password")).code).toBe(0);
    expect(await sessionIds()).toEqual([]);

    await withSessions("cat@example.com", ["cat-session-d"]);
    expect((await users("disable", "cat@example.com")).code).toBe(0);
    expect(await sessionIds()).toEqual([]);
    expect((await users("sign-out", "ghost@example.com")).code).toBe(1);
  });

  it("disables and re-enables a user", async () => {
    expect(await users("disable", "bob@example.com")).toMatchObject({ code: 0, stdout: "bob@example.com is disabled.\n" });
    expect((await stored("bob@example.com"))?.disabled).toBe(true);
    expect((await users("list")).stdout).toMatch(/bob@example\.com\s+bob\s+editor\s+disabled/);
    expect((await users("enable", "bob@example.com")).code).toBe(0);
    expect((await stored("bob@example.com"))?.disabled).toBe(false);
  });

  it("sets a new password", async () => {
    expect(await users("set-password", "ada@example.com", "--password", "second-password")).toMatchObject({ code: 0 });
    const ada = await stored("ada@example.com");
    expect(await verifyPassword("second-password", ada!.passwordHash)).toBe(true);
    expect(await verifyPassword("first-password", ada!.passwordHash)).toBe(false);
  });

  it("refuses bad input with a message and a non-zero exit code, changing nothing", async () => {
    const before = await readFile(path.join(dir, "users.json"), "utf8");
    const duplicate = await users("add", "ADA@example.com", "--password", "whatever-pw", "--role", "editor");
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toContain("already exists");

    const badRole = await users("add", "cy@example.com", "--password", "cy-password", "--role", "owner");
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain("--role (author, editor or admin)");

    const shortPassword = await users("add", "cy@example.com", "--password", "short", "--role", "editor");
    expect(shortPassword.code).toBe(2);
    expect(shortPassword.stderr).toContain("at least 8");

    const unknown = await users("disable", "ghost@example.com");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("No user with the email ghost@example.com");

    expect((await users("frobnicate")).code).toBe(2);
    expect(await readFile(path.join(dir, "users.json"), "utf8")).toBe(before);
  });
});

describe("npm run users with a database", () => {
  it("keeps users in the SQLite database, not in users.json", async () => {
    const env = { DIGEST_STORE: "", DIGEST_DATA_DIR: path.join(dir, "db-mode"), DATABASE_URL: `file:${path.join(dir, "cli.db")}` };
    expect(await run(env, ["add", "db@example.com", "--password", "db-password", "--role", "editor"])).toMatchObject({
      code: 0,
      stdout: "Added editor db@example.com.\n",
    });
    const listed = await run(env, ["list"]);
    expect(listed.stdout).toMatch(/db@example\.com\s+db\s+editor\s+active/);
    await expect(readFile(path.join(dir, "db-mode", "users.json"))).rejects.toMatchObject({ code: "ENOENT" });
  });
});
