import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parsePostSource } from "./front-matter";
import type { ContentProblem, Post } from "./types";

export { serializePostFile } from "./serialize";

export interface LoadedPosts {
  /** Every post, drafts included, newest first (then by slug). */
  posts: Post[];
  /** Files that were skipped, and why. */
  problems: ContentProblem[];
  /** Posts that loaded but with a guess or a fix-up worth knowing about. */
  warnings: ContentProblem[];
  /** The text of each loaded post's file, by path, so a caller that needs the bytes (to hash them) need not read again. */
  sources: ReadonlyMap<string, string>;
}

export interface LoadOptions {
  /** Receives one line per skipped file; defaults to `console.warn`. */
  warn?: (line: string) => void;
  concurrency?: number;
}

const POST_FILE = /\.(md|mdx|markdown)$/i;
const BUNDLE_INDEX = ["index.md", "index.mdx", "index.markdown"];
const DEFAULT_CONCURRENCY = 16;

/**
 * Reads `*.md`, `*.mdx`, `*.markdown` at the top of `dir` and `<folder>/index.md(x)` page bundles. A file that cannot be
 * read or parsed is skipped and reported; of two posts with one slug, the first by file name wins.
 */
export async function loadPostDirectory(dir: string, options: LoadOptions = {}): Promise<LoadedPosts> {
  const warn = options.warn ?? ((line: string) => console.warn(line));
  const problems: ContentProblem[] = [];
  const report = (problem: ContentProblem) => {
    problems.push(problem);
    warn(`[content] skipped ${problem.file}${problem.line === null ? "" : `:${problem.line}`}: ${problem.message}`);
  };

  let files: string[];
  try {
    files = await listPostFiles(dir);
  } catch (error) {
    if (errorCode(error) !== "ENOENT") throw error;
    report({ file: dir, line: null, message: "content directory does not exist" });
    return { posts: [], problems, warnings: [], sources: new Map() };
  }

  const sources = new Map<string, string>();
  const results = await mapBounded(files, options.concurrency ?? DEFAULT_CONCURRENCY, async (relative) => {
    const file = path.join(dir, relative);
    try {
      const raw = await readFile(file, "utf8");
      sources.set(file, raw);
      return parsePostSource(file, raw);
    } catch (error) {
      return { ok: false as const, problem: { file, line: null, message: `cannot read file: ${errorMessage(error)}` } };
    }
  });

  const posts: Post[] = [];
  const warnings: ContentProblem[] = [];
  const firstFileBySlug = new Map<string, string>();
  for (const result of results) {
    if (!result.ok) {
      report(result.problem);
      continue;
    }
    const { post } = result;
    const file = post.origin.kind === "file" ? post.origin.path : post.slug;
    const first = firstFileBySlug.get(post.slug);
    if (first !== undefined) {
      report({ file, line: null, message: `slug "${post.slug}" is already used by ${first}` });
      continue;
    }
    firstFileBySlug.set(post.slug, file);
    warnings.push(...result.warnings);
    posts.push(post);
  }

  posts.sort((a, b) => Date.parse(b.date) - Date.parse(a.date) || compareText(a.slug, b.slug));
  return { posts, problems, warnings, sources };
}

/** Post files relative to `dir`, sorted by name so "the first by file name" is the same on every machine. */
async function listPostFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    if (entry.isFile() && POST_FILE.test(entry.name)) files.push(entry.name);
    if (entry.isDirectory()) {
      const inside = new Set(await readdir(path.join(/*turbopackIgnore: true*/ dir, entry.name)).catch(() => []));
      for (const index of BUNDLE_INDEX) if (inside.has(index)) files.push(path.join(/*turbopackIgnore: true*/ entry.name, index));
    }
  }
  return files.sort(compareText);
}

async function mapBounded<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && "code" in error && typeof error.code === "string" ? error.code : undefined;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
