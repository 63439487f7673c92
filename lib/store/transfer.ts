/**
 * Moving posts between the database and Markdown files, for `npm run content:export` / `content:import`. Both stream:
 * files are read and written a batch at a time, so 100,000 posts take no more memory than 200.
 */
import { readFile, unlink } from "node:fs/promises";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import type { ContentProblem } from "@/lib/content/types";
import type { Db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { listPostFiles, parseFile, type ParsedFile } from "@/lib/store/file-index";
import { serializePostFile } from "@/lib/content/serialize";
import { writeFileAtomic } from "@/lib/store/atomic-write";
import { createMirror, postFileName, type Mirror } from "@/lib/store/mirror";
import { fullSelect, normaliseInput, toFullRow, type FullRow } from "@/lib/store/sql/rows";
import { insertPosts, recordRevision, replaceTerms, rowData, writeSearch, type NewPost } from "@/lib/store/sql/rows-write";
import type { SearchDialect } from "@/lib/store/sql/search-dialect";
import type { EditorRef } from "@/lib/store/types";

/** Posts per transaction: big enough that commits are few, small enough that a batch of long bodies stays light. */
const BATCH = 100;

export type Progress = (done: number, total: number) => void;

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  problems: ContentProblem[];
  /** Files read with a repair or a guess worth telling the author about. */
  warnings: ContentProblem[];
}

export const IMPORTER: EditorRef = { id: "import", email: "import@digest" };

/**
 * Reads a folder of Jekyll/Hugo Markdown posts into the database: new slugs are created, changed ones updated (as a
 * revision), unchanged ones left alone. Each batch is one transaction; each post then gets its Markdown file in
 * CONTENT_DIR (write-through), unless the folder imported *is* CONTENT_DIR, whose files are already the posts.
 */
export async function importPosts(
  deps: { db: Db; dialect: SearchDialect; contentDir: string },
  dir: string,
  options: { editor?: EditorRef; progress?: Progress } = {},
): Promise<ImportResult> {
  const { db, dialect } = deps;
  const editor = options.editor ?? IMPORTER;
  const inPlace = path.resolve(dir) === path.resolve(deps.contentDir);
  const mirror: Mirror | null = inPlace ? null : createMirror(deps.contentDir);
  const files = (await listPostFiles(dir)).filter((f) => !f.path.startsWith(".trash/"));
  const result: ImportResult = { created: 0, updated: 0, unchanged: 0, problems: [], warnings: [] };
  const seen = new Map<string, string>();

  for (let i = 0; i < files.length; i += BATCH) {
    const batch: { relative: string; file: ParsedFile; mtimeMs: number; size: number }[] = [];
    for (const f of files.slice(i, i + BATCH)) {
      const absolute = path.join(dir, f.path);
      const raw = await readFile(absolute, "utf8").catch((error: unknown) => {
        result.problems.push({ file: absolute, line: null, message: `cannot read file: ${(error as Error).message}` });
        return null;
      });
      if (raw === null) continue;
      const parsed = parseFile(f.path, raw);
      if (!parsed.ok) {
        result.problems.push({ file: absolute, line: parsed.line, message: parsed.message });
        continue;
      }
      for (const warning of parsed.warnings) result.warnings.push({ file: absolute, ...warning });
      const first = seen.get(parsed.file.input.slug);
      if (first !== undefined) {
        result.problems.push({ file: absolute, line: null, message: `slug "${parsed.file.input.slug}" is already used by ${first}` });
        continue;
      }
      seen.set(parsed.file.input.slug, absolute);
      batch.push({ relative: f.path, file: parsed.file, mtimeMs: f.mtimeMs, size: f.size });
    }

    const written: string[] = [];
    await db.$transaction(
      async (tx) => {
        const existingRows = await tx.post.findMany({ where: { slug: { in: batch.map((b) => b.file.input.slug) } }, select: fullSelect });
        const existing = new Map(existingRows.map((raw) => {
          const row = toFullRow(raw);
          return [row.input.slug, row] as const;
        }));
        const fresh: NewPost[] = [];
        for (const { relative, file, mtimeMs, size } of batch) {
          const input = normaliseInput(file.input);
          const bookkeeping = inPlace ? { filePath: relative, fileHash: file.hash, fileMtimeMs: mtimeMs, fileSize: size } : {};
          const row = existing.get(input.slug);
          if (!row) {
            fresh.push({ input, extras: { version: 1, updatedBy: editor.email, fileVersion: inPlace ? 1 : null, ...bookkeeping }, revision: { action: "import", editor } });
            written.push(input.slug);
            continue;
          }
          if (isDeepStrictEqual(normaliseInput(row.input), input) && row.meta.deletedAt === null) {
            result.unchanged += 1;
            continue;
          }
          const version = row.meta.version + 1;
          await tx.post.update({
            where: { id: row.meta.id },
            data: rowData(input, { version, updatedBy: editor.email, deletedAt: null, ...(inPlace ? { ...bookkeeping, fileVersion: version } : {}) }),
          });
          await replaceTerms(tx, row.meta.id, input);
          await writeSearch(tx, dialect, row.meta.id, input);
          await recordRevision(tx, { postId: row.meta.id, version, action: "import", snapshot: input, editor });
          result.updated += 1;
          written.push(input.slug);
        }
        await insertPosts(tx, dialect, fresh);
        result.created += fresh.length;
      },
      { timeout: 300_000 },
    ).catch((error: unknown) => {
      if (isUniqueViolation(error)) throw new Error("another writer changed the posts during the import; run it again");
      throw error;
    });

    if (mirror && written.length > 0) {
      const rows = (await db.post.findMany({ where: { slug: { in: written } }, select: fullSelect })).map(toFullRow);
      // New posts have no file yet: written in one go; an updated post's file is rewritten (or renamed) in place.
      await mirror.reflectMany(db, rows.filter((row) => !row.meta.filePath));
      for (const row of rows.filter((r) => r.meta.filePath)) await mirror.reflect(db, row);
    }
    options.progress?.(Math.min(i + BATCH, files.length), files.length);
  }
  return result;
}

