/**
 * `npm run bench:scale [-- --posts 10000,100000 --modes sqlite,postgresql,files --seconds 60]`
 *
 * Generates N posts from the real corpus (../shared/corpus: copies with unique slugs, titles and dates), imports
 * them, builds and starts the site (`next start`) on SQLite, on PostgreSQL (TEST_DATABASE_URL, or the local server)
 * and in files mode, and prints, beside a floor measured in the same run (the same rows asked of the database
 * through its bare driver): import time and RSS, cold start to the first page, RSS, list and tag page p50/p95, search
 * p50/p95 (Chinese, English, mixed) and the first query, first render of a post page p95, and the slowest request of
 * a mixed run. Traffic goes to 127.0.0.1 only, bounded in count and time. Figures land in .tmp/bench/scale-<N>.json.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { parsePostSource } from "@/lib/content/front-matter";
import { serializePostFile } from "@/lib/content/serialize";
import type { Post } from "@/lib/content/types";
import { corpusLocation } from "../tests/support/corpus";
import { freePort } from "../scripts/free-port";

const root = path.resolve(import.meta.dirname, "..");
// The full corpus (../shared/corpus or DIGEST_CORPUS_DIR, found as the tests find it); the 45-post sample is too small to stand for real posts.
const corpus = corpusLocation();
const corpusRoot = corpus.root;
const work = path.join(root, ".tmp", "bench");

function arg(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

const SIZES = arg("posts", "10000").split(",").map(Number).filter((n) => n > 0);
const MODES = arg("modes", "sqlite,postgresql,files").split(",");
const MIXED_SECONDS = Number(arg("seconds", "60"));
const PG_URL = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

interface Stats {
  p50: number;
  p95: number;
  max: number;
  n: number;
}

function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
  return { p50: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? Number.NaN, n: sorted.length };
}

const ms = (n: number) => (Number.isNaN(n) ? "—" : n >= 100 ? n.toFixed(0) : n.toFixed(1));


/** Peak and current resident memory of a process, from /proc. */
async function memory(pid: number): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? "0");
  return { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
}

