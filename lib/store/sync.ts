/**
 * Files → database, by version, never by clock, never on a GET. Runs when the database comes back after an outage (the
 * first successful probe), at start, and on `npm run content:sync`.
 *
 * Each post file records the database version it mirrors (`digest_version`, written by lib/store/mirror.ts); the row
 * records the hash of the file it last wrote or read and that version. For every file whose bytes differ from what
 * the row recorded:
 * - no row yet (a new file, or the baseline of an empty database): the file becomes a post;
 * - the row has not moved since the file's version: the file's text is written as a new revision ("sync");
 * - both moved: the row stays as it is and the file's text is kept as a conflicting revision ("conflict") that /admin
 *   shows on the post, to compare, keep one, or merge by hand; the file is then written back to mirror the row.
 * A file whose content equals one of the post's own revisions is only a stale copy (another instance's mirror) and is
 * refreshed. Nothing typed by anyone is lost or silently replaced; a date in a file changes nothing by itself.
 * Each decision re-reads the row inside a transaction, and a (post, file hash) pair is recorded at most once, so two
 * syncs at once cannot write a revision twice.
 */
import { isDeepStrictEqual } from "node:util";
import type { PostInput } from "@/lib/content/types";
import type { Db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { parseSnapshot } from "@/lib/content/fields";
import { parseFile, type FileIndex, type ParsedFile } from "@/lib/store/file-index";
import { TRASH_DIR, type Mirror } from "@/lib/store/mirror";
import { withLock } from "@/lib/store/mutex";
import { fullSelect, normaliseInput, toFullRow, type FullRow } from "@/lib/store/sql/rows";
import { insertPosts, recordRevision, replaceTerms, rowData, writeSearch, type NewPost } from "@/lib/store/sql/rows-write";
import type { SearchDialect } from "@/lib/store/sql/search-dialect";
import type { EditorRef } from "@/lib/store/types";
import { readFile } from "node:fs/promises";
import path from "node:path";

/** Changes made to the files while the database was away are written back under this name. */
export const SYNC_EDITOR: EditorRef = { id: "sync", email: "sync@digest" };

export interface SyncReport {
  created: string[];
  synced: string[];
  conflicts: string[];
  refreshed: string[];
  unchanged: number;
  failed: { slug: string; message: string }[];
}

export interface SyncDeps {
  db: Db;
  dialect: SearchDialect;
  index: FileIndex;
  mirror: Mirror;
}

type Decision = "created" | "synced" | "conflict" | "refreshed" | "unchanged";

const PAGE = 500;

export async function syncFilesToDatabase(deps: SyncDeps): Promise<SyncReport> {
  return withLock(`sync:${deps.index.dir}`, () => runSync(deps));
}

async function runSync(deps: SyncDeps): Promise<SyncReport> {
  const { db, index } = deps;
  await index.refresh();
  const local = await index.db();
  const report: SyncReport = { created: [], synced: [], conflicts: [], refreshed: [], unchanged: 0, failed: [] };
  const seenRows = new Set<string>();

  let cursor: string | null = null;
  for (;;) {
    const page: { slug: string; filePath: string | null; fileHash: string | null }[] = await local.post.findMany({
      where: cursor === null ? { filePath: { not: null } } : { filePath: { gt: cursor } },
      orderBy: { filePath: "asc" },
      take: PAGE,
      select: { slug: true, filePath: true, fileHash: true },
    });
    await syncPage(deps, page, report, seenRows);
    if (page.length < PAGE) break;
    cursor = page[page.length - 1].filePath;
  }

  // Rows whose file is gone (removed by hand, or never written on this machine): write it again.
  let after: string | null = null;
  for (;;) {
    const rows: { id: string; slug: string }[] = await db.post.findMany({
      where: after === null ? {} : { id: { gt: after } },
      orderBy: { id: "asc" },
      take: PAGE,
      select: { id: true, slug: true },
    });
    const missing = rows.filter((row) => !seenRows.has(row.id));
    for (const { slug } of missing) {
      const raw = await db.post.findUnique({ where: { slug }, select: fullSelect });
      if (!raw) continue;
      try {
        await deps.mirror.reflect(db, toFullRow(raw));
        report.refreshed.push(slug);
      } catch (error) {
        report.failed.push({ slug, message: error instanceof Error ? error.message : String(error) });
      }
    }
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1].id;
  }
  for (const problem of report.failed) console.error(`[sync] ${problem.slug}: ${problem.message}`);
  const changed = report.created.length + report.synced.length + report.conflicts.length;
  if (changed > 0) {
    console.info(`[sync] from the Markdown files: ${report.created.length} new, ${report.synced.length} updated, ${report.conflicts.length} kept as conflicts`);
  }
  return report;
}

