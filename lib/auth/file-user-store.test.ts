import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { scratchDir } from "@/tests/auth/helpers";
import { UserExistsError, UserNotFoundError } from "@/lib/auth/types";

// A pass-through `rename` the atomicity test can make fail once.
vi.mock("node:fs/promises", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:fs/promises")>();
  return { ...actual, rename: vi.fn(actual.rename) };
});
const fsPromises = await import("node:fs/promises");
const { createFileUserStore } = await import("@/lib/auth/file-user-store");

const HASH = "$2b$12$abcdefghijklmnopqrstuuK6G6m3QbQ7j1o8o4Xk1m0p0d4E7uL2a";
let dir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ dir, cleanup } = await scratchDir());
});
afterEach(() => cleanup());

const newUser = (email: string) => ({ email, name: "Ed", passwordHash: HASH, role: "editor" as const });

describe("file user store", () => {
  it("starts empty when the file does not exist, and creates it on the first write", async () => {
    const file = path.join(dir, "nested", "users.json");
    const users = createFileUserStore(file);
    expect(await users.list()).toEqual([]);
    expect(await users.count()).toBe(0);

    const created = await users.create(newUser(" Ed@Example.COM "));
    expect(created).toMatchObject({ email: "ed@example.com", name: "Ed", role: "editor", disabled: false });
    expect(created.id).toBeTruthy();

    const onDisk = JSON.parse(await readFile(file, "utf8"));
    expect(onDisk).toEqual({ version: 2, users: [created], sessions: [] });
    // Password hashes are for the server's eyes only.
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it("finds users case-insensitively and refuses a second account with the same email", async () => {
    const users = createFileUserStore(path.join(dir, "users.json"));
    await users.create(newUser("ed@example.com"));
    expect((await users.findByEmail("ED@example.com"))?.email).toBe("ed@example.com");
    expect(await users.findByEmail("nobody@example.com")).toBeNull();
    await expect(users.create(newUser("Ed@Example.com"))).rejects.toBeInstanceOf(UserExistsError);
    expect(await users.count()).toBe(1);
  });

  it("disables, re-enables and changes passwords, and says when the user does not exist", async () => {
    const users = createFileUserStore(path.join(dir, "users.json"));
    await users.create(newUser("ed@example.com"));
    expect((await users.setDisabled("ed@example.com", true)).disabled).toBe(true);
    expect((await users.findByEmail("ed@example.com"))?.disabled).toBe(true);
    expect((await users.setDisabled("ed@example.com", false)).disabled).toBe(false);
    const changed = await users.setPasswordHash("ed@example.com", "$2b$12$other");
    expect(changed.passwordHash).toBe("$2b$12$other");
    expect((await users.findByEmail("ed@example.com"))?.passwordHash).toBe("$2b$12$other");
    await expect(users.setDisabled("ghost@example.com", true)).rejects.toBeInstanceOf(UserNotFoundError);
    await expect(users.setPasswordHash("ghost@example.com", HASH)).rejects.toBeInstanceOf(UserNotFoundError);
  });

  it("loses no user when many are created at once", async () => {
    const users = createFileUserStore(path.join(dir, "users.json"));
    await Promise.all(Array.from({ length: 20 }, (_, i) => users.create(newUser(`user${i}@example.com`))));
    expect(await users.count()).toBe(20);
    expect(await readdir(dir)).toEqual(["users.json"]);
  });

  it("writes atomically: a failed write leaves the previous file whole and no temp file behind", async () => {
    const file = path.join(dir, "users.json");
    const users = createFileUserStore(file);
    await users.create(newUser("first@example.com"));
    const before = await readFile(file, "utf8");

    vi.mocked(fsPromises.rename).mockRejectedValueOnce(Object.assign(new Error("disk full"), { code: "ENOSPC" }));
    await expect(users.create(newUser("second@example.com"))).rejects.toThrow("disk full");

    expect(await readFile(file, "utf8")).toBe(before);
    expect(await readdir(dir)).toEqual(["users.json"]);
    // The store still works afterwards.
    await users.create(newUser("third@example.com"));
    expect((await users.list()).map((user) => user.email)).toEqual(["first@example.com", "third@example.com"]);
  });

  it("reads a users file written before sessions were kept, and upgrades it on the next write", async () => {
    const file = path.join(dir, "users.json");
    const old = { id: "u1", email: "old@example.com", name: "Old", passwordHash: HASH, role: "editor", disabled: false, createdAt: "2026-01-01T00:00:00.000Z" };
    await writeFile(file, JSON.stringify({ version: 1, users: [old] }));
    const users = createFileUserStore(file);
    expect(await users.findByEmail("old@example.com")).toEqual({ ...old, lastSignInAt: null });
    await users.startSession({ id: "s1", userId: "u1", at: "2026-12-01T00:00:00.000Z", expiresAt: "2099-01-01T00:00:00.000Z" });
    const onDisk = JSON.parse(await readFile(file, "utf8"));
    expect(onDisk.version).toBe(2);
    expect(onDisk.sessions).toHaveLength(1);
    expect(onDisk.users[0].lastSignInAt).toBe("2026-12-01T00:00:00.000Z");
  });

  it("refuses to read (and so to overwrite) a corrupt file", async () => {
    const file = path.join(dir, "users.json");
    await writeFile(file, JSON.stringify({ version: 1, users: [{ email: "no-id@example.com" }] }));
    const users = createFileUserStore(file);
    await expect(users.list()).rejects.toThrow(/not a valid users file/);
    await expect(users.create(newUser("new@example.com"))).rejects.toThrow(/not a valid users file/);
    expect(JSON.parse(await readFile(file, "utf8")).users).toHaveLength(1);
  });
});