/** Runs a command to the end, returning its wall time and peak RSS (GNU time). */
function timed(command: string, args: string[], env: NodeJS.ProcessEnv): { seconds: number; peakMb: number; output: string } {
  const started = Date.now();
  const result = spawnSync("/usr/bin/time", ["-f", "%M", command, ...args], { cwd: root, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
  const peakKb = Number(result.stderr.trim().split("\n").at(-1));
  return { seconds: (Date.now() - started) / 1000, peakMb: peakKb / 1024, output: result.stdout };
}

// ---------------------------------------------------------------------------------------------------------- corpus

async function corpusPosts(): Promise<Post[]> {
  const posts: Post[] = [];
  for (const name of ["k8s-zh-blog", "servicemesher-weekly"]) {
    const dir = path.join(corpusRoot, name);
    for (const file of (await readdir(dir)).filter((f) => f.endsWith(".md")).sort()) {
      const parsed = parsePostSource(file, await readFile(path.join(dir, file), "utf8"));
      if (parsed.ok && !parsed.post.draft) posts.push(parsed.post);
    }
  }
  return posts;
}

/** N posts made from the corpus: unique slugs, titles and dates, the real bodies. Reused between runs. */
async function generate(n: number): Promise<string> {
  const dir = path.join(work, `corpus-${n}`);
  if (existsSync(path.join(dir, ".complete"))) return dir;
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const source = await corpusPosts();
  const start = Date.UTC(2015, 0, 1);
  for (let i = 0; i < n; i += 1) {
    const post = source[i % source.length];
    const date = new Date(start + i * 3_600_000 * 7).toISOString();
    const copy: Post = { ...post, slug: `${post.slug}-${i}`.slice(0, 120), title: `${post.title}（第 ${i} 篇）`, date, updatedAt: null };
    await writeFile(path.join(dir, `${date.slice(0, 10)}-${copy.slug}.md`), serializePostFile(copy));
  }
  await writeFile(path.join(dir, ".complete"), "");
  return dir;
}

// ------------------------------------------------------------------------------------------------------- the site

interface Site {
  url: string;
  process: ChildProcess;
}

async function get(url: string): Promise<{ status: number; ms: number; bytes: number }> {
  const started = performance.now();
  const response = await fetch(url, { redirect: "manual" });
  const body = await response.arrayBuffer();
  return { status: response.status, ms: performance.now() - started, bytes: body.byteLength };
}

async function start(env: NodeJS.ProcessEnv, distDir: string): Promise<{ site: Site; coldStartMs: number }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: root,
    env: { ...env, NEXT_DIST_DIR: distDir, SITE_URL: url },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error("next start exited");
    const ok = await get(`${url}/`).then((r) => r.status === 200).catch(() => false);
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { site: { url, process: child }, coldStartMs: performance.now() - started };
}

async function stop(site: Site): Promise<void> {
  site.process.kill("SIGTERM");
  await new Promise((resolve) => site.process.once("exit", resolve));
}

async function sequential(urls: string[]): Promise<{ times: number[]; errors: number }> {
  const times: number[] = [];
  let errors = 0;
  for (const url of urls) {
    const result = await get(url).catch(() => ({ status: 0, ms: Number.NaN, bytes: 0 }));
    if (result.status !== 200) errors += 1;
    else times.push(result.ms);
  }
  return { times, errors };
}

async function mixed(urls: string[], seconds: number, concurrency: number): Promise<{ requests: number; errors: number; slowest: number; slowestUrl: string }> {
  const until = Date.now() + seconds * 1000;
  let requests = 0;
  let errors = 0;
  let slowest = 0;
  let slowestUrl = "";
  let i = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < until) {
        const url = urls[i++ % urls.length];
        const result = await get(url).catch(() => ({ status: 0, ms: 0, bytes: 0 }));
        requests += 1;
        if (result.status !== 200) errors += 1;
        if (result.ms > slowest) {
          slowest = result.ms;
          slowestUrl = url;
        }
      }
    }),
  );
  return { requests, errors, slowest, slowestUrl };
}

// ---------------------------------------------------------------------------------------------------- the floor

/** The same questions asked of the database through its bare driver: what no layer above it can beat. */
async function floor(kind: "sqlite" | "postgresql", target: string, terms: { tag: string; slug: string }): Promise<Record<string, Stats>> {
  const queries = {
    list: `SELECT p."slug", p."title", p."date", p."excerpt", (SELECT group_concat(t."name") FROM "PostTag" t WHERE t."postId" = p."id") AS tags FROM "Post" p WHERE p."deletedAt" IS NULL AND p."draft" = 0 ORDER BY p."date" DESC LIMIT 10 OFFSET ?`,
    tag: `SELECT p."slug", p."title" FROM "Post" p JOIN "PostTag" t ON t."postId" = p."id" WHERE t."key" = ? AND p."deletedAt" IS NULL ORDER BY p."date" DESC LIMIT 10`,
    post: `SELECT * FROM "Post" WHERE "slug" = ?`,
    search: `SELECT d."postId", bm25("PostSearchFts") AS s FROM "PostSearchFts" JOIN "PostSearchDoc" d ON d."id" = "PostSearchFts".rowid WHERE "PostSearchFts" MATCH ? ORDER BY s LIMIT 10`,
  };
  const out: Record<string, Stats> = {};
  if (kind === "sqlite") {
    const { default: Database } = await import("better-sqlite3");
    const db = new Database(target, { readonly: true });
    const run = (sql: string, params: unknown[][]) => {
      const statement = db.prepare(sql);
      return stats(params.map((p) => {
        const t = performance.now();
        statement.all(...p);
        return performance.now() - t;
      }));
    };
    out.list = run(queries.list, Array.from({ length: 100 }, (_, i) => [i * 10]));
    out.tag = run(queries.tag, Array.from({ length: 100 }, () => [terms.tag]));
    out.post = run(queries.post, Array.from({ length: 100 }, () => [terms.slug]));
    out.search = run(queries.search, ["调度 度器", '"服务" AND "网格"', "kubernetes", '"gateway" AND "api"'].flatMap((q) => Array.from({ length: 25 }, () => [q])));
    db.close();
    return out;
  }
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: target });
  await client.connect();
  const run = async (sql: string, params: unknown[][]) => {
    const times: number[] = [];
    for (const p of params) {
      const t = performance.now();
      await client.query(sql, p);
      times.push(performance.now() - t);
    }
    return stats(times);
  };
  const pgList = `SELECT p."slug", p."title", p."date", p."excerpt", (SELECT string_agg(t."name", ',') FROM "PostTag" t WHERE t."postId" = p."id") AS tags FROM "Post" p WHERE p."deletedAt" IS NULL AND p."draft" = false ORDER BY p."date" DESC LIMIT 10 OFFSET $1`;
  out.list = await run(pgList, Array.from({ length: 100 }, (_, i) => [i * 10]));
  out.tag = await run(queries.tag.replace("?", "$1"), Array.from({ length: 100 }, () => [terms.tag]));
  out.post = await run(queries.post.replace("?", "$1"), Array.from({ length: 100 }, () => [terms.slug]));
  out.search = await run(
    `SELECT d."postId" FROM "PostSearchVector" v JOIN "PostSearchDoc" d ON d."id" = v."id", CAST($1 AS tsquery) q WHERE v."vector" @@ q ORDER BY ts_rank(v."head", q) DESC LIMIT 10`,
    ["'调度' & '度器'", "'服务' & '网格'", "'kubernetes'", "'gateway' & 'api'"].flatMap((q) => Array.from({ length: 25 }, () => [q])),
  );
  await client.end();
  return out;
}

