import net from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  createSignInLimiter,
  memoryBackend,
  postgresBackend,
  redisBackend,
  SIGN_IN_LIMITS,
  tooManyAttemptsMessage,
  type LimiterBackend,
  type SignInAttempt,
  type SignInLimiter,
  type SignInLimits,
} from "@/lib/auth/rate-limit";
import { migrateDatabase } from "@/lib/db/migrate";
import { openRedis } from "@/lib/redis";

/**
 * The same rules on every store. Memory always; PostgreSQL when TEST_DATABASE_URL is set (a schema of its own);
 * Redis when TEST_REDIS_URL is set or a server answers at 127.0.0.1:6379 (random key prefixes: the server is shared).
 */
interface Store {
  name: string;
  /** A backend as one more instance (or a restarted one) would open it. */
  open(): Promise<LimiterBackend>;
  close(): Promise<void>;
}

const runId = crypto.randomUUID().slice(0, 8);
const stores: Store[] = [{ name: "memory", open: async () => memoryBackend(), close: async () => {} }];

const postgresUrl = process.env.TEST_DATABASE_URL;
if (postgresUrl) {
  const schema = `limits_${runId}`;
  const url = new URL(postgresUrl);
  url.searchParams.set("schema", schema);
  const pools: { end(): Promise<void> }[] = [];
  stores.push({
    name: "postgresql",
    async open() {
      await migrateDatabase({ kind: "postgresql", url: url.toString() });
      const { default: pg } = await import("pg");
      const pool = new pg.Pool({ connectionString: postgresUrl, max: 2 });
      pools.push(pool);
      return postgresBackend(pool, schema);
    },
    async close() {
      for (const pool of pools) await pool.end();
      const { default: pg } = await import("pg");
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${client.escapeIdentifier(schema)} CASCADE`);
      await client.end();
    },
  });
}

async function answers(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 500 }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
    socket.on("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}

const redisUrl = process.env.TEST_REDIS_URL ?? ((await answers("127.0.0.1", 6379)) ? "redis://127.0.0.1:6379" : null);
if (redisUrl) {
  const clients: ReturnType<typeof openRedis>[] = [];
  stores.push({
    name: "redis",
    async open() {
      const client = openRedis(redisUrl);
      clients.push(client);
      await vi.waitFor(() => expect(client.isReady).toBe(true), { timeout: 5_000 });
      return redisBackend(client);
    },
    async close() {
      for (const client of clients) await client.close();
    },
  });
}

const attempt = (email: string, address: string | null, device: string | null = null): SignInAttempt => ({ email, address, device });

async function failures(limiter: SignInLimiter, attempts: SignInAttempt[]): Promise<boolean[]> {
  const allowed: boolean[] = [];
  for (const one of attempts) allowed.push((await limiter.attempt(one)).allowed);
  return allowed;
}

/** Isolates one rule: the bcrypt cap would otherwise cut long sequences from one address short. */
const roomyHashing: Partial<SignInLimits> = { hashing: { points: 1000, durationSeconds: 60, blockSeconds: 0 } };

describe.each(stores)("sign-in limits on $name", (store) => {
  let backend: LimiterBackend;
  let prefix = 0;
  const limiter = (limits: Partial<SignInLimits> = {}, on: LimiterBackend = backend) =>
    createSignInLimiter({ backend: on, limits, keyPrefix: `test:${runId}:${store.name}:${++prefix}` });

  beforeAll(async () => {
    backend = await store.open();
  });
  afterAll(() => store.close());

  it("counts failures per account and address: the 6th from one address is refused, other addresses are not", async () => {
    const limits = limiter();
    expect(await failures(limits, Array.from({ length: 6 }, () => attempt("victim@digest.local", "192.0.2.1")))).toEqual([
      true, true, true, true, true, false,
    ]);
    const refused = await limits.attempt(attempt("victim@digest.local", "192.0.2.1"));
    expect(refused).toMatchObject({ allowed: false });
    if (!refused.allowed) expect(refused.retryAfterMs).toBeGreaterThan(14 * 60_000);
    // The same editor from their own address is not affected.
    expect(await limits.attempt(attempt("victim@digest.local", "198.51.100.1"))).toEqual({ allowed: true, trusted: false });
  });

  it("lets the right password from a new address in after failures from many addresses", async () => {
    const limits = limiter();
    const spread = Array.from({ length: 6 }, (_, i) => attempt("editor@digest.local", `203.0.113.${i + 1}`));
    expect((await failures(limits, spread)).every(Boolean)).toBe(true);
    expect((await limits.attempt(attempt("editor@digest.local", "198.51.100.50"))).allowed).toBe(true);
  });

  it("pauses strangers after 10 failures an hour for an account, from any addresses, but never a trusted browser", async () => {
    const limits = limiter();
    const spread = Array.from({ length: 10 }, (_, i) => attempt("editor@digest.local", `203.0.113.${i + 1}`));
    expect((await failures(limits, spread)).every(Boolean)).toBe(true);
    const stranger = await limits.attempt(attempt("editor@digest.local", "198.51.100.77"));
    expect(stranger).toMatchObject({ allowed: false });
    if (!stranger.allowed) expect(stranger.retryAfterMs).toBeGreaterThan(14 * 60_000);
    // The editor's own browser (device cookie) from yet another address.
    expect(await limits.attempt(attempt("editor@digest.local", "198.51.100.78", "device-1"))).toEqual({ allowed: true, trusted: true });
    // Other accounts are untouched.
    expect((await limits.attempt(attempt("other@digest.local", "198.51.100.79"))).allowed).toBe(true);
  });

  it("does not let one address push the account back-off over by hammering a pair it already has blocked", async () => {
    const limits = limiter(roomyHashing);
    const same = Array.from({ length: 30 }, () => attempt("editor@digest.local", "203.0.113.200"));
    expect((await failures(limits, same)).filter(Boolean)).toHaveLength(5);
    expect((await limits.attempt(attempt("editor@digest.local", "198.51.100.2"))).allowed).toBe(true);
  });

  it("gives a trusted browser 5 failures, after which it counts as a stranger", async () => {
    const limits = limiter();
    const own = Array.from({ length: 5 }, () => attempt("ed@digest.local", "198.51.100.3", "device-2"));
    expect((await failures(limits, own)).every(Boolean)).toBe(true);
    // Now a stranger: the per-pair count for this address starts.
    expect(await limits.attempt(attempt("ed@digest.local", "198.51.100.3", "device-2"))).toEqual({ allowed: true, trusted: false });
  });

  it("caps bcrypt checks per address at 10 a minute, successes included, whatever the account", async () => {
    const limits = limiter();
    for (let i = 0; i < 10; i++) {
      const one = attempt(`user${i}@digest.local`, "192.0.2.50");
      const verdict = await limits.attempt(one);
      expect(verdict.allowed).toBe(true);
      await limits.succeeded({ ...one, trusted: false });
    }
    const eleventh = await limits.attempt(attempt("user10@digest.local", "192.0.2.50"));
    expect(eleventh).toMatchObject({ allowed: false });
    if (!eleventh.allowed) expect(eleventh.retryAfterMs).toBeLessThanOrEqual(60_000);
    expect((await limits.attempt(attempt("user10@digest.local", "192.0.2.51"))).allowed).toBe(true);
  });

  it("counts failures per address across accounts: 20 an hour, then the address is refused", async () => {
    const limits = limiter(roomyHashing);
    const sprayed = Array.from({ length: 21 }, (_, i) => attempt(`spray${i}@digest.local`, "192.0.2.60"));
    const allowed = await failures(limits, sprayed);
    expect(allowed.slice(0, 20).every(Boolean)).toBe(true);
    expect(allowed[20]).toBe(false);
  });

  it("does not count successful sign-ins", async () => {
    const limits = limiter(roomyHashing);
    for (let i = 0; i < 12; i++) {
      const one = attempt("editor@digest.local", "127.0.0.1");
      expect((await limits.attempt(one)).allowed).toBe(true);
      await limits.succeeded({ ...one, trusted: false });
    }
    expect(await failures(limits, Array.from({ length: 6 }, () => attempt("editor@digest.local", "127.0.0.1")))).toEqual([
      true, true, true, true, true, false,
    ]);
  });

  it("counts parallel attempts too", async () => {
    const limits = limiter(roomyHashing);
    const verdicts = await Promise.all(Array.from({ length: 8 }, () => limits.attempt(attempt("editor@digest.local", "192.0.2.70"))));
    expect(verdicts.filter((verdict) => verdict.allowed)).toHaveLength(5);
  });

  it.skipIf(store.name === "memory")("shares counts between instances, and keeps them over a restart", async () => {
    const keyPrefix = `test:${runId}:${store.name}:shared`;
    const a = createSignInLimiter({ backend, keyPrefix });
    const b = createSignInLimiter({ backend: await store.open(), keyPrefix });
    expect(await failures(a, Array.from({ length: 3 }, () => attempt("shared@digest.local", "192.0.2.80")))).toEqual([true, true, true]);
    expect(await failures(b, Array.from({ length: 3 }, () => attempt("shared@digest.local", "192.0.2.80")))).toEqual([true, true, false]);
    const restarted = createSignInLimiter({ backend: await store.open(), keyPrefix });
    expect((await restarted.attempt(attempt("shared@digest.local", "192.0.2.80"))).allowed).toBe(false);
  });
});

describe("sign-in limits with Redis down", () => {
  it("still answers, from this process's memory, and says so once", async () => {
    const warn = vi.fn();
    const client = openRedis("redis://127.0.0.1:9", { warn, info: vi.fn() });
    try {
      const limits = createSignInLimiter({ backend: redisBackend(client), keyPrefix: `test:${runId}:down` });
      const allowed = await failures(limits, Array.from({ length: 6 }, () => attempt("ed@digest.local", "192.0.2.90")));
      expect(allowed).toEqual([true, true, true, true, true, false]);
      await vi.waitFor(() => expect(warn).toHaveBeenCalled());
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0][0])).toMatch(/\[redis\] redis:\/\/127\.0\.0\.1:9 is unreachable .*falling back/);
    } finally {
      await client.close().catch(() => undefined);
    }
  });
});

describe("the default limits", () => {
  it("are the documented ones", () => {
    expect(SIGN_IN_LIMITS).toEqual({
      pair: { points: 5, durationSeconds: 900, blockSeconds: 900 },
      address: { points: 20, durationSeconds: 3600, blockSeconds: 3600 },
      account: { points: 10, durationSeconds: 3600, blockSeconds: 900 },
      device: { points: 5, durationSeconds: 900, blockSeconds: 900 },
      hashing: { points: 10, durationSeconds: 60, blockSeconds: 0 },
    });
  });

  it("say how many minutes to wait, rounded up", () => {
    expect(tooManyAttemptsMessage(15 * 60_000)).toBe("Too many attempts, try again in 15 minutes.");
    expect(tooManyAttemptsMessage(4 * 60_000 + 1)).toBe("Too many attempts, try again in 5 minutes.");
    expect(tooManyAttemptsMessage(1_000)).toBe("Too many attempts, try again in 1 minute.");
  });
});
