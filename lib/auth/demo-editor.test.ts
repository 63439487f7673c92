import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEMO_EDITOR, demoEditorWarning, seedDemoEditor } from "@/lib/auth/demo-editor";
import { createFileUserStore } from "@/lib/auth/file-user-store";
import { verifyPassword } from "@/lib/auth/password";
import type { UserStore } from "@/lib/auth/types";
import { scratchDir } from "@/tests/auth/helpers";

let users: UserStore;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  const scratch = await scratchDir();
  cleanup = scratch.cleanup;
  users = createFileUserStore(path.join(scratch.dir, "users.json"));
});
afterEach(() => cleanup());

describe("demo editor", () => {
  it("is seeded in development when there is no user at all, with the README's credentials", async () => {
    expect(await seedDemoEditor(users, { NODE_ENV: "development" } as NodeJS.ProcessEnv)).toBe(true);
    const editor = await users.findByEmail("editor@digest.local");
    expect(editor).toMatchObject({ role: "editor", disabled: false });
    expect(await verifyPassword("digest-editor", editor!.passwordHash)).toBe(true);
    expect(DEMO_EDITOR).toMatchObject({ email: "editor@digest.local", password: "digest-editor" });
    // Only once.
    expect(await seedDemoEditor(users, { NODE_ENV: "development" } as NodeJS.ProcessEnv)).toBe(false);
    expect(await users.count()).toBe(1);
  });

  it("is not seeded when any user exists", async () => {
    await users.create({ email: "admin@example.com", name: "Admin", role: "admin", passwordHash: "$2b$12$x" });
    expect(await seedDemoEditor(users, { NODE_ENV: "development" } as NodeJS.ProcessEnv)).toBe(false);
    expect(await users.findByEmail(DEMO_EDITOR.email)).toBeNull();
  });

  it("is never seeded in production", async () => {
    expect(await seedDemoEditor(users, { NODE_ENV: "production" } as NodeJS.ProcessEnv)).toBe(false);
    expect(await users.count()).toBe(0);
  });

  it("is named in a warning at a production start when it exists there, and only then", async () => {
    const production = { NODE_ENV: "production" } as NodeJS.ProcessEnv;
    expect(await demoEditorWarning(users, production)).toBeNull();
    await seedDemoEditor(users, { NODE_ENV: "development" } as NodeJS.ProcessEnv);
    expect(await demoEditorWarning(users, production)).toMatch(/demo editor editor@digest\.local exists .*Production refuses it.*users -- disable editor@digest\.local/);
    expect(await demoEditorWarning(users, { NODE_ENV: "development" } as NodeJS.ProcessEnv)).toBeNull();
    await users.setDisabled(DEMO_EDITOR.email, true);
    expect(await demoEditorWarning(users, production)).toBeNull();
  });
});
