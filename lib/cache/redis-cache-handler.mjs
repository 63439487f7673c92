// Next's incremental cache (ISR pages, route handlers, unstable_cache) in Redis, shared by every instance, with a
// local tier for when Redis is away. Plain JavaScript because Next imports this file itself at run time
// (`cacheHandler` in next.config.ts, only when REDIS_URL is set); types for the tests: redis-cache-handler.d.mts.
//
// Tags are timestamps (`t:<tag>` = when it was last expired), as in Next's own Redis example: an entry whose tags
// (its x-next-cache-tags header, or a fetch entry's tags and soft tags) were expired at or after it was stored is a
// miss, on every instance, so the next request renders it from the store. Time-based expiry (the lifetime that ends
// when a scheduled post goes live) is Next's: the entry's lastModified and cacheControl are stored and handed back,
// so any instance computes the same staleness.
//
// Redis away: entries are served from this process's memory (written through on every set), and only when stored in
// the last LOCAL_MAX_AGE_MS, so an edit on another instance shows here within that time; expiries made meanwhile
// apply locally at once and are written to Redis when it returns. One log line each way.
import { readFileSync } from "node:fs";
import path from "node:path";
import { createClient } from "redis";

const TAGS_HEADER = "x-next-cache-tags";
/** Entries live at most a week in Redis (a re-render after that is harmless); tag stamps outlive them. */
const ENTRY_TTL_S = 7 * 86_400;
const TAG_TTL_S = 8 * 86_400;
const COMMAND_TIMEOUT_MS = 1_000;
const CONNECT_WAIT_MS = 1_000;
export const LOCAL_MAX_AGE_MS = 10_000;
const LOCAL_BUDGET_BYTES = 64 * 1024 * 1024;

/** JSON with Buffers and Maps (page RSC payloads, segment data) kept as such. */
function serialize(record) {
  return JSON.stringify(record, function replace(key, value) {
    const original = this[key];
    if (Buffer.isBuffer(original)) return { $b: original.toString("base64") };
    if (original instanceof Map) return { $m: [...original.entries()] };
    return value;
  });
}

function deserialize(text) {
  return JSON.parse(text, (_key, value) => {
    if (value && typeof value === "object") {
      if (typeof value.$b === "string") return Buffer.from(value.$b, "base64");
      if (Array.isArray(value.$m)) return new Map(value.$m);
    }
    return value;
  });
}

function withTimeout(promise) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not answer in ${COMMAND_TIMEOUT_MS} ms`)), COMMAND_TIMEOUT_MS);
      timer.unref?.();
    }),
  ]).finally(() => clearTimeout(timer));
}

// The twin of redactedRedisUrl in lib/redis.ts: Next loads this handler as plain JavaScript at start, outside the
// bundle, so it cannot import the TypeScript one.
function redact(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "REDIS_URL";
  }
}

/** The tags an entry answers to: a page's or route's own header, a fetch entry's tags and the route's soft tags. */
export function entryTags(value, ctx) {
  const tags = new Set();
  const header = value?.headers?.[TAGS_HEADER];
  if (typeof header === "string") for (const tag of header.split(",")) if (tag) tags.add(tag);
  for (const tag of ctx?.tags ?? []) tags.add(tag);
  for (const tag of ctx?.softTags ?? []) tags.add(tag);
  return [...tags];
}

/** True when a tag was expired at or after the entry was stored. */
export function isExpiredByTags(lastModified, stamps) {
  return stamps.some((stamp) => stamp !== null && stamp !== undefined && Number(stamp) >= lastModified);
}

/**
 * The state one process shares between the handler instances Next creates (one per request): the client, the local
 * tier, the expiries Redis has not heard of yet.
 */
export function createCacheState({ url, prefix, log = console, connect = true }) {
  const state = {
    prefix,
    client: null,
    healthy: true,
    local: new Map(),
    localBytes: 0,
    localTags: new Map(),
    pendingTags: new Map(),
    ready: Promise.resolve(),
  };
  if (!url || !connect) return state;
  const where = redact(url);
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: { connectTimeout: 2_000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2_000) },
  });
  state.client = client;
  client.on("error", (error) => {
    if (!state.healthy) return;
    state.healthy = false;
    log.warn(`[cache] Redis ${where} is unreachable (${error.message}): pages are served from this instance's memory (at most ${LOCAL_MAX_AGE_MS / 1000} s old) until it returns`);
  });
  client.on("ready", () => {
    void replayPending(state).then((count) => {
      if (state.healthy) return;
      state.healthy = true;
      log.info(`[cache] Redis ${where} is reachable again: the shared page cache is back${count ? ` (${count} expired tags passed on)` : ""}`);
    });
  });
  const connection = client.connect().catch(() => undefined);
  state.ready = Promise.race([connection, new Promise((resolve) => setTimeout(resolve, CONNECT_WAIT_MS).unref?.())]).then(() => undefined);
  return state;
}

async function replayPending(state) {
  if (state.pendingTags.size === 0 || !state.client?.isReady) return 0;
  const pending = [...state.pendingTags.entries()];
  try {
    const multi = state.client.multi();
    for (const [tag, stamp] of pending) multi.set(`${state.prefix}t:${tag}`, String(stamp), { expiration: { type: "EX", value: TAG_TTL_S } });
    await withTimeout(multi.exec());
    for (const [tag, stamp] of pending) if (state.pendingTags.get(tag) === stamp) state.pendingTags.delete(tag);
    return pending.length;
  } catch {
    return 0;
  }
}

function redisReady(state) {
  return Boolean(state.client?.isReady);
}

