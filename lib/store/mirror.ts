/**
 * Write-through: after every write that lands in the database, the post's Markdown file in CONTENT_DIR is written to
 * match, with the row's version in its front matter (`digest_version`). A deleted post's file moves to `.trash/`, an
 * unpublished one says `draft: true`. So when the database is away, the files show readers the latest state, and when
 * it returns the sync can tell by version (never by clock) what changed in between (lib/store/sync.ts).
 */
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import { parsePostSource } from "@/lib/content/front-matter";
import { serializePostFile } from "@/lib/content/serialize";
import { slugFromFileName } from "@/lib/content/slug";
import { renameDurable, syncDir, writeFileAtomic } from "@/lib/store/atomic-write";
import { withLock } from "@/lib/store/mutex";
import type { FullRow } from "@/lib/store/sql/rows";

export const TRASH_DIR = ".trash";

export interface Mirror {
  readonly dir: string;
  /** Writes (or trashes) the file of a row as it stands now and records what was written on the row. */
  reflect(db: Db, row: FullRow): Promise<void>;
  /**
   * The same for many new rows at once (imports): each file is written whole (temp file and rename), the folder is
   * flushed once at the end, and the rows' bookkeeping is recorded in one transaction. A crash midway leaves whole
   * files and rows that simply have no mirror yet, which the next sync writes.
   */
  reflectMany(db: Db, rows: FullRow[]): Promise<void>;
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** `YYYY-MM-DD-<slug>.<format>`, as Jekyll names posts. */
export function postFileName(input: { date: string; slug: string; format: string }): string {
  return `${input.date.slice(0, 10)}-${input.slug}.${input.format}`;
}

/** Paths are stored relative to CONTENT_DIR with forward slashes, so a moved checkout keeps its bookkeeping. */
export function relativePath(dir: string, file: string): string {
  return path.relative(dir, file).split(path.sep).join("/");
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** Where a trashed file goes back to: its old place (trash keeps the folder layout), when it still fits the post. */
function restoredName(trashPath: string, input: { date: string; slug: string; format: string }): string {
  const name = trashPath.slice(TRASH_DIR.length + 1);
  return name.endsWith(`.${input.format}`) && slugFromFileName(name) === input.slug ? name : postFileName(input);
}

export function createMirror(dir: string): Mirror {
  return {
    dir,
    async reflectMany(db, rows) {
      const written: { id: string; version: number; filePath: string; fileHash: string; fileMtimeMs: number; fileSize: number }[] = [];
      for (const { input, meta } of rows) {
        if (meta.deletedAt || meta.filePath) continue;
        const target = path.join(dir, postFileName(input));
        const text = serializePostFile({ ...input, updatedAt: meta.updatedAt.toISOString() }, { version: meta.version });
        await writeFileAtomic(target, text, { durable: false });
        const info = await stat(target);
        written.push({ id: meta.id, version: meta.version, filePath: relativePath(dir, target), fileHash: sha256(text), fileMtimeMs: info.mtimeMs, fileSize: info.size });
      }
      if (written.length === 0) return;
      await syncDir(dir);
      await db.$transaction(async (tx) => {
        for (const w of written) {
          await tx.post.updateMany({
            where: { id: w.id, version: w.version },
            data: { filePath: w.filePath, fileHash: w.fileHash, fileVersion: w.version, fileMtimeMs: w.fileMtimeMs, fileSize: w.fileSize },
          });
        }
      });
    },
    async reflect(db, row) {
      const { input, meta } = row;
      await withLock(`mirror:${meta.id}`, async () => {
        const previous = meta.filePath ? path.join(dir, meta.filePath) : null;
        const trashed = meta.filePath?.startsWith(`${TRASH_DIR}/`) ?? false;
        // A file keeps its name (a page bundle its folder) while it still names the same slug and format.
        const own = meta.filePath !== null && !trashed && meta.filePath.endsWith(`.${input.format}`) && slugFromFileName(meta.filePath) === input.slug;
        const livePath = own && meta.filePath ? meta.filePath : postFileName(input);
        const target = meta.deletedAt ? path.join(dir, TRASH_DIR, livePath) : path.join(dir, trashed ? restoredName(meta.filePath ?? "", input) : livePath);

        // Another instance may have mirrored a newer version meanwhile: never write an older one over it.
        if (await exists(target)) {
          const parsed = parsePostSource(target, await readFile(target, "utf8"));
          if (parsed.ok && parsed.meta.version !== null && parsed.meta.version > meta.version) return;
        }
        // Move first, then rewrite: a crash in between leaves one file (the old text at the new name), never two.
        if (previous && previous !== target && (await exists(previous))) await renameDurable(previous, target);
        const text = serializePostFile({ ...input, updatedAt: meta.updatedAt.toISOString() }, { version: meta.version });
        await writeFileAtomic(target, text);
        // What the next sync compares the file with: its bytes, and (to skip reading it) its mtime and size.
        const info = await stat(target);
        await db.post.updateMany({
          where: { id: meta.id, version: meta.version },
          data: { filePath: relativePath(dir, target), fileHash: sha256(text), fileVersion: meta.version, fileMtimeMs: info.mtimeMs, fileSize: info.size },
        });
      });
    },
  };
}
