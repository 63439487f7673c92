import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";

/**
 * Sign-in limits that stop guessing without letting anyone lock an editor out, built the way Auth0's brute-force
 * protection and OWASP's guidance do it (and counted with rate-limiter-flexible):
 *
 * - failures per (account, address) pair: 5 in 15 minutes blocks that pair for 15 minutes. Someone else's failures
 *   from elsewhere do not block the editor; a success clears the pair. (Auth0: "brute-force protection" per user/IP.)
 * - failures per address, across accounts: 20 an hour blocks the address for an hour (Auth0: "suspicious IP
 *   throttling"), against spraying one password over many accounts.
 * - a slower per-account back-off for attempts from browsers the account has not signed in from: 10 such failures an
 *   hour, from any addresses, pause them for 15 minutes. Browsers that signed in to the account before carry a device
 *   cookie (OWASP "device cookies", also how Microsoft's smart lockout treats familiar sign-ins) and are not paused:
 *   they have their own budget of 5 failures per 15 minutes. So a distributed guesser slows to a crawl, and the
 *   editor still signs in from their own browser, from any address, with the right password.
 * - bcrypt work per address: 10 password checks a minute, successes included. Each check costs a cost-12 hash;
 *   beyond that the attempt is refused before hashing.
 *
 * Every attempt takes its points up front, so parallel guesses cannot all slip past a check-then-count.
 */
export interface LimitSpec {
  points: number;
  durationSeconds: number;
  blockSeconds: number;
}

export interface SignInLimits {
  pair: LimitSpec;
  address: LimitSpec;
  account: LimitSpec;
  device: LimitSpec;
  hashing: LimitSpec;
}

export const SIGN_IN_LIMITS: SignInLimits = {
  pair: { points: 5, durationSeconds: 15 * 60, blockSeconds: 15 * 60 },
  address: { points: 20, durationSeconds: 60 * 60, blockSeconds: 60 * 60 },
  account: { points: 10, durationSeconds: 60 * 60, blockSeconds: 15 * 60 },
  device: { points: 5, durationSeconds: 15 * 60, blockSeconds: 15 * 60 },
  hashing: { points: 10, durationSeconds: 60, blockSeconds: 0 },
};

export type AttemptVerdict = { allowed: true; trusted: boolean } | { allowed: false; retryAfterMs: number };

export interface SignInAttempt {
  /** Lowercased. */
  email: string;
  /** The client's address (lib/auth/client-address.ts); null when unknown. */
  address: string | null;
  /** The nonce of a genuine device cookie for this account, when the browser sent one. */
  device: string | null;
}

export interface SignInLimiter {
  readonly store: LimiterBackend["kind"];
  attempt(attempt: SignInAttempt): Promise<AttemptVerdict>;
  succeeded(attempt: SignInAttempt & { trusted: boolean }): Promise<void>;
}

/** Where counters live. Every store-backed one falls back to this process's memory while its store is away. */
export interface LimiterBackend {
  kind: "memory" | "redis" | "postgresql";
  make(options: { keyPrefix: string; points: number; duration: number; blockDuration: number }): RateLimiterAbstract;
}

export function memoryBackend(): LimiterBackend {
  return { kind: "memory", make: (options) => new RateLimiterMemory(options) };
}

/** node-redis client (`redis` package). `rejectIfRedisNotReady`: while it is disconnected, memory answers at once. */
export function redisBackend(client: unknown): LimiterBackend {
  return {
    kind: "redis",
    make: (options) =>
      new RateLimiterRedis({
        ...options,
        storeClient: client,
        useRedisPackage: true,
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory(options),
      }),
  };
}

/** The SignInLimit table of the app's migrations (prisma/…/schema.prisma), through a pg Pool. */
export function postgresBackend(pool: unknown, schemaName: string | undefined): LimiterBackend {
  let first = true;
  return {
    kind: "postgresql",
    make: (options) => {
      // Expired rows are swept by one limiter's timer; they all share the table.
      const clearExpiredByTimeout = first;
      first = false;
      return new RateLimiterPostgres({
        ...options,
        storeClient: pool,
        storeType: "pool",
        tableName: "SignInLimit",
        schemaName,
        tableCreated: true,
        clearExpiredByTimeout,
        insuranceLimiter: new RateLimiterMemory(options),
      });
    },
  };
}

export function createSignInLimiter(
  options: { backend?: LimiterBackend; limits?: Partial<SignInLimits>; keyPrefix?: string } = {},
): SignInLimiter {
  const backend = options.backend ?? memoryBackend();
  const limits = { ...SIGN_IN_LIMITS, ...options.limits };
  const prefix = options.keyPrefix ?? "digest:sign-in";
  const make = (name: keyof SignInLimits) =>
    backend.make({
      keyPrefix: `${prefix}:${name}`,
      points: limits[name].points,
      duration: limits[name].durationSeconds,
      blockDuration: limits[name].blockSeconds,
    });
  const pair = make("pair");
  const byAddress = make("address");
  const account = make("account");
  const device = make("device");
  const hashing = make("hashing");

  /** 0 when allowed, else how long to wait. */
  async function take(limiter: RateLimiterAbstract, key: string): Promise<number> {
    try {
      await limiter.consume(key);
      return 0;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return Math.max(rejection.msBeforeNext, 1);
      throw rejection;
    }
  }

  async function usedUp(limiter: RateLimiterAbstract, key: string, points: number): Promise<boolean> {
    const state = await limiter.get(key);
    return state !== null && state.consumedPoints >= points;
  }

  const addressKey = (address: string | null) => address ?? "unknown";
  const pairKey = (attempt: SignInAttempt) => `${attempt.email}|${addressKey(attempt.address)}`;
  const deviceKey = (attempt: SignInAttempt) => `${attempt.email}|${attempt.device}`;

  return {
    store: backend.kind,

    async attempt(attempt) {
      // A device cookie that failed too often is no longer trusted: the attempt counts as a stranger's.
      const trusted = attempt.device !== null && !(await usedUp(device, deviceKey(attempt), limits.device.points));
      // Limits keyed by where the attempt comes from first: hammering them only hurts the one hammering.
      const waits = await Promise.all([
        take(hashing, addressKey(attempt.address)),
        trusted ? take(device, deviceKey(attempt)) : take(pair, pairKey(attempt)),
        trusted ? Promise.resolve(0) : take(byAddress, addressKey(attempt.address)),
      ]);
      let retryAfterMs = Math.max(...waits);
      // Only attempts no source limit refused count against the account, so one address cannot push it over alone.
      if (retryAfterMs === 0 && !trusted) retryAfterMs = await take(account, attempt.email);
      return retryAfterMs > 0 ? { allowed: false, retryAfterMs } : { allowed: true, trusted };
    },

    async succeeded(attempt) {
      if (attempt.trusted) {
        await device.delete(deviceKey(attempt));
        return;
      }
      await Promise.all([
        pair.delete(pairKey(attempt)),
        byAddress.reward(addressKey(attempt.address)),
        account.reward(attempt.email),
      ]);
    },
  };
}

export function tooManyAttemptsMessage(retryAfterMs: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return `Too many attempts, try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
}
