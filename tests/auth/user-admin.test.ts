/**
 * /admin/users: the account rules (lib/auth/user-admin.ts) on a real users file, and the actions
 * (app/admin/users/actions.ts) refusing every role but admin.
 */
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createFileUserStore } from "@/lib/auth/file-user-store";
import { verifyPassword } from "@/lib/auth/password";
import { createSessionMirror } from "@/lib/auth/session-mirror";
import { startSession, type SessionDeps } from "@/lib/auth/sessions";
import type { SessionEditor, StoredUser, UserStore } from "@/lib/auth/types";
import { changeRole, createAccount, generatePassword, listUserRows, resetPassword, setDisabled, signOutEverywhere } from "@/lib/auth/user-admin";
import { scratchDir } from "@/tests/auth/helpers";

let users: UserStore;
vi.mock("@/lib/auth/user-store", () => ({ getUserStore: async () => users }));
vi.mock("@/lib/auth/session", () => ({ getSessionEditor: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { getSessionEditor } = await import("@/lib/auth/session");
const actions = await import("@/app/admin/users/actions");

let cleanup: () => Promise<void>;
let deps: SessionDeps;
let admin: StoredUser;
const asEditor = (user: StoredUser): SessionEditor => ({ id: user.id, email: user.email, name: user.name, role: user.role });

beforeAll(async () => {
  const scratch = await scratchDir();
  cleanup = scratch.cleanup;
  process.env.DIGEST_DATA_DIR = scratch.dir;
  users = createFileUserStore(path.join(scratch.dir, "users.json"));
  deps = { users: async () => users, mirror: createSessionMirror(path.join(scratch.dir, "mirror.json")), now: Date.now, production: false };
  admin = (await createAccount(deps, { email: "boss@example.com", name: "Boss", role: "admin", password: "boss-password" })).user;
});
afterAll(() => cleanup());

describe("account rules", () => {
  it("creates a user with a typed password, or generates one worth handing over", async () => {
    const typed = await createAccount(deps, { email: " New@Example.com ", name: "", role: "author", password: "typed-password" });
    expect(typed).toMatchObject({ password: "typed-password", generated: false, user: { email: "new@example.com", name: "new", role: "author" } });
    expect(await verifyPassword("typed-password", typed.user.passwordHash)).toBe(true);

    const made = await createAccount(deps, { email: "gen@example.com", name: "Gen", role: "editor", password: null });
    expect(made.generated).toBe(true);
    expect(made.password).toMatch(/^[\w]{4}-[\w]{4}-[\w]{4}-[\w]{4}$/);
    expect(await verifyPassword(made.password, made.user.passwordHash)).toBe(true);
    expect(generatePassword()).not.toBe(generatePassword());

    await expect(createAccount(deps, { email: "short@example.com", name: "", role: "author", password: "short" })).rejects.toThrow(/at least 8/);
  });

  it("never leaves the site without an enabled admin, and nobody disables themselves", async () => {
    await expect(changeRole(deps, "boss@example.com", "editor")).rejects.toThrow(/only admin/);
    await expect(setDisabled(deps, asEditor(admin), "boss@example.com", true)).rejects.toThrow(/your own account/);
    const second = (await createAccount(deps, { email: "second@example.com", name: "", role: "admin", password: null })).user;
    await expect(setDisabled(deps, asEditor(second), "boss@example.com", true)).resolves.toMatchObject({ disabled: true });
    await expect(changeRole(deps, "second@example.com", "editor")).rejects.toThrow(/only admin/);
    await setDisabled(deps, asEditor(second), "boss@example.com", false);
    expect((await changeRole(deps, "second@example.com", "editor")).role).toBe("editor");
  });

  it("ends a user's sessions at a reset password, a disable and 'sign out everywhere', and counts them", async () => {
    const target = (await createAccount(deps, { email: "target@example.com", name: "", role: "author", password: null })).user;
    const begin = () => startSession(users, target, Date.now());
    await begin();
    await begin();
    expect((await listUserRows(deps)).find((row) => row.email === "target@example.com")).toMatchObject({ activeSessions: 2, lastSignInAt: expect.any(String), role: "author" });

    const reset = await resetPassword(deps, "target@example.com", null);
    expect(await verifyPassword(reset.password, reset.user.passwordHash)).toBe(true);
    expect((await users.listSessions()).filter((s) => s.userId === target.id)).toHaveLength(0);

    await begin();
    expect(await signOutEverywhere(deps, "target@example.com")).toBe(1);
    await begin();
    await setDisabled(deps, asEditor(admin), "target@example.com", true);
    expect((await listUserRows(deps)).find((row) => row.email === "target@example.com")).toMatchObject({ activeSessions: 0, disabled: true });
    await expect(signOutEverywhere(deps, "ghost@example.com")).rejects.toThrow(/No user/);
  });
});

describe("the /admin/users actions", () => {
  const calls = () => [
    actions.createUserAction(undefined, { email: "x@example.com", role: "author", password: "" }),
    actions.changeRoleAction(undefined, { email: "boss@example.com", role: "author" }),
    actions.setDisabledAction(undefined, { email: "boss@example.com", disabled: "true" }),
    actions.resetPasswordAction(undefined, { email: "boss@example.com", password: "" }),
    actions.signOutUserEverywhereAction(undefined, { email: "boss@example.com" }),
  ];

  beforeEach(() => vi.mocked(getSessionEditor).mockReset());

  it("refuse anyone but an admin, changing nothing", async () => {
    const before = JSON.stringify(await users.list());
    for (const role of ["author", "editor"] as const) {
      vi.mocked(getSessionEditor).mockResolvedValue({ id: "u-x", email: `${role}@example.com`, name: role, role });
      for (const result of await Promise.all(calls())) expect(result).toEqual({ ok: false, error: "forbidden" });
    }
    vi.mocked(getSessionEditor).mockResolvedValue(null);
    for (const result of await Promise.all(calls())) expect(result).toEqual({ ok: false, error: "unauthorized" });
    expect(JSON.stringify(await users.list())).toBe(before);
  });

  it("let an admin create a user and see the password once; a taken email is a field error", async () => {
    vi.mocked(getSessionEditor).mockResolvedValue(asEditor(admin));
    const created = await actions.createUserAction(undefined, { email: "made@example.com", name: "Made", role: "editor", password: "" });
    expect(created).toMatchObject({ ok: true, data: { email: "made@example.com", generated: true } });
    const again = await actions.createUserAction(undefined, { email: "made@example.com", role: "editor", password: "" });
    expect(again).toMatchObject({ ok: false, fieldErrors: { email: [expect.stringContaining("already exists")] } });
    const bad = await actions.createUserAction(undefined, { email: "not-an-email", role: "editor", password: "" });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { email: ["Enter a valid email address."] } });
  });
});