type IndexEntry = { slug: string; filePath: string | null; fileHash: string | null };

const trashed = (p: string) => p.startsWith(`${TRASH_DIR}/`);
const livePath = (p: string) => (trashed(p) ? p.slice(TRASH_DIR.length + 1) : p);

/**
 * One page of the index. What the row already recorded (same bytes, same place) is skipped without reading the file;
 * files nobody has yet become posts in one bulk insert; everything else is decided one file at a time.
 */
async function syncPage(deps: SyncDeps, page: IndexEntry[], report: SyncReport, seenRows: Set<string>): Promise<void> {
  const { db, index, dialect } = deps;
  const entries = page.filter((e): e is IndexEntry & { filePath: string } => e.filePath !== null);
  const candidates = new Set(entries.flatMap((e) => [e.filePath, livePath(e.filePath), `${TRASH_DIR}/${livePath(e.filePath)}`]));
  const [byPathRows, bySlugRows, redirects] = await Promise.all([
    db.post.findMany({ where: { filePath: { in: [...candidates] } }, select: { id: true, filePath: true, fileHash: true, deletedAt: true } }),
    db.post.findMany({ where: { slug: { in: entries.map((e) => e.slug) } }, select: { id: true, slug: true } }),
    db.slugRedirect.findMany({ where: { fromSlug: { in: entries.map((e) => e.slug) } }, select: { fromSlug: true } }),
  ]);
  const byPath = new Map(byPathRows.map((row) => [row.filePath ?? "", row]));
  const slugs = new Set([...bySlugRows.map((row) => row.slug), ...redirects.map((row) => row.fromSlug)]);
  const fresh: NewPost[] = [];
  for (const entry of entries) {
    const row = byPath.get(entry.filePath) ?? byPath.get(livePath(entry.filePath)) ?? byPath.get(`${TRASH_DIR}/${livePath(entry.filePath)}`);
    if (row && row.fileHash === entry.fileHash && (row.deletedAt !== null) === trashed(entry.filePath)) {
      report.unchanged += 1;
      seenRows.add(row.id);
      continue;
    }
    try {
      const raw = await readFile(path.join(index.dir, entry.filePath), "utf8").catch(() => null);
      if (raw === null) continue;
      const parsed = parseFile(entry.filePath, raw);
      if (!parsed.ok) continue;
      const slug = parsed.file.input.slug;
      if (!row && !slugs.has(slug) && !parsed.file.deleted) {
        slugs.add(slug);
        fresh.push({
          input: normaliseInput(parsed.file.input),
          extras: { version: 1, updatedBy: SYNC_EDITOR.email, filePath: entry.filePath, fileHash: parsed.file.hash, fileVersion: 1 },
          revision: { action: "import", editor: SYNC_EDITOR, fileHash: parsed.file.hash },
        });
        continue;
      }
      const { decision, rowId } = await syncOne(deps, entry.filePath, parsed.file);
      if (rowId) seenRows.add(rowId);
      if (decision === "unchanged") report.unchanged += 1;
      else report[decision === "conflict" ? "conflicts" : decision].push(slug);
    } catch (error) {
      report.failed.push({ slug: entry.slug, message: error instanceof Error ? error.message : String(error) });
    }
  }
  if (fresh.length > 0) {
    const ids = await db.$transaction((tx) => insertPosts(tx, dialect, fresh), { timeout: 120_000 });
    for (const id of ids.values()) seenRows.add(id);
    report.created.push(...fresh.map((p) => p.input.slug));
  }
}

/** The row a file belongs to: the one that mirrors that path, else the one with its slug, else where it was renamed to. */
async function rowFor(db: Db, filePath: string, slug: string): Promise<FullRow | null> {
  const live = filePath.startsWith(`${TRASH_DIR}/`) ? filePath.slice(TRASH_DIR.length + 1) : filePath;
  const byPath = await db.post.findFirst({ where: { filePath: { in: [filePath, live, `${TRASH_DIR}/${live}`] } }, select: fullSelect });
  if (byPath) return toFullRow(byPath);
  const bySlug = await db.post.findUnique({ where: { slug }, select: fullSelect });
  if (bySlug) return toFullRow(bySlug);
  const redirect = await db.slugRedirect.findUnique({ where: { fromSlug: slug } });
  if (!redirect) return null;
  const target = await db.post.findUnique({ where: { slug: redirect.toSlug }, select: fullSelect });
  return target ? toFullRow(target) : null;
}