// ----------------------------------------------------------------------------------------------------- one mode

const SEARCHES = {
  chinese: ["服务网格", "调度器", "可观测性", "容器运行时", "边车代理", "多集群", "网络策略", "存储卷"],
  english: ["kubernetes", "istio", "envoy", "gateway api", "kubelet", "ebpf", "prometheus", "helm"],
  mixed: ["Kubernetes 调度器", "Istio 服务网格", "Envoy 代理", "CSI 存储", "Pod 安全", "Gateway API 路由", "CRD 控制器", "etcd 备份"],
};

async function runMode(mode: string, n: number, generated: string): Promise<Record<string, unknown>> {
  const dir = path.join(work, `${mode}-${n}`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.join(dir, "data"), { recursive: true });
  const content = path.join(dir, "content");
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", AUTH_SECRET: "bench-only-secret-0123456789abcdef0123456789", DIGEST_DATA_DIR: path.join(dir, "data"), CONTENT_DIR: content };
  let floorTarget = "";
  const pgDatabase = `digest_bench_${n}`;
  if (mode === "sqlite") {
    env.DATABASE_URL = `file:${path.join(dir, "data", "digest.db")}`;
    floorTarget = path.join(dir, "data", "digest.db");
  } else if (mode === "postgresql") {
    const admin = new URL(PG_URL);
    spawnSync("psql", [admin.toString(), "-qc", `DROP DATABASE IF EXISTS ${pgDatabase}`], { encoding: "utf8" });
    spawnSync("psql", [admin.toString(), "-qc", `CREATE DATABASE ${pgDatabase}`], { encoding: "utf8" });
    admin.pathname = `/${pgDatabase}`;
    env.DATABASE_URL = admin.toString();
    floorTarget = admin.toString();
  } else {
    env.DIGEST_STORE = "files";
    floorTarget = path.join(dir, "data", "content-index.db");
  }

  console.log(`\n[${mode} ${n}] import`);
  let imported: { seconds: number; peakMb: number };
  if (mode === "files") {
    await cp(generated, content, { recursive: true });
    imported = timed(process.execPath, ["--import", "tsx", "-e", 'import("@/lib/store/active").then(async (m) => { const r = await m.fileIndex().refresh(); console.log(JSON.stringify(r.indexed)); process.exit(0); })'], env);
  } else {
    await mkdir(content, { recursive: true });
    imported = timed(process.execPath, ["--import", "tsx", "scripts/content-transfer.ts", "import", generated], env);
  }
  console.log(`[${mode} ${n}] imported in ${imported.seconds.toFixed(1)} s, peak RSS ${imported.peakMb.toFixed(0)} MB; building`);

  const distDir = `.next-bench/${mode}-${n}`;
  const build = timed(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], { ...env, NEXT_DIST_DIR: distDir });
  console.log(`[${mode} ${n}] built in ${build.seconds.toFixed(0)} s; starting`);

  const { site, coldStartMs } = await start(env, distDir);
  const pid = site.process.pid ?? 0;
  const afterFirst = await memory(pid);
  const slugs: string[] = [];
  for (const name of (await readdir(generated)).filter((f) => f.endsWith(".md")).sort()) slugs.push(name.replace(/^\d{4}-\d{2}-\d{2}-/, "").replace(/\.md$/, ""));
  const pick = (count: number, offset: number) => Array.from({ length: count }, (_, i) => slugs[(offset + i * 97) % slugs.length]);

  const pageCount = Math.ceil(n / 10);
  const list = await sequential(Array.from({ length: 100 }, (_, i) => `${site.url}/?page=${1 + ((i * 37) % pageCount)}`));
  const tagIndex = await get(`${site.url}/tags`);
  const tags = [...new Set((await (await fetch(`${site.url}/tags`)).text()).matchAll(/href="(\/tags\/[^"#?]+)"/g))].map((m) => m[1]).slice(0, 60);
  const tagFirst = await sequential(tags.map((t) => `${site.url}${t}`));
  const tagCached = await sequential(tags.map((t) => `${site.url}${t}`));
  const firstSearch = await get(`${site.url}/search?q=${encodeURIComponent("服务网格 调度")}`);
  const search: Record<string, Stats> = {};
  let searchErrors = 0;
  for (const [kind, queries] of Object.entries(SEARCHES)) {
    const result = await sequential(queries.flatMap((q) => [1, 2, 3].map((page) => `${site.url}/search?q=${encodeURIComponent(q)}&page=${page}`)));
    search[kind] = stats(result.times);
    searchErrors += result.errors;
  }
  const postFirst = await sequential(pick(100, 11).map((s) => `${site.url}/posts/${encodeURIComponent(s)}`));
  const postCached = await sequential(pick(100, 11).map((s) => `${site.url}/posts/${encodeURIComponent(s)}`));
  console.log(`[${mode} ${n}] mixed run ${MIXED_SECONDS} s`);
  const mixedUrls = [
    ...pick(200, 5).map((s) => `${site.url}/posts/${encodeURIComponent(s)}`),
    ...Array.from({ length: 50 }, (_, i) => `${site.url}/?page=${1 + ((i * 53) % pageCount)}`),
    ...tags.map((t) => `${site.url}${t}`),
    ...Object.values(SEARCHES).flat().map((q) => `${site.url}/search?q=${encodeURIComponent(q)}`),
  ].sort((a, b) => (a.length * 31 + b.length) % 7 - 3);
  const mixedRun = await mixed(mixedUrls, MIXED_SECONDS, 8);
  const end = await memory(pid);
  await stop(site);
  const sample = (await readdir(generated)).find((f) => f.endsWith(".md")) ?? "";
  const floorStats = await floor(mode === "postgresql" ? "postgresql" : "sqlite", floorTarget, {
    tag: "kubernetes",
    slug: sample.replace(/^\d{4}-\d{2}-\d{2}-/, "").replace(/\.md$/, ""),
  }).catch((error: unknown) => ({ error: String(error) }));
  if (mode === "postgresql") spawnSync("psql", [PG_URL, "-qc", `DROP DATABASE IF EXISTS ${pgDatabase}`]);

  return {
    mode,
    posts: n,
    import: { seconds: imported.seconds, peakMb: imported.peakMb },
    buildSeconds: build.seconds,
    coldStartMs,
    rssAfterFirstPageMb: afterFirst.rss,
    rssEndMb: end.rss,
    rssPeakMb: end.peak,
    list: { ...stats(list.times), errors: list.errors },
    tagsIndexMs: tagIndex.ms,
    tagFirst: { ...stats(tagFirst.times), errors: tagFirst.errors },
    tagCached: stats(tagCached.times),
    firstSearchMs: firstSearch.ms,
    search,
    searchErrors,
    postFirst: { ...stats(postFirst.times), errors: postFirst.errors },
    postCached: stats(postCached.times),
    mixed: mixedRun,
    floor: floorStats,
  };
}

function report(results: Record<string, unknown>[]): void {
  type R = {
    mode: string;
    posts: number;
    import: { seconds: number; peakMb: number };
    coldStartMs: number;
    rssAfterFirstPageMb: number;
    rssPeakMb: number;
    list: Stats;
    tagFirst: Stats;
    tagCached: Stats;
    firstSearchMs: number;
    search: Record<string, Stats>;
    postFirst: Stats;
    postCached: Stats;
    mixed: { requests: number; errors: number; slowest: number; slowestUrl: string };
    floor: Record<string, Stats>;
  };
  const rows = results as unknown as R[];
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  console.log(`\n${line(["posts", "store", "import", "import RSS", "cold start", "RSS", "list p50/p95", "tag first p50/p95", "tag cached p95", "search zh p50/p95", "search en p50/p95", "search mixed p50/p95", "first search", "post first p95", "post cached p95", "mixed: requests / errors / slowest"])}`);
  console.log(line(Array.from({ length: 16 }, () => "---")));
  for (const r of rows) {
    console.log(
      line([
        String(r.posts),
        r.mode,
        `${r.import.seconds.toFixed(1)} s`,
        `${r.import.peakMb.toFixed(0)} MB`,
        `${ms(r.coldStartMs)} ms`,
        `${r.rssPeakMb.toFixed(0)} MB`,
        `${ms(r.list.p50)} / ${ms(r.list.p95)}`,
        `${ms(r.tagFirst.p50)} / ${ms(r.tagFirst.p95)}`,
        ms(r.tagCached.p95),
        `${ms(r.search.chinese.p50)} / ${ms(r.search.chinese.p95)}`,
        `${ms(r.search.english.p50)} / ${ms(r.search.english.p95)}`,
        `${ms(r.search.mixed.p50)} / ${ms(r.search.mixed.p95)}`,
        ms(r.firstSearchMs),
        ms(r.postFirst.p95),
        ms(r.postCached.p95),
        `${r.mixed.requests} / ${r.mixed.errors} / ${ms(r.mixed.slowest)} ms`,
      ]),
    );
  }
  console.log(`\nFloor (the same questions through the bare driver, ms p50/p95):`);
  console.log(line(["posts", "store", "list page", "tag page", "post by slug", "search"]));
  console.log(line(Array.from({ length: 6 }, () => "---")));
  for (const r of rows) {
    const f = r.floor;
    if (!f.list) continue;
    console.log(line([String(r.posts), r.mode, `${ms(f.list.p50)} / ${ms(f.list.p95)}`, `${ms(f.tag.p50)} / ${ms(f.tag.p95)}`, `${ms(f.post.p50)} / ${ms(f.post.p95)}`, `${ms(f.search.p50)} / ${ms(f.search.p95)}`]));
  }
}

async function main(): Promise<void> {
  if (corpus.kind !== "full" || !existsSync(corpusRoot)) {
    console.log(`[bench:scale] the full corpus is missing (${corpus.notice ?? corpusRoot}): nothing to generate posts from; skipped`);
    return;
  }
  await mkdir(work, { recursive: true });
  const results: Record<string, unknown>[] = [];
  for (const n of SIZES) {
    console.log(`[bench:scale] generating ${n} posts`);
    const generated = await generate(n);
    for (const mode of MODES) {
      if (mode === "postgresql" && spawnSync("psql", [PG_URL, "-qc", "SELECT 1"]).status !== 0) {
        console.log("[bench:scale] no PostgreSQL at TEST_DATABASE_URL: skipped");
        continue;
      }
      results.push(await runMode(mode, n, generated));
    }
    await writeFile(path.join(work, `scale-${n}.json`), JSON.stringify(results.filter((r) => r.posts === n), null, 2));
  }
  report(results);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
