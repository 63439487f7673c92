/**
 * The local index of the Markdown files: a SQLite database (same schema, same queries as the real one) holding one row
 * per post file in CONTENT_DIR, its trash included. Files mode and the outage fallback read through it, so every mode
 * serves the same indexed queries and the same search.
 *
 * It is derived data, kept current incrementally: a refresh lists the folder, skips every file whose mtime and size
 * match what the index recorded, re-reads only the others (and only re-indexes those whose bytes changed), and drops
 * rows whose file is gone. Writes through Digest index their file at once.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { parsePostSource } from "@/lib/content/front-matter";
import type { PostInput } from "@/lib/content/types";
import { closeLocalSqlite, openLocalSqlite, type Db, type DbTransaction } from "@/lib/db/client";
import { relativePath, sha256, TRASH_DIR } from "@/lib/store/mirror";
import { normaliseInput } from "@/lib/store/sql/rows";
import { insertPosts, replaceTerms, rowData, writeSearch, type NewPost, type RowExtras } from "@/lib/store/sql/rows-write";
import { sqliteSearch } from "@/lib/store/sql/search-dialect";
import { decodeOrKeep } from "@/lib/url";

const POST_FILE = /\.(md|mdx|markdown)$/i;
const BUNDLE_INDEX = ["index.md", "index.mdx", "index.markdown"];
/** Files per transaction on a first build: SQLite's cost is the commit, not the row. */
const BATCH = 200;

export interface IndexedFile {
  /** Relative to the content folder, forward slashes; trash files start with `.trash/`. */
  path: string;
  mtimeMs: number;
  size: number;
}

export interface RefreshReport {
  scanned: number;
  indexed: number;
  /** Slugs of the posts indexed anew or dropped, for expiring their pages. */
  changed: string[];
  unchanged: number;
  removed: number;
  problems: { file: string; line: number | null; message: string }[];
  ms: number;
}

export interface FileIndex {
  readonly dir: string;
  readonly file: string;
  db(): Promise<Db>;
  /** Brings the index in line with the folder; concurrent calls share one run. */
  refresh(): Promise<RefreshReport>;
  /** Indexes one file now (after Digest wrote it), or drops its row when it is gone. */
  indexFile(relative: string, tx?: DbTransaction): Promise<void>;
}

/** Post files under `dir` (top level and `<folder>/index.md` bundles), and the same inside `.trash/`. */
export async function listPostFiles(dir: string): Promise<IndexedFile[]> {
  const files: IndexedFile[] = [];
  async function scan(folder: string, prefix: string, withTrash: boolean) {
    let entries: import("node:fs").Dirent[];
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
      throw error;
    }
    for (const entry of entries) {
      if (entry.name === TRASH_DIR && withTrash && entry.isDirectory()) {
        await scan(path.join(folder, entry.name), `${TRASH_DIR}/`, false);
        continue;
      }
      if (entry.name.startsWith(".")) continue;
      if (entry.isFile() && POST_FILE.test(entry.name)) files.push(await statOf(folder, `${prefix}${entry.name}`, entry.name));
      else if (entry.isDirectory()) {
        const inside = new Set(await readdir(path.join(folder, entry.name)).catch(() => [] as string[]));
        for (const index of BUNDLE_INDEX) {
          if (inside.has(index)) files.push(await statOf(folder, `${prefix}${entry.name}/${index}`, path.join(entry.name, index)));
        }
      }
    }
  }
  async function statOf(folder: string, relative: string, name: string): Promise<IndexedFile> {
    const info = await stat(path.join(folder, name));
    return { path: relative, mtimeMs: info.mtimeMs, size: info.size };
  }
  await scan(dir, "", true);
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

const bookkeepingRow = z.object({
  id: z.string(),
  slug: z.string(),
  filePath: z.string().nullable(),
  fileMtimeMs: z.number().nullable(),
  fileSize: z.number().nullable(),
  fileHash: z.string().nullable(),
});

/** What a file holds, ready to be a row: the post, its file bookkeeping and its redirects (Hugo `aliases`). */
export interface ParsedFile {
  input: PostInput;
  deleted: boolean;
  hash: string;
  version: number | null;
  aliases: string[];
  updatedAt: Date | null;
}

const aliasesSchema = z.array(z.string()).catch([]);

