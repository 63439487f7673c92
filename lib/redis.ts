/**
 * The one Redis connection of this process (node-redis), when REDIS_URL is set. Small on purpose: whoever needs Redis
 * (sign-in limits today) takes this client and decides what to do while it is not ready; nothing here blocks a
 * request. A Redis that is down or goes away is logged once, with one more line when it is back; the client keeps
 * reconnecting with a capped back-off, and commands fail at once instead of queueing while it is away.
 */
import { createClient } from "redis";
import { processSlot } from "./singleton";

/** Created once with fixed options; the type follows from them. */
function connectClient(url: string) {
  return createClient({
    url,
    // While disconnected, fail a command at once (callers fall back) rather than hold it until Redis returns.
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 2_000,
      reconnectStrategy: (retries: number) => Math.min(250 * 2 ** retries, 10_000),
    },
  });
}

export type RedisClient = ReturnType<typeof connectClient>;

interface RedisState {
  url: string;
  client: RedisClient;
}

const redisSlot = processSlot<RedisState>("redis");

/** The URL without its password, for logs. */
export function redactedRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "REDIS_URL";
  }
}

export function redisUrl(env: NodeJS.ProcessEnv = process.env): string | null {
  const url = env.REDIS_URL?.trim();
  return url ? url : null;
}

/** Opens a client and starts connecting in the background. Exported for tests; the app uses `getRedis()`. */
export function openRedis(url: string, log: Pick<Console, "warn" | "info"> = console): RedisClient {
  const where = redactedRedisUrl(url);
  let healthy = true;
  const client = connectClient(url);
  client.on("error", (error: Error) => {
    if (!healthy) return;
    healthy = false;
    log.warn(`[redis] ${where} is unreachable (${error.message}); falling back to this process until it returns`);
  });
  client.on("ready", () => {
    if (healthy) return;
    healthy = true;
    log.info(`[redis] ${where} is reachable again`);
  });
  // The first connection may fail; the reconnect strategy keeps trying, and `error` has said so once.
  client.connect().catch(() => undefined);
  return client;
}

/** The process's client for REDIS_URL, or null when it is not set. Never waits for the connection. */
export function getRedis(env: NodeJS.ProcessEnv = process.env): RedisClient | null {
  const url = redisUrl(env);
  if (!url) return null;
  const current = redisSlot.value;
  if (current?.url === url) return current.client;
  if (current) void current.client.close().catch(() => undefined);
  const client = openRedis(url);
  redisSlot.value = { url, client };
  return client;
}

/**
 * Waits (at most `ms`) for a client that is still making its first connection, so a process's first command goes to
 * Redis rather than to a fallback: a fresh instance must see the counts the others kept. Never throws.
 */
export function firstConnection(client: RedisClient, ms = 1_000): Promise<void> {
  if (client.isReady) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    timer.unref?.();
    function done() {
      clearTimeout(timer);
      client.off("ready", done);
      resolve();
    }
    client.on("ready", done);
  });
}
