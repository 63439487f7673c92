import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { authenticate } from "@/lib/auth/authenticate";
import { createFileUserStore } from "@/lib/auth/file-user-store";
import { dummyPasswordHash, hashPassword } from "@/lib/auth/password";
import { createSignInLimiter } from "@/lib/auth/rate-limit";
import type { UserStore } from "@/lib/auth/types";
import { scratchDir } from "@/tests/auth/helpers";

let users: UserStore;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const scratch = await scratchDir();
  cleanup = scratch.cleanup;
  users = createFileUserStore(path.join(scratch.dir, "users.json"));
  const passwordHash = await hashPassword("right-password");
  await users.create({ email: "ed@example.com", name: "Ed", role: "editor", passwordHash });
  await users.create({ email: "gone@example.com", name: "Gone", role: "admin", passwordHash });
  await users.setDisabled("gone@example.com", true);
  await dummyPasswordHash();
});
afterAll(() => cleanup());

const attempt = (email: string, password: string, limiter = createSignInLimiter(), address: string | null = "198.51.100.1") =>
  authenticate({ users, limiter }, { email, password, address });

async function timed<T>(run: () => Promise<T>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

describe("authenticate", () => {
  it("signs in with the right password, whatever the email's case", async () => {
    const result = await attempt(" ED@example.com", "right-password");
    expect(result).toEqual({
      ok: true,
      editor: { id: expect.any(String), email: "ed@example.com", name: "Ed", role: "editor" },
      sessionId: expect.any(String),
      signedInAt: expect.any(Number),
    });
    // The session it started is in the store, and the sign-in is recorded.
    if (!result.ok) return;
    expect((await users.findSession(result.sessionId))?.user.email).toBe("ed@example.com");
    expect((await users.findByEmail("ed@example.com"))?.lastSignInAt).toBe(new Date(result.signedInAt).toISOString());
  });

  it("gives the same answer for a wrong password, an unknown email and a disabled account", async () => {
    expect(await attempt("ed@example.com", "wrong-password")).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt("nobody@example.com", "right-password")).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt("gone@example.com", "right-password")).toEqual({ ok: false, reason: "invalid" });
  });

  it("spends bcrypt time on unknown emails too, so timing does not reveal which accounts exist", async () => {
    const wrongPassword = await timed(() => attempt("ed@example.com", "wrong-password"));
    const unknownEmail = await timed(() => attempt("nobody@example.com", "wrong-password"));
    // Both do one cost-12 comparison (hundreds of milliseconds); skipping it would take about a millisecond.
    expect(unknownEmail).toBeGreaterThan(wrongPassword * 0.5);
    expect(wrongPassword).toBeGreaterThan(unknownEmail * 0.5);
  });

  it("refuses the 6th attempt after 5 failures, even with the right password, without checking it", async () => {
    const limiter = createSignInLimiter();
    for (let i = 0; i < 5; i++) expect((await attempt("ed@example.com", `guess-${i}`, limiter)).ok).toBe(false);
    const sixth = await attempt("ed@example.com", "right-password", limiter);
    expect(sixth).toMatchObject({ ok: false, reason: "rate-limited" });
    if (!sixth.ok && sixth.reason === "rate-limited") expect(sixth.retryAfterMs).toBeGreaterThan(14 * 60_000);
  });

  it("refuses the demo editor, and anyone using its published password, in production", async () => {
    const demoHash = await hashPassword("digest-editor");
    await users.create({ email: "editor@digest.local", name: "Demo Editor", role: "editor", passwordHash: demoHash });
    await users.create({ email: "lazy@example.com", name: "Lazy", role: "admin", passwordHash: demoHash });
    const inProduction = (email: string, password: string) =>
      authenticate({ users, limiter: createSignInLimiter(), production: true }, { email, password, address: "198.51.100.9" });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      expect(await inProduction("editor@digest.local", "digest-editor")).toEqual({ ok: false, reason: "invalid" });
      expect(await inProduction("lazy@example.com", "digest-editor")).toEqual({ ok: false, reason: "invalid" });
      expect(warn).toHaveBeenCalledWith(expect.stringContaining("demo editor"));
    } finally {
      warn.mockRestore();
    }
    // Development keeps the demo editor.
    expect((await attempt("editor@digest.local", "digest-editor")).ok).toBe(true);
    // Production still signs in everyone else.
    expect((await inProduction("ed@example.com", "right-password")).ok).toBe(true);
  });

  it("lets an editor sign in again and again: successes do not use up the allowance", async () => {
    const limiter = createSignInLimiter();
    for (let i = 0; i < 7; i++) expect((await attempt("ed@example.com", "right-password", limiter)).ok).toBe(true);
  });
});
