import { unlink } from "node:fs/promises";
import path from "node:path";
import { loadPostDirectory } from "@/lib/content/load";
import { serializePostFile } from "@/lib/content/serialize";
import type { ContentProblem } from "@/lib/content/types";
import { writeFileAtomic } from "@/lib/store/atomic-write";
import { inputFromPost } from "@/lib/store/post-input";
import type { EditorRef, PostStore } from "@/lib/store/types";

/** Moving posts between the database and Markdown files, for `npm run content:export` / `content:import`. */

export interface ExportResult {
  written: string[];
}

/**
 * Writes every live database post as `YYYY-MM-DD-<slug>.<md|mdx>` into `dir` (atomically, one file at a time). A post
 * the folder already holds is written over its own file, or that file is replaced when the format changed: two files
 * with one slug would leave the first by name (usually the older one) serving.
 */
export async function exportPosts(store: PostStore, dir: string): Promise<ExportResult> {
  const existing = new Map<string, string>();
  for (const post of (await loadPostDirectory(dir, { warn: () => undefined })).posts) {
    if (post.origin.kind === "file") existing.set(post.slug, post.origin.path);
  }
  const written: string[] = [];
  for (const entry of await store.listAll()) {
    if (entry.deletedAt) continue;
    const post = entry.post;
    const previous = existing.get(post.slug);
    const sameFormat = previous !== undefined && /\.mdx$/i.test(previous) === (post.format === "mdx");
    const file = previous && sameFormat ? previous : path.join(dir, `${post.date.slice(0, 10)}-${post.slug}.${post.format}`);
    await writeFileAtomic(file, serializePostFile({ ...post, origin: { kind: "file", path: file } }));
    if (previous && previous !== file) await unlink(previous);
    written.push(file);
  }
  return { written };
}

export interface ImportResult {
  created: string[];
  updated: string[];
  unchanged: string[];
  problems: ContentProblem[];
}

const IMPORTER: EditorRef = { id: "import", email: "import@digest" };

/** Reads a folder of Jekyll/Hugo Markdown posts into the store: new slugs are created, changed ones updated. */
export async function importPosts(store: PostStore, dir: string, editor: EditorRef = IMPORTER): Promise<ImportResult> {
  const { posts, problems } = await loadPostDirectory(dir);
  const result: ImportResult = { created: [], updated: [], unchanged: [], problems };
  for (const post of posts) {
    const input = inputFromPost(post);
    const existing = await store.get(post.slug);
    if (!existing) {
      await store.create(input, editor, { ownerId: null });
      result.created.push(post.slug);
      continue;
    }
    const current = inputFromPost(existing.post);
    if (JSON.stringify(current) === JSON.stringify(input) && !existing.deletedAt) {
      result.unchanged.push(post.slug);
      continue;
    }
    if (existing.deletedAt) await store.restore(post.slug, editor);
    const fresh = await store.get(post.slug);
    await store.update(post.slug, input, fresh?.versionToken ?? existing.versionToken, editor);
    result.updated.push(post.slug);
  }
  return result;
}
