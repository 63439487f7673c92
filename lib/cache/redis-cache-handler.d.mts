// Types of redis-cache-handler.mjs for the tests (Next imports the JavaScript itself).
import type { RedisClientType } from "redis";

export const LOCAL_MAX_AGE_MS: number;

export interface CacheRecord {
  lastModified: number;
  value: unknown;
  cacheControl?: { revalidate: number | false; expire?: number };
}

export interface CacheState {
  prefix: string;
  client: RedisClientType | null;
  healthy: boolean;
  local: Map<string, { record: CacheRecord; size: number; storedAt: number }>;
  localTags: Map<string, number>;
  pendingTags: Map<string, number>;
  ready: Promise<void>;
}

export interface CacheContext {
  tags?: string[];
  softTags?: string[];
  fetchCache?: boolean;
  cacheControl?: { revalidate: number | false; expire?: number };
}

export function entryTags(value: unknown, ctx?: CacheContext): string[];
export function isExpiredByTags(lastModified: number, stamps: (string | number | null | undefined)[]): boolean;
export function createCacheState(options: {
  url: string | null;
  prefix: string;
  log?: Pick<Console, "warn" | "info">;
  connect?: boolean;
}): CacheState;
export function cacheGet(state: CacheState, key: string, ctx?: CacheContext): Promise<CacheRecord | null>;
export function cacheSet(state: CacheState, key: string, value: unknown, ctx?: CacheContext): Promise<void>;
export function cacheRevalidateTags(state: CacheState, tags: string | string[]): Promise<void>;

export default class RedisCacheHandler {
  constructor(ctx: { serverDistDir?: string });
  get(key: string, ctx?: CacheContext): Promise<CacheRecord | null>;
  set(key: string, value: unknown, ctx?: CacheContext): Promise<void>;
  revalidateTag(tags: string | string[]): Promise<void>;
  resetRequestCache(): void;
}
