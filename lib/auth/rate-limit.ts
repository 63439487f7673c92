import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

export const SIGN_IN_ATTEMPTS = 5;
export const SIGN_IN_WINDOW_SECONDS = 15 * 60;

export type AttemptVerdict = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * Failed sign-ins per account and per client address. Every attempt takes a point up front (so parallel guesses cannot
 * all slip past a check-then-count), and a successful one gives its points back: only failures add up.
 */
export interface SignInLimiter {
  attempt(email: string, address: string | null): Promise<AttemptVerdict>;
  succeeded(email: string, address: string | null): Promise<void>;
}

export function createSignInLimiter(
  options: { points?: number; durationSeconds?: number } = {},
): SignInLimiter {
  const settings = {
    points: options.points ?? SIGN_IN_ATTEMPTS,
    duration: options.durationSeconds ?? SIGN_IN_WINDOW_SECONDS,
  };
  const byAccount = new RateLimiterMemory({ ...settings, keyPrefix: "sign-in-account" });
  const byAddress = new RateLimiterMemory({ ...settings, keyPrefix: "sign-in-address" });
  const accountKey = (email: string) => email.trim().toLowerCase();

  async function take(limiter: RateLimiterMemory, key: string): Promise<number> {
    try {
      await limiter.consume(key);
      return 0;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return Math.max(rejection.msBeforeNext, 1);
      throw rejection;
    }
  }

  return {
    async attempt(email, address) {
      // Both counters advance even when one already refuses, so hammering a locked account still counts against the address.
      const waits = await Promise.all([
        take(byAccount, accountKey(email)),
        address ? take(byAddress, address) : Promise.resolve(0),
      ]);
      const retryAfterMs = Math.max(...waits);
      return retryAfterMs > 0 ? { allowed: false, retryAfterMs } : { allowed: true };
    },

    async succeeded(email, address) {
      await Promise.all([
        byAccount.reward(accountKey(email)),
        address ? byAddress.reward(address) : Promise.resolve(),
      ]);
    },
  };
}

export function tooManyAttemptsMessage(retryAfterMs: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return `Too many attempts, try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
}

const globalLimiter = globalThis as typeof globalThis & { __digestSignInLimiter?: SignInLimiter };

/** One limiter per server process; kept on globalThis so development reloads do not reset the counts. */
export function signInLimiter(): SignInLimiter {
  globalLimiter.__digestSignInLimiter ??= createSignInLimiter();
  return globalLimiter.__digestSignInLimiter;
}
