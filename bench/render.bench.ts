/**
 * Loading and rendering the real corpus (../shared/corpus, 231 posts; else the sample in tests/corpus-sample): what static generation of the post pages costs.
 * Baselines measured in the same run: reading the files without parsing, and next-mdx-remote with GFM alone (no raw
 * HTML, sanitizing, ids or highlighting) — the price of rendering real-world Markdown safely.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { compileMDX } from "next-mdx-remote/rsc";
import { renderToStaticMarkup } from "react-dom/server";
import remarkGfm from "remark-gfm";
import { loadPostDirectory } from "@/lib/content/load";
import type { Post } from "@/lib/content/types";
import { renderPost } from "@/lib/render/render-post";
import { corpusFolders, resolveCorpus } from "@/tests/support/corpus";

// Without ../shared/corpus the figures come from the 45-post sample (the notice says so) and are not comparable.
const corpus = resolveCorpus();
const corpusDirs = corpusFolders.map((folder) => corpus.dirs[folder]);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function timeEach(posts: Post[], render: (post: Post) => Promise<string>): Promise<{ total: number; p50: number; p95: number; bytes: number }> {
  const times: number[] = [];
  let bytes = 0;
  const start = performance.now();
  for (const post of posts) {
    const t = performance.now();
    bytes += (await render(post)).length;
    times.push(performance.now() - t);
  }
  const total = performance.now() - start;
  times.sort((a, b) => a - b);
  return { total, p50: percentile(times, 50), p95: percentile(times, 95), bytes };
}

async function main(): Promise<void> {
  let t = performance.now();
  let rawBytes = 0;
  for (const dir of corpusDirs) for (const name of await readdir(dir)) rawBytes += (await readFile(path.join(dir, name), "utf8")).length;
  const readMs = performance.now() - t;

  t = performance.now();
  const posts: Post[] = [];
  for (const dir of corpusDirs) posts.push(...(await loadPostDirectory(dir, { warn: () => undefined })).posts);
  const loadMs = performance.now() - t;
  console.log(`corpus: ${posts.length} posts, ${(rawBytes / 1e6).toFixed(1)} M characters`);
  console.log(`load   baseline (read files only)       ${readMs.toFixed(0)} ms`);
  console.log(`load   loadPostDirectory (parse+check)   ${loadMs.toFixed(0)} ms  (${(loadMs / readMs).toFixed(1)}× baseline)`);

  // Warm both pipelines once so module initialisation is not counted.
  await renderPost({ body: "# warm", format: "md" });
  await compileMDX({ source: "# warm", options: { mdxOptions: { format: "md", remarkPlugins: [remarkGfm] } } });

  const baseline = await timeEach(posts, async (post) => {
    try {
      const { content } = await compileMDX({ source: post.body, options: { mdxOptions: { format: "md", remarkPlugins: [remarkGfm] } } });
      return renderToStaticMarkup(content);
    } catch {
      return "";
    }
  });
  const digest = await timeEach(posts, async (post) => renderToStaticMarkup((await renderPost({ body: post.body, format: post.format })).content));
  const line = (name: string, r: typeof digest) =>
    `render ${name.padEnd(34)} total ${r.total.toFixed(0).padStart(6)} ms   p50 ${r.p50.toFixed(1).padStart(5)} ms   p95 ${r.p95.toFixed(1).padStart(6)} ms   ${(r.bytes / 1e6).toFixed(1)} MB HTML`;
  console.log(line("baseline (mdx-remote md + GFM)", baseline));
  console.log(line("Digest (sanitized, ids, highlight)", digest));
  console.log(`render Digest / baseline: ${(digest.total / baseline.total).toFixed(2)}×`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
