/**
 * Search benchmark: 10,000 generated posts of mixed Chinese/English text, vocabulary and word frequencies drawn from
 * the real corpus, a fixed seed so every run indexes the same text. Prints index build time, heap growth and query
 * latency for Digest's index next to two baselines measured in the same run:
 *   - a naive scan (normalised `includes()` over title + body), what a site without an index would do;
 *   - MiniSearch with its default tokenizer (splits on spaces and punctuation), which cannot find Chinese words.
 *
 * Run: npm run bench:search  (env: BENCH_POSTS, BENCH_CORPUS)
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import MiniSearch from "minisearch";
import type { Post } from "@/lib/content/types";
import { buildSearchIndex, syncSearchIndex, upsertPost } from "@/lib/search/index";
import { plainText } from "@/lib/search/plain-text";
import { search } from "@/lib/search/search";
import { normalizeText } from "@/lib/search/tokenize";
import { corpusFolders, resolveCorpus } from "@/tests/support/corpus";

const POSTS = Number(process.env.BENCH_POSTS ?? 10_000);
// The vocabulary comes from ../shared/corpus (or BENCH_CORPUS); without it, from the sample in tests/corpus-sample.
const corpus = resolveCorpus(process.env.BENCH_CORPUS ? { ...process.env, DIGEST_CORPUS_DIR: process.env.BENCH_CORPUS } : process.env);
const RUNS = 25;
const QUERIES = {
  chinese: ["调度器", "服务网格", "可观测性", "容器运行时", "资源配额"],
  english: ["kubernetes", "istio", "envoy proxy", "gateway api", "kubelet"],
  mixed: ["Kubernetes 调度器", "KV 缓存", "Istio 流量管理", "etcd 性能", "Pod 安全"],
} as const;

// mulberry32: tiny, fast, and the same sequence on every machine.
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Words with their corpus frequencies, sampled by binary search over the cumulative counts. */
class Vocabulary {
  private words: string[] = [];
  private cumulative: number[] = [];
  constructor(counts: Map<string, number>) {
    let total = 0;
    for (const [word, count] of [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) {
      total += count;
      this.words.push(word);
      this.cumulative.push(total);
    }
  }
  get size(): number {
    return this.words.length;
  }
  pick(random: () => number): string {
    const target = random() * this.cumulative[this.cumulative.length - 1];
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return this.words[lo];
  }
}

function corpusVocabulary(): { chinese: Vocabulary; latin: Vocabulary; tags: string[] } {
  const chinese = new Map<string, number>();
  const latin = new Map<string, number>();
  const tags = new Set<string>();
  const segmenter = new Intl.Segmenter("zh", { granularity: "word" });
  const files = corpusFolders.flatMap((folder) =>
    readdirSync(corpus.dirs[folder])
      .filter((f) => f.endsWith(".md"))
      .sort()
      .map((f) => path.join(corpus.dirs[folder], f)),
  );
  for (const file of files) {
    const source = readFileSync(file, "utf8");
    for (const m of source.matchAll(/^tags:\s*\[([^\]]*)\]/gm)) for (const t of m[1].split(",")) if (t.trim()) tags.add(t.trim());
    for (const { segment, isWordLike } of segmenter.segment(plainText(source.replace(/^---[\s\S]*?\n---/, "")))) {
      if (!isWordLike) continue;
      if (/^\p{Script=Han}+$/u.test(segment)) chinese.set(segment, (chinese.get(segment) ?? 0) + 1);
      else if (/^[A-Za-z][A-Za-z0-9-]+$/.test(segment)) latin.set(segment, (latin.get(segment) ?? 0) + 1);
    }
  }
  for (const tag of ["kubernetes", "istio", "envoy", "etcd", "service-mesh", "ai", "可观测性", "安全"]) tags.add(tag);
  return { chinese: new Vocabulary(chinese), latin: new Vocabulary(latin), tags: [...tags].sort() };
}

function sentence(random: () => number, vocab: ReturnType<typeof corpusVocabulary>, words: number): string {
  let text = "";
  let lastLatin = false;
  for (let i = 0; i < words; i += 1) {
    if (random() < 0.18) {
      text += `${text === "" ? "" : " "}${vocab.latin.pick(random)}`;
      lastLatin = true;
    } else {
      text += `${lastLatin ? " " : ""}${vocab.chinese.pick(random)}`;
      lastLatin = false;
    }
  }
  return `${text}${random() < 0.8 ? "。" : "，"}`;
}

function generatePosts(count: number, vocab: ReturnType<typeof corpusVocabulary>): Post[] {
  const random = prng(20260126);
  const posts: Post[] = [];
  for (let i = 0; i < count; i += 1) {
    const paragraphs = 3 + Math.floor(random() * 8);
    const body = Array.from({ length: paragraphs }, () =>
      Array.from({ length: 2 + Math.floor(random() * 5) }, () => sentence(random, vocab, 8 + Math.floor(random() * 18))).join(""),
    ).join("\n\n");
    const slug = `post-${String(i).padStart(5, "0")}`;
    const date = new Date(Date.UTC(2018, 0, 1) + i * 3_600_000 * 7).toISOString();
    posts.push({
      slug,
      title: `${vocab.latin.pick(random)} ${sentence(random, vocab, 4 + Math.floor(random() * 5)).slice(0, -1)}`,
      date,
      author: null,
      source: null,
      description: sentence(random, vocab, 12),
      tags: Array.from({ length: 1 + Math.floor(random() * 3) }, () => vocab.tags[Math.floor(random() * vocab.tags.length)]),
      categories: [random() < 0.5 ? "weekly" : "cloud-native"],
      draft: random() < 0.02,
      format: "md",
      body: `## ${sentence(random, vocab, 5)}\n\n${body}`,
      readingMinutes: 3,
      extra: {},
      origin: { kind: "file", path: `${slug}.md` },
      updatedAt: null,
    });
  }
  return posts;
}