function rememberLocal(state, key, record, size) {
  const previous = state.local.get(key);
  if (previous) {
    state.localBytes -= previous.size;
    state.local.delete(key);
  }
  state.local.set(key, { record, size, storedAt: Date.now() });
  state.localBytes += size;
  for (const [oldest, entry] of state.local) {
    if (state.localBytes <= LOCAL_BUDGET_BYTES) break;
    state.local.delete(oldest);
    state.localBytes -= entry.size;
  }
}

function fromRecord(record) {
  return { lastModified: record.lastModified, value: record.value, cacheControl: record.cacheControl };
}

function getLocal(state, key, ctx) {
  const entry = state.local.get(key);
  if (!entry) return null;
  const { record } = entry;
  const tags = entryTags(record.value, ctx);
  if (isExpiredByTags(record.lastModified, tags.map((tag) => state.localTags.get(tag)))) return null;
  // Another instance may have changed what this entry shows; without Redis nobody can say, so it is kept briefly.
  if (Date.now() - entry.storedAt > LOCAL_MAX_AGE_MS) return null;
  return fromRecord(record);
}

export async function cacheGet(state, key, ctx) {
  await state.ready;
  if (redisReady(state)) {
    try {
      const text = await withTimeout(state.client.get(`${state.prefix}e:${key}`));
      if (text === null) return null;
      const record = deserialize(text);
      const tags = entryTags(record.value, ctx);
      if (tags.length > 0) {
        const stamps = await withTimeout(state.client.mGet(tags.map((tag) => `${state.prefix}t:${tag}`)));
        if (isExpiredByTags(record.lastModified, stamps)) return null;
      }
      rememberLocal(state, key, record, text.length);
      return fromRecord(record);
    } catch {
      // A connection dropping mid-request: the local tier answers (the error event has logged it).
    }
  }
  return getLocal(state, key, ctx);
}

export async function cacheSet(state, key, value, ctx) {
  await state.ready;
  if (value === null) {
    const previous = state.local.get(key);
    if (previous) state.localBytes -= previous.size;
    state.local.delete(key);
    if (redisReady(state)) await withTimeout(state.client.del(`${state.prefix}e:${key}`)).catch(() => undefined);
    return;
  }
  const cacheControl = ctx?.fetchCache ? undefined : ctx?.cacheControl;
  const record = { lastModified: Date.now(), value, cacheControl };
  const text = serialize(record);
  rememberLocal(state, key, record, text.length);
  if (!redisReady(state)) return;
  const expire = typeof cacheControl?.expire === "number" ? Math.min(Math.max(1, Math.ceil(cacheControl.expire)), ENTRY_TTL_S) : ENTRY_TTL_S;
  await withTimeout(state.client.set(`${state.prefix}e:${key}`, text, { expiration: { type: "EX", value: expire } })).catch(() => undefined);
}

/**
 * updateTag / revalidateTag: the tag's stamp becomes now, here at once and in Redis for every instance. A profile's
 * stale-while-revalidate window is not kept (Digest expires at once); the entry is re-rendered on the next request.
 * When Redis does not take it, the expiry is kept and passed on when it returns: a save never fails for the cache.
 */
export async function cacheRevalidateTags(state, tags) {
  const list = (typeof tags === "string" ? [tags] : tags).filter(Boolean);
  if (list.length === 0) return;
  const now = Date.now();
  for (const tag of list) {
    state.localTags.delete(tag);
    state.localTags.set(tag, now);
  }
  if (state.localTags.size > 50_000) for (const tag of [...state.localTags.keys()].slice(0, 10_000)) state.localTags.delete(tag);
  await state.ready;
  if (redisReady(state)) {
    try {
      const multi = state.client.multi();
      for (const tag of list) multi.set(`${state.prefix}t:${tag}`, String(now), { expiration: { type: "EX", value: TAG_TTL_S } });
      await withTimeout(multi.exec());
      return;
    } catch {
      // Kept below for when Redis returns.
    }
  }
  for (const tag of list) state.pendingTags.set(tag, now);
}

/** Entries of one build never meet another build's: the key prefix names the build. */
function buildPrefix(serverDistDir) {
  if (process.env.DIGEST_CACHE_PREFIX) return process.env.DIGEST_CACHE_PREFIX;
  let buildId = "dev";
  try {
    if (serverDistDir) buildId = readFileSync(path.join(serverDistDir, "..", "BUILD_ID"), "utf8").trim();
  } catch {
    // `next build` constructs the handler before BUILD_ID exists; the build phase never connects anyway.
  }
  return `digest:cache:${buildId}:`;
}

// The process registry of lib/singleton.ts, reached directly: Next loads this file as plain JavaScript, outside the
// bundles that could import the TypeScript module, and the key sits beside every other singleton's.
const registry = (globalThis.__digest ??= new Map());

function processState(ctx) {
  if (!registry.has("page-cache")) {
    const building = process.env.NEXT_PHASE === "phase-production-build";
    registry.set(
      "page-cache",
      createCacheState({
        url: process.env.REDIS_URL?.trim() || null,
        prefix: buildPrefix(ctx?.serverDistDir),
        connect: !building,
      }),
    );
  }
  return registry.get("page-cache");
}

export default class RedisCacheHandler {
  constructor(ctx) {
    this.state = processState(ctx);
  }

  get(key, ctx) {
    return cacheGet(this.state, key, ctx);
  }

  set(key, value, ctx) {
    return cacheSet(this.state, key, value, ctx);
  }

  revalidateTag(tags) {
    return cacheRevalidateTags(this.state, tags);
  }

  resetRequestCache() {}
}