export function parseFile(
  relative: string,
  raw: string,
): { ok: true; file: ParsedFile; warnings: { line: number | null; message: string }[] } | { ok: false; line: number | null; message: string } {
  const parsed = parsePostSource(relative, raw);
  if (!parsed.ok) return { ok: false, line: parsed.problem.line, message: parsed.problem.message };
  const { post } = parsed;
  const input = normaliseInput(parsed.input);
  const aliases = aliasesSchema
    .parse(post.extra.aliases ?? [])
    .map((alias) => /^\/posts\/([^/]+)\/?$/.exec(alias)?.[1])
    .flatMap((slug) => (slug ? [decodeOrKeep(slug)] : []));
  return {
    ok: true,
    file: {
      input,
      deleted: relative.startsWith(`${TRASH_DIR}/`),
      hash: sha256(raw),
      version: parsed.meta.version,
      aliases,
      updatedAt: post.updatedAt ? new Date(post.updatedAt) : null,
    },
    warnings: parsed.warnings.map((w) => ({ line: w.line, message: w.message })),
  };
}

/** The row's bookkeeping for a file: where it is, its bytes, the version it mirrors, and whether it is in the trash. */
function fileExtras(relative: string, file: ParsedFile, info: { mtimeMs: number; size: number }): RowExtras {
  return {
    version: 1,
    deletedAt: file.deleted ? (file.updatedAt ?? new Date(info.mtimeMs)) : null,
    filePath: relative,
    fileHash: file.hash,
    fileVersion: file.version,
    fileMtimeMs: info.mtimeMs,
    fileSize: info.size,
    ...(file.updatedAt ? { updatedAt: file.updatedAt } : {}),
  };
}

/** Writes one parsed file as the index row for its slug (replacing the row of the same path or slug). */
export async function upsertFileRow(tx: DbTransaction, relative: string, file: ParsedFile, info: { mtimeMs: number; size: number }): Promise<"indexed" | "duplicate"> {
  const bySlug = await tx.post.findUnique({ where: { slug: file.input.slug }, select: { id: true, filePath: true } });
  if (bySlug && bySlug.filePath !== relative) {
    // Of two files with one slug, the first by path keeps it (as the loader always did); a live file beats a trashed one.
    const other = bySlug.filePath ?? "";
    const otherDeleted = other.startsWith(`${TRASH_DIR}/`);
    const keepOther = (otherDeleted === file.deleted && other < relative) || (!otherDeleted && file.deleted);
    if (keepOther) return "duplicate";
  }
  const byPath = await tx.post.findFirst({ where: { filePath: relative }, select: { id: true } });
  const data = rowData(file.input, fileExtras(relative, file, info));
  const existing = byPath ?? bySlug;
  if (byPath && bySlug && byPath.id !== bySlug.id) await tx.post.delete({ where: { id: bySlug.id } });
  let id: string;
  if (existing) {
    const row = await tx.post.update({ where: { id: existing.id }, data: { ...data, version: { increment: 1 } }, select: { id: true } });
    id = row.id;
  } else {
    id = (await tx.post.create({ data, select: { id: true } })).id;
  }
  await replaceTerms(tx, id, file.input);
  await writeSearch(tx, sqliteSearch, id, file.input);
  await tx.slugRedirect.deleteMany({ where: { toSlug: file.input.slug } });
  for (const alias of file.aliases) {
    if (alias === file.input.slug) continue;
    await tx.slugRedirect.upsert({ where: { fromSlug: alias }, create: { fromSlug: alias, toSlug: file.input.slug }, update: { toSlug: file.input.slug } });
  }
  return "indexed";
}