export interface ExportResult {
  written: number;
}

/**
 * Writes every live database post as its Markdown file into `dir` (atomically, one file at a time), a page of rows at
 * a time. Into CONTENT_DIR this is the write-through mirror brought fully up to date.
 */
export async function exportPosts(db: Db, dir: string, options: { contentDir: string; progress?: Progress }): Promise<ExportResult> {
  const { contentDir } = options;
  const mirror = createMirror(dir);
  const intoMirror = path.resolve(dir) === path.resolve(contentDir);
  // A post the folder already holds is written over its own file (or that file replaced when the format changed):
  // two files with one slug would leave the first by name serving.
  const existing = intoMirror ? new Map<string, string>() : await filesBySlug(dir);
  const total = await db.post.count({ where: { deletedAt: null } });
  let written = 0;
  let after: string | null = null;
  for (;;) {
    const rows: unknown[] = await db.post.findMany({
      where: { deletedAt: null, ...(after === null ? {} : { slug: { gt: after } }) },
      orderBy: { slug: "asc" },
      take: BATCH,
      select: fullSelect,
    });
    if (rows.length === 0) break;
    for (const raw of rows) {
      const row = toFullRow(raw);
      // Exporting elsewhere must not move this row's bookkeeping off its own mirror file.
      await (intoMirror ? mirror.reflect(db, row) : writeExport(dir, row, existing.get(row.input.slug) ?? null));
      written += 1;
      after = row.input.slug;
    }
    options.progress?.(written, total);
  }
  return { written };
}

async function filesBySlug(dir: string): Promise<Map<string, string>> {
  const bySlug = new Map<string, string>();
  for (const f of await listPostFiles(dir)) {
    if (f.path.startsWith(".trash/")) continue;
    const raw = await readFile(path.join(dir, f.path), "utf8").catch(() => null);
    const parsed = raw === null ? null : parseFile(f.path, raw);
    if (parsed?.ok && !bySlug.has(parsed.file.input.slug)) bySlug.set(parsed.file.input.slug, f.path);
  }
  return bySlug;
}

async function writeExport(dir: string, row: FullRow, previous: string | null): Promise<void> {
  const text = serializePostFile({ ...row.input, updatedAt: row.meta.updatedAt.toISOString() }, { version: row.meta.version });
  const target = previous && previous.endsWith(`.${row.input.format}`) ? previous : postFileName(row.input);
  await writeFileAtomic(path.join(dir, target), text);
  if (previous && previous !== target) await unlink(path.join(dir, previous));
}
