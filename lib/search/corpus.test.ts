import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Post } from "@/lib/content/types";
import { loadPostDirectory } from "@/lib/content/load";
import { testDatabases } from "@/lib/db/testing";
import { plainText } from "@/lib/search/plain-text";
import { normalizeText } from "@/lib/search/tokenize";
import { createDatabaseStore } from "@/lib/store/database";
import { searchDialect } from "@/lib/store/sql/search-dialect";
import { importPosts } from "@/lib/store/transfer";
import type { PostStore } from "@/lib/store/types";
import { corpusFolders, resolveCorpus } from "@/tests/support/corpus";

/**
 * The real corpus (231 Chinese cloud-native posts): a reader who remembers a phrase from a post must find that post
 * near the top. Phrases are chosen deterministically and must be distinctive (in no other post), or "top 3" would
 * depend on ties between posts that all contain them.
 */
const corpus = resolveCorpus();
const DIRS = corpusFolders.map((name) => corpus.dirs[name]);
const full = corpus.kind === "full";
const SAMPLE_SIZE = 24;
const PHRASE_LENGTH = 8;

interface Probe {
  slug: string;
  query: string;
  kind: "chinese" | "mixed";
}

function distinct(texts: Map<string, string>, slug: string, phrase: string): boolean {
  const needle = normalizeText(phrase);
  for (const [other, text] of texts) if (other !== slug && text.includes(needle)) return false;
  return true;
}

/** Candidates from the middle of the post outwards, so probes are not all from the (formulaic) first lines. */
function middleOut<T>(items: T[]): T[] {
  const mid = Math.floor(items.length / 2);
  return [...items.slice(mid), ...items.slice(0, mid).reverse()];
}

function probesFor(post: Post, texts: Map<string, string>): Probe[] {
  const text = plainText(post.body);
  const probes: Probe[] = [];
  const chinese = middleOut([...text.matchAll(/\p{Script=Han}{8,}/gu)].map((m) => m[0]));
  for (const run of chinese) {
    const chars = Array.from(run);
    const start = Math.floor((chars.length - PHRASE_LENGTH) / 2);
    const phrase = chars.slice(start, start + PHRASE_LENGTH).join("");
    if (distinct(texts, post.slug, phrase)) {
      probes.push({ slug: post.slug, query: phrase, kind: "chinese" });
      break;
    }
  }
  const mixed = middleOut([...text.matchAll(/[A-Za-z][A-Za-z0-9-]{2,} ?\p{Script=Han}{3,6}/gu)].map((m) => m[0]));
  for (const phrase of mixed) {
    if (distinct(texts, post.slug, phrase)) {
      probes.push({ slug: post.slug, query: phrase, kind: "mixed" });
      break;
    }
  }
  return probes;
}

describe.each(testDatabases())("search over the real corpus on $kind", (database) => {
  let posts: Post[] = [];
  let store: PostStore;
  let probes: Probe[] = [];
  let mirror: string;
  const search = (query: string, options: { perPage?: number } = {}) => store.search(query, options);

  beforeAll(async () => {
    const db = await database.open();
    const dialect = searchDialect(database.kind);
    mirror = await mkdtemp(path.join(os.tmpdir(), "digest-corpus-"));
    for (const dir of DIRS) await importPosts({ db, dialect, contentDir: mirror }, dir);
    store = createDatabaseStore(db, { dialect, mirror: null });
    const loaded = await Promise.all(DIRS.map((dir) => loadPostDirectory(dir, { warn: () => {} })));
    posts = loaded.flatMap((l) => l.posts).filter((p) => !p.draft);
    const texts = new Map(posts.map((p) => [p.slug, normalizeText(`${p.title}\n${plainText(p.body)}`)]));
    const bySlug = [...posts].sort((a, b) => (a.slug < b.slug ? -1 : 1));
    const step = Math.floor(bySlug.length / SAMPLE_SIZE);
    const sample = Array.from({ length: SAMPLE_SIZE }, (_, i) => bySlug[i * step]);
    probes = sample.flatMap((post) => probesFor(post, texts));
  }, 180_000);

  afterAll(async () => {
    await database.close();
    await rm(mirror, { recursive: true, force: true });
  });

  it("finds each sampled post in the top 3 for a distinctive phrase from its body", async () => {
    // The sample in tests/corpus-sample has 42 published posts, still enough for 24 sampled posts.
    expect(posts.length).toBeGreaterThan(full ? 200 : 40);
    const chinese = probes.filter((p) => p.kind === "chinese");
    expect(chinese.length).toBeGreaterThanOrEqual(20);
    expect(probes.filter((p) => p.kind === "mixed").length).toBeGreaterThanOrEqual(10);

    const misses: string[] = [];
    for (const probe of probes) {
      const top = (await search(probe.query, { perPage: 3 })).results.map((r) => r.post.slug);
      if (!top.includes(probe.slug)) misses.push(`${probe.kind} "${probe.query}" → ${probe.slug}; got ${top.join(", ") || "nothing"}`);
    }
    const hitRate = (probes.length - misses.length) / probes.length;
    console.info(
      `[corpus ${database.kind}] ${posts.length} posts, ${probes.length} probes (${chinese.length} Chinese, ${probes.length - chinese.length} mixed): ` +
        `top-3 hit rate ${(hitRate * 100).toFixed(1)}%` +
        (misses.length > 0 ? `\n  misses:\n  ${misses.join("\n  ")}` : ""),
    );
    expect(hitRate).toBeGreaterThanOrEqual(0.95);
  });

  it("answers the issue's example queries with relevant posts first", async () => {
    const top = (await search("Kubernetes 调度器")).results[0];
    expect(normalizeText(top.post.title)).toMatch(/调度/);
    const mesh = await search("服务网格");
    expect(mesh.total).toBeGreaterThan(full ? 10 : 5);
    expect(mesh.results[0].title.some((part) => part.match)).toBe(true);
  });
});
