import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "./client";
import { testDatabases } from "./testing";
import { createUser, EmailTakenError, findUserByEmail, listUsers, setUserDisabled, setUserPassword, UserNotFoundError } from "./users";

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
      createdAt: expect.any(Date),
    });
    expect(await findUserByEmail(db, "EDITOR@example.com")).toEqual(created);
    expect(await findUserByEmail(db, "nobody@example.com")).toBeNull();
  });

  it("refuses a duplicate email and invalid input", async () => {
    await expect(createUser(db, { email: "editor@example.com", name: "x", passwordHash: "h" })).rejects.toBeInstanceOf(EmailTakenError);
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
