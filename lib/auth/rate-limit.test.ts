import { describe, expect, it } from "vitest";
import { createSignInLimiter, tooManyAttemptsMessage } from "@/lib/auth/rate-limit";

async function fail(limiter: ReturnType<typeof createSignInLimiter>, email: string, address: string | null, times: number) {
  const verdicts = [];
  for (let i = 0; i < times; i++) verdicts.push(await limiter.attempt(email, address));
  return verdicts;
}

describe("sign-in rate limiter", () => {
  it("allows 5 failed attempts per account and blocks the 6th, from any address", async () => {
    const limiter = createSignInLimiter();
    const verdicts = [];
    for (let i = 0; i < 5; i++) verdicts.push(await limiter.attempt("victim@digest.local", `10.0.0.${i}`));
    expect(verdicts.every((verdict) => verdict.allowed)).toBe(true);

    const sixth = await limiter.attempt("Victim@Digest.local ", "10.0.0.99");
    expect(sixth.allowed).toBe(false);
    if (!sixth.allowed) {
      expect(sixth.retryAfterMs).toBeGreaterThan(14 * 60_000);
      expect(sixth.retryAfterMs).toBeLessThanOrEqual(15 * 60_000);
    }
    // Another account is not affected.
    expect((await limiter.attempt("someone-else@digest.local", "10.0.0.100")).allowed).toBe(true);
  });

  it("allows 5 failed attempts per address and blocks the 6th, whatever the account", async () => {
    const limiter = createSignInLimiter();
    for (let i = 0; i < 5; i++) expect((await limiter.attempt(`user${i}@digest.local`, "192.0.2.7")).allowed).toBe(true);
    expect((await limiter.attempt("user5@digest.local", "192.0.2.7")).allowed).toBe(false);
    expect((await limiter.attempt("user5@digest.local", "192.0.2.8")).allowed).toBe(true);
  });

  it("does not count successful sign-ins", async () => {
    const limiter = createSignInLimiter();
    for (let i = 0; i < 10; i++) {
      expect((await limiter.attempt("editor@digest.local", "127.0.0.1")).allowed).toBe(true);
      await limiter.succeeded("editor@digest.local", "127.0.0.1");
    }
    const verdicts = await fail(limiter, "editor@digest.local", "127.0.0.1", 6);
    expect(verdicts.map((verdict) => verdict.allowed)).toEqual([true, true, true, true, true, false]);
  });

  it("counts parallel attempts too", async () => {
    const limiter = createSignInLimiter();
    const verdicts = await Promise.all(
      Array.from({ length: 8 }, () => limiter.attempt("editor@digest.local", null)),
    );
    expect(verdicts.filter((verdict) => verdict.allowed)).toHaveLength(5);
  });

  it("says how many minutes to wait, rounded up", () => {
    expect(tooManyAttemptsMessage(15 * 60_000)).toBe("Too many attempts, try again in 15 minutes.");
    expect(tooManyAttemptsMessage(4 * 60_000 + 1)).toBe("Too many attempts, try again in 5 minutes.");
    expect(tooManyAttemptsMessage(1_000)).toBe("Too many attempts, try again in 1 minute.");
  });
});