export function createFileIndex(options: { dir: string; file: string; log?: (line: string) => void }): FileIndex {
  const { dir, file } = options;
  const log = options.log ?? ((line: string) => console.warn(line));
  let running: Promise<RefreshReport> | null = null;

  const open = () => openLocalSqlite(file);

  async function refreshNow(): Promise<RefreshReport> {
    const started = Date.now();
    const db = await open();
    const files = await listPostFiles(dir);
    const report: RefreshReport = { scanned: files.length, indexed: 0, changed: [], unchanged: 0, removed: 0, problems: [], ms: 0 };
    const known = new Map<string, z.infer<typeof bookkeepingRow>>();
    // Paged by path so a large index is never read in one go.
    let cursor: string | undefined;
    for (;;) {
      const page = await db.post.findMany({
        where: cursor === undefined ? { filePath: { not: null } } : { filePath: { gt: cursor } },
        orderBy: { filePath: "asc" },
        take: 2000,
        select: { id: true, slug: true, filePath: true, fileMtimeMs: true, fileSize: true, fileHash: true },
      });
      for (const raw of page) {
        const row = bookkeepingRow.parse(raw);
        if (row.filePath) known.set(row.filePath, row);
      }
      if (page.length < 2000) break;
      cursor = page[page.length - 1].filePath ?? undefined;
    }

    const changed = files.filter((f) => {
      const row = known.get(f.path);
      if (row && row.fileMtimeMs === f.mtimeMs && row.fileSize === f.size) {
        report.unchanged += 1;
        return false;
      }
      return true;
    });
    for (let i = 0; i < changed.length; i += BATCH) {
      const batch = changed.slice(i, i + BATCH);
      const reads = await Promise.all(
        batch.map(async (f) => ({ f, raw: await readFile(path.join(dir, f.path), "utf8").catch(() => null) })),
      );
      await db.$transaction(
        async (tx) => {
          const fresh: { f: IndexedFile; file: ParsedFile }[] = [];
          const one: { f: IndexedFile; file: ParsedFile }[] = [];
          for (const { f, raw } of reads) {
            if (raw === null) continue;
            const row = known.get(f.path);
            const hash = sha256(raw);
            if (row && row.fileHash === hash) {
              await tx.post.update({ where: { id: row.id }, data: { fileMtimeMs: f.mtimeMs, fileSize: f.size } });
              report.unchanged += 1;
              continue;
            }
            const parsed = parseFile(f.path, raw);
            if (!parsed.ok) {
              // The last good version keeps serving; content:check names the problem for the author.
              report.problems.push({ file: f.path, line: parsed.line, message: parsed.message });
              continue;
            }
            (row ? one : fresh).push({ f, file: parsed.file });
          }
          // New files whose slug nobody holds yet go in as one bulk insert (a first build of 10,000 files takes
          // seconds); the rest (changed files, slug clashes, redirects) one by one.
          const taken = new Set(
            (await tx.post.findMany({ where: { slug: { in: fresh.map((x) => x.file.input.slug) } }, select: { slug: true } })).map((r) => r.slug),
          );
          const bulk: NewPost[] = [];
          for (const item of fresh) {
            const slug = item.file.input.slug;
            if (taken.has(slug) || item.file.aliases.length > 0) one.push(item);
            else {
              taken.add(slug);
              bulk.push({ input: item.file.input, extras: fileExtras(item.f.path, item.file, item.f), revision: null });
            }
          }
          await insertPosts(tx, sqliteSearch, bulk);
          report.indexed += bulk.length;
          report.changed.push(...bulk.map((b) => b.input.slug));
          for (const { f, file } of one) {
            if ((await upsertFileRow(tx, f.path, file, f)) === "duplicate") {
              report.problems.push({ file: f.path, line: null, message: `slug "${file.input.slug}" is already used by another file` });
            } else {
              report.indexed += 1;
              report.changed.push(file.input.slug);
            }
          }
        },
        { timeout: 120_000 },
      );
    }
    const present = new Set(files.map((f) => f.path));
    const goneRows = [...known.values()].filter((row) => row.filePath && !present.has(row.filePath));
    report.changed.push(...goneRows.map((row) => row.slug));
    const gone = goneRows.map((row) => row.id);
    for (let i = 0; i < gone.length; i += 500) {
      await db.post.deleteMany({ where: { id: { in: gone.slice(i, i + 500) } } });
    }
    report.removed = gone.length;
    report.ms = Date.now() - started;
    for (const problem of report.problems) log(`[content] skipped ${problem.file}${problem.line === null ? "" : `:${problem.line}`}: ${problem.message}`);
    return report;
  }

  return {
    dir,
    file,
    db: open,
    refresh() {
      running ??= refreshNow().finally(() => {
        running = null;
      });
      return running;
    },
    async indexFile(relative, tx) {
      const run = async (client: DbTransaction) => {
        const absolute = path.join(dir, relative);
        const info = await stat(absolute).catch(() => null);
        if (!info) {
          await client.post.deleteMany({ where: { filePath: relative } });
          return;
        }
        const raw = await readFile(absolute, "utf8");
        const parsed = parseFile(relative, raw);
        if (!parsed.ok) throw new Error(`${relative}${parsed.line === null ? "" : `:${parsed.line}`}: ${parsed.message}`);
        await upsertFileRow(client, relative, parsed.file, { mtimeMs: info.mtimeMs, size: info.size });
      };
      if (tx) return run(tx);
      const db = await open();
      await db.$transaction(run);
    },
  };
}

export { closeLocalSqlite, relativePath };
