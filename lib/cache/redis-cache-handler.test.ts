import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cacheGet,
  cacheRevalidateTags,
  cacheSet,
  createCacheState,
  entryTags,
  isExpiredByTags,
  type CacheState,
} from "./redis-cache-handler.mjs";
import { freePort } from "../../scripts/free-port";

/**
 * The shared page cache against a real redis-server this file starts on its own port (and kills, to test the
 * fallback). Two states stand for two instances of one build.
 */
const REDIS_BIN = "/usr/bin/redis-server";
const available = existsSync(REDIS_BIN);
if (!available) console.log("[cache test] no redis-server at /usr/bin/redis-server: the Redis cases are skipped");


let port = 0;
let redis: ChildProcess | null = null;

async function startRedis(): Promise<void> {
  redis = spawn(REDIS_BIN, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  for (let i = 0; i < 100; i++) {
    if (spawnSync("redis-cli", ["-p", String(port), "ping"], { encoding: "utf8" }).stdout.trim() === "PONG") return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("redis-server did not start");
}

async function stopRedis(): Promise<void> {
  const child = redis;
  redis = null;
  if (!child || child.exitCode !== null) return;
  await new Promise((resolve) => {
    child.once("exit", resolve);
    child.kill("SIGKILL");
  });
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const silent = { warn: () => undefined, info: () => undefined };
const page = (html: string, tags: string) => ({
  kind: "APP_PAGE",
  html,
  rscData: Buffer.from(`rsc ${html}`),
  segmentData: new Map([["/_tree", Buffer.from("tree")]]),
  headers: { "x-next-cache-tags": tags },
  status: 200,
});

describe("tag logic", () => {
  it("an entry answers to its header tags, a fetch entry's tags and soft tags", () => {
    expect(entryTags(page("a", "post:a,posts:list"), { softTags: ["_N_T_/posts/a"] }).sort()).toEqual(["_N_T_/posts/a", "post:a", "posts:list"]);
    expect(entryTags({ kind: "FETCH" }, { tags: ["x"] })).toEqual(["x"]);
  });
  it("expired when a tag was stamped at or after the entry was stored", () => {
    expect(isExpiredByTags(100, [null, "99"])).toBe(false);
    expect(isExpiredByTags(100, ["100"])).toBe(true);
    expect(isExpiredByTags(100, [null, 150])).toBe(true);
  });
});

describe.skipIf(!available)("shared page cache on Redis", () => {
  let a: CacheState;
  let b: CacheState;
  const prefix = `digest:cache:test-${process.pid}:`;
  const warnings: string[] = [];
  const infos: string[] = [];

  beforeAll(async () => {
    port = await freePort();
    await startRedis();
    const url = `redis://127.0.0.1:${port}`;
    a = createCacheState({ url, prefix, log: { warn: (line: string) => warnings.push(line), info: (line: string) => infos.push(line) } });
    b = createCacheState({ url, prefix, log: silent });
    await Promise.all([a.ready, b.ready]);
  });

  afterAll(async () => {
    await Promise.all([a, b].map((state) => state?.client?.close().catch(() => undefined)));
    await stopRedis();
  });

  it("what one instance stores the other serves, Buffers, Maps and lifetime included", async () => {
    await cacheSet(a, "/posts/one", page("<p>one</p>", "post:one,posts:list"), { cacheControl: { revalidate: 30, expire: 3600 } });
    const got = await cacheGet(b, "/posts/one", {});
    expect(got?.value).toMatchObject({ html: "<p>one</p>", status: 200 });
    const value = got?.value as ReturnType<typeof page>;
    expect(Buffer.isBuffer(value.rscData) && value.rscData.toString()).toBe("rsc <p>one</p>");
    expect(value.segmentData.get("/_tree")?.toString()).toBe("tree");
    expect(got?.cacheControl).toEqual({ revalidate: 30, expire: 3600 });
    expect(typeof got?.lastModified).toBe("number");
  });

  it("a tag expired on one instance is a miss on the other; untouched entries stay", async () => {
    await cacheSet(a, "/posts/two", page("two", "post:two"), {});
    await cacheSet(a, "/tags/k8s", page("k8s", "term:tags:k8s"), {});
    expect(await cacheGet(b, "/posts/two", {})).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 2));
    await cacheRevalidateTags(a, ["post:two"]);
    expect(await cacheGet(b, "/posts/two", {})).toBeNull();
    expect(await cacheGet(a, "/posts/two", {})).toBeNull();
    expect(await cacheGet(b, "/tags/k8s", {})).not.toBeNull();
    // Rendered again after the expiry: a hit once more.
    await new Promise((resolve) => setTimeout(resolve, 2));
    await cacheSet(b, "/posts/two", page("two again", "post:two"), {});
    expect((await cacheGet(a, "/posts/two", {}))?.value).toMatchObject({ html: "two again" });
  });

  it("soft tags (revalidatePath) and fetch tags count too", async () => {
    await cacheSet(a, "fetch-key", { kind: "FETCH", data: { body: "x" }, revalidate: 60 }, { fetchCache: true, tags: ["digest-page-tags"] });
    expect(await cacheGet(b, "fetch-key", { tags: ["digest-page-tags"], softTags: ["_N_T_/"] })).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 2));
    await cacheRevalidateTags(b, "_N_T_/");
    expect(await cacheGet(a, "fetch-key", { tags: ["digest-page-tags"], softTags: ["_N_T_/"] })).toBeNull();
  });

  it("Redis killed: served from memory, expiries apply locally and reach Redis when it returns; one line each way", async () => {
    await cacheSet(a, "/posts/three", page("three", "post:three"), {});
    await cacheSet(a, "/posts/four", page("four", "post:four"), {});
    expect(await cacheGet(a, "/posts/three", {})).not.toBeNull();
    await stopRedis();
    await until(() => !a.client?.isReady, "the client to notice");
    // Still served, from this process's memory.
    expect((await cacheGet(a, "/posts/three", {}))?.value).toMatchObject({ html: "three" });
    // A save during the outage: its expiry applies here at once and does not throw.
    await new Promise((resolve) => setTimeout(resolve, 2));
    await expect(cacheRevalidateTags(a, ["post:four"])).resolves.toBeUndefined();
    expect(await cacheGet(a, "/posts/four", {})).toBeNull();
    expect(a.pendingTags.has("post:four")).toBe(true);
    // New renders are kept locally meanwhile.
    await cacheSet(a, "/posts/five", page("five", "post:five"), {});
    expect(await cacheGet(a, "/posts/five", {})).not.toBeNull();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/\[cache\] Redis .* is unreachable/);

    await startRedis();
    // A fresh redis-server has lost the entries; the stamp of post:four is passed on.
    await until(() => a.healthy && Boolean(a.client?.isReady), "the client to reconnect");
    expect(a.pendingTags.size).toBe(0);
    expect(infos.some((line) => /reachable again/.test(line))).toBe(true);
    expect(warnings).toHaveLength(1);
    await until(() => Boolean(b.client?.isReady), "the other client to reconnect");
    expect(await b.client?.get(`${prefix}t:post:four`)).not.toBeNull();
    await cacheSet(b, "/posts/six", page("six", "post:six"), {});
    expect(await cacheGet(a, "/posts/six", {})).not.toBeNull();
  }, 30_000);
});
