import { createSignInLimiter, memoryBackend, postgresBackend, redisBackend, type LimiterBackend, type SignInLimiter } from "@/lib/auth/rate-limit";
import { databaseConfig } from "@/lib/db/config";
import { postgresSchema } from "@/lib/db/migrate";
import { firstConnection, getRedis, redisUrl } from "@/lib/redis";
import { processSlot } from "@/lib/singleton";

/**
 * Where this process keeps sign-in counters, so that every instance counts together and a restart forgets nothing:
 * REDIS_URL set → Redis; else a PostgreSQL DATABASE_URL → the SignInLimit table there; else (the embedded SQLite
 * database, or DIGEST_STORE=files: one process) this process's memory. Not SQLite: rate-limiter-flexible would need a
 * second better-sqlite3 connection, whose synchronous wait for the write lock blocks the event loop that Prisma's open
 * transaction on the first connection needs to finish — a sign-in stalled until the busy timeout. Redis and PostgreSQL
 * fall back to memory while they are unreachable (rate-limiter-flexible's insurance limiter), so a store that is down
 * never breaks signing in.
 */
async function openBackend(env: NodeJS.ProcessEnv): Promise<LimiterBackend> {
  const redis = getRedis(env);
  if (redis) {
    // The first sign-in of a fresh instance would otherwise find the client still connecting and count in memory only.
    await firstConnection(redis);
    return redisBackend(redis);
  }
  const config = databaseConfig(env);
  if (config.kind === "postgresql") {
    const { default: pg } = await import("pg");
    const pool = new pg.Pool({ connectionString: config.url, max: 3, connectionTimeoutMillis: 2_000, idleTimeoutMillis: 30_000 });
    // An idle connection dropped by the server must not crash the process; the next query reconnects or falls back.
    pool.on("error", () => undefined);
    return postgresBackend(pool, postgresSchema(config.url));
  }
  return memoryBackend();
}

interface LimiterState {
  key: string;
  limiter: Promise<SignInLimiter>;
}

const limiterSlot = processSlot<LimiterState>("sign-in-limiter");

function configKey(env: NodeJS.ProcessEnv): string {
  const config = databaseConfig(env);
  return `${redisUrl(env) ?? ""}|${config.kind === "none" ? "none" : config.kind === "sqlite" ? config.file : config.url}`;
}

/**
 * The process's limiter; kept on globalThis so development reloads do not reset the counts. Call it after the user
 * store is open: the database tables it uses come with the app's migrations.
 */
export function signInLimiter(env: NodeJS.ProcessEnv = process.env): Promise<SignInLimiter> {
  const key = configKey(env);
  const current = limiterSlot.value;
  if (current?.key === key) return current.limiter;
  const state: LimiterState = {
    key,
    limiter: openBackend(env).then((backend) => {
      console.info(`[auth] sign-in limits are kept in ${backend.kind === "memory" ? "this process's memory" : backend.kind}`);
      return createSignInLimiter({ backend });
    }),
  };
  state.limiter.catch(() => {
    if (limiterSlot.value === state) limiterSlot.value = undefined;
  });
  limiterSlot.value = state;
  return state.limiter;
}