function sameState(row: FullRow, file: ParsedFile): boolean {
  return isDeepStrictEqual(normaliseInput(row.input), normaliseInput(file.input)) && (row.meta.deletedAt !== null) === file.deleted;
}

async function syncOne(deps: SyncDeps, filePath: string, file: ParsedFile): Promise<{ decision: Decision; rowId: string | null }> {
  const { db, dialect, mirror } = deps;
  const row = await rowFor(db, filePath, file.input.slug);

  if (!row) {
    if (file.deleted) return { decision: "unchanged", rowId: null };
    const id = await db.$transaction(async (tx) => {
      const created = await tx.post.create({
        data: rowData(file.input, { version: 1, updatedBy: SYNC_EDITOR.email, filePath, fileHash: file.hash, fileVersion: 1 }),
        select: { id: true },
      });
      await replaceTerms(tx, created.id, file.input);
      await writeSearch(tx, dialect, created.id, file.input);
      await tx.slugRedirect.deleteMany({ where: { fromSlug: file.input.slug } });
      await recordRevision(tx, { postId: created.id, version: 1, action: "import", snapshot: file.input, editor: SYNC_EDITOR, fileHash: file.hash });
      return created.id;
    });
    return { decision: "created", rowId: id };
  }
  // Same bytes in the same place: nothing happened (a delete during an outage moves the file without changing it).
  if (row.meta.fileHash === file.hash && (row.meta.deletedAt !== null) === file.deleted) return { decision: "unchanged", rowId: row.meta.id };
  if (sameState(row, file)) {
    // Same post, other bytes (an older serializer, a hand reformat): remember these bytes, nothing to write.
    await db.post.updateMany({ where: { id: row.meta.id, version: row.meta.version }, data: { fileHash: file.hash, filePath, fileVersion: row.meta.version } });
    return { decision: "unchanged", rowId: row.meta.id };
  }

  const base = file.version ?? row.meta.fileVersion ?? 0;
  if (base === row.meta.version) {
    // The row has not moved since the file was last in step with it: the file's edit is the newer one.
    const version = row.meta.version + 1;
    const input = { ...file.input, slug: row.input.slug };
    const applied = await db.$transaction(async (tx) => {
      const { count } = await tx.post.updateMany({
        where: { id: row.meta.id, version: row.meta.version },
        data: rowData(input, { version, updatedBy: SYNC_EDITOR.email, deletedAt: file.deleted ? new Date() : null }),
      });
      if (count !== 1) return false;
      await replaceTerms(tx, row.meta.id, input);
      await writeSearch(tx, dialect, row.meta.id, input);
      await recordRevision(tx, { postId: row.meta.id, version, action: "sync", snapshot: input, editor: SYNC_EDITOR, fileHash: file.hash });
      return true;
    });
    if (!applied) return syncOne(deps, filePath, file);
    await reflect(db, mirror, row.input.slug);
    return { decision: "synced", rowId: row.meta.id };
  }

  if (await isOwnRevision(db, row.meta.id, file.input)) {
    // A stale copy of a version this post already had (another instance wrote the newer file elsewhere).
    await reflect(db, mirror, row.input.slug);
    return { decision: "refreshed", rowId: row.meta.id };
  }

  // Both moved: keep the row, keep the file's text beside it for an editor.
  try {
    await db.$transaction(async (tx) => {
      const known = await tx.revision.findFirst({ where: { postId: row.meta.id, fileHash: file.hash }, select: { id: true } });
      if (known) return;
      await recordRevision(tx, { postId: row.meta.id, version: row.meta.version, action: "conflict", snapshot: { ...file.input, slug: row.input.slug }, editor: SYNC_EDITOR, fileHash: file.hash });
    });
  } catch (error) {
    // Another sync recorded the same file a moment ago.
    if (!isUniqueViolation(error)) throw error;
  }
  await reflect(db, mirror, row.input.slug);
  return { decision: "conflict", rowId: row.meta.id };
}

async function isOwnRevision(db: Db, postId: string, input: PostInput): Promise<boolean> {
  const revisions = await db.revision.findMany({ where: { postId }, orderBy: { createdAt: "desc" }, take: 50, select: { snapshot: true } });
  const wanted = normaliseInput(input);
  return revisions.some((revision) => {
    try {
      return isDeepStrictEqual(normaliseInput(parseSnapshot(revision.snapshot)), wanted);
    } catch {
      return false;
    }
  });
}

async function reflect(db: Db, mirror: Mirror, slug: string): Promise<void> {
  const raw = await db.post.findUnique({ where: { slug }, select: fullSelect });
  if (raw) await mirror.reflect(db, toFullRow(raw));
}