function heapMb(): number {
  globalThis.gc?.();
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function timeQueries(run: (query: string) => number): Record<string, { p50: number; p95: number; hits: number[] }> {
  const out: Record<string, { p50: number; p95: number; hits: number[] }> = {};
  for (const [kind, queries] of Object.entries(QUERIES)) {
    const times: number[] = [];
    const hits = queries.map((q) => run(q)); // warm-up, and the hit counts
    for (let r = 0; r < RUNS; r += 1) {
      for (const q of queries) {
        const start = performance.now();
        run(q);
        times.push(performance.now() - start);
      }
    }
    times.sort((a, b) => a - b);
    out[kind] = { p50: percentile(times, 50), p95: percentile(times, 95), hits };
  }
  return out;
}

function measureBuild<T>(build: () => T): { value: T; ms: number; heapMb: number } {
  const before = heapMb();
  const start = performance.now();
  const value = build();
  const ms = performance.now() - start;
  return { value, ms, heapMb: heapMb() - before };
}

const fmt = (n: number, digits = 1) => n.toFixed(digits).padStart(8);

function main(): void {
  if (typeof globalThis.gc !== "function") console.warn("(run with --expose-gc for accurate heap figures)");
  const vocab = corpusVocabulary();
  const posts = generatePosts(POSTS, vocab);
  const published = posts.filter((p) => !p.draft);
  const chars = posts.reduce((sum, p) => sum + p.body.length, 0);
  console.log(
    `search benchmark: ${POSTS} posts (${published.length} published), ${(chars / 1e6).toFixed(1)}M body chars, ` +
      `vocabulary ${vocab.chinese.size} Chinese + ${vocab.latin.size} Latin words; Node ${process.version}\n`,
  );
  const heapStart = heapMb();

  const digest = measureBuild(() => buildSearchIndex(posts));
  const naive = measureBuild(() => published.map((p) => ({ slug: p.slug, text: normalizeText(`${p.title}\n${p.tags.join(" ")}\n${p.body}`) })));
  const plain = measureBuild(() => {
    const engine = new MiniSearch<{ id: string; title: string; body: string }>({ fields: ["title", "body"] });
    engine.addAll(published.map((p) => ({ id: p.slug, title: p.title, body: p.body })));
    return engine;
  });

  const results = {
    "Digest (CJK bigrams + MiniSearch)": timeQueries((q) => search(digest.value, q, { perPage: 10 }).total),
    "naive includes() scan": timeQueries((q) => {
      const needle = normalizeText(q);
      return naive.value.filter((d) => d.text.includes(needle)).length;
    }),
    "MiniSearch, default tokenizer": timeQueries((q) => plain.value.search(q, { combineWith: "AND" }).length),
  };

  console.log("index build                          time (ms)   heap (MB)");
  console.log(`  Digest (CJK bigrams + MiniSearch)   ${fmt(digest.ms, 0)}    ${fmt(digest.heapMb)}`);
  console.log(`  naive scan (normalised copies)      ${fmt(naive.ms, 0)}    ${fmt(naive.heapMb)}`);
  console.log(`  MiniSearch, default tokenizer       ${fmt(plain.ms, 0)}    ${fmt(plain.heapMb)}`);
  console.log(`  heap used: ${heapStart.toFixed(1)} MB before, ${heapMb().toFixed(1)} MB after all three\n`);

  console.log(`query latency (ms, ${RUNS} runs × 5 queries each)   p50       p95     hits per query`);
  for (const [name, byKind] of Object.entries(results)) {
    console.log(`  ${name}`);
    for (const [kind, r] of Object.entries(byKind)) console.log(`    ${kind.padEnd(8)}                       ${fmt(r.p50, 2)}  ${fmt(r.p95, 2)}     ${r.hits.join(", ")}`);
  }
  console.log(`  queries: ${Object.entries(QUERIES).map(([k, qs]) => `${k}: ${qs.join(" | ")}`).join("; ")}\n`);

  // An editor's save: one post changed, and the next posts array arrives.
  const edited = { ...published[42], title: `${published[42].title} 更新版 zzedited`, body: `${published[42].body}\n\n新增段落。` };
  let start = performance.now();
  upsertPost(digest.value, edited);
  const upsertMs = performance.now() - start;
  const nextGeneration = posts.map((p) => (p.slug === edited.slug ? edited : { ...p }));
  start = performance.now();
  const report = syncSearchIndex(digest.value, nextGeneration);
  const syncMs = performance.now() - start;
  const found = search(digest.value, "zzedited").results[0]?.post.slug === edited.slug;
  console.log(`incremental update: upsert one post ${upsertMs.toFixed(1)} ms; sync a new ${POSTS}-post array with ${report.replaced} changed ${syncMs.toFixed(1)} ms; edited post findable: ${found}`);
}

main();
