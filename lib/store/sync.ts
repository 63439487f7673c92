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
import { listPostFiles, parseFile, type IndexedFile, type ParsedFile } from "@/lib/store/file-index";
import { sha256, TRASH_DIR, type Mirror } from "@/lib/store/mirror";
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
  /** The content folder (CONTENT_DIR) the mirror writes. */
  dir: string;
  mirror: Mirror;
}

type Decision = "created" | "synced" | "conflict" | "refreshed" | "unchanged";

const PAGE = 500;

export async function syncFilesToDatabase(deps: SyncDeps): Promise<SyncReport> {
  return withLock(`sync:${deps.dir}`, () => runSync(deps));
}

/**
 * The folder is listed with each file's mtime and size, and compared, a page at a time, with what the rows recorded
 * when the mirror wrote them: a file whose mtime and size match is not even read, so a sync of 10,000 unchanged files
 * costs a directory listing and a few indexed queries.
 */
async function runSync(deps: SyncDeps): Promise<SyncReport> {
  const { db } = deps;
  const files = await listPostFiles(deps.dir);
  const report: SyncReport = { created: [], synced: [], conflicts: [], refreshed: [], unchanged: 0, failed: [] };
  const seenRows = new Set<string>();
  for (let i = 0; i < files.length; i += PAGE) await syncPage(deps, files.slice(i, i + PAGE), report, seenRows);

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

const trashed = (p: string) => p.startsWith(`${TRASH_DIR}/`);
const livePath = (p: string) => (trashed(p) ? p.slice(TRASH_DIR.length + 1) : p);

/**
 * One page of the folder. A file whose mtime, size and place match what its row recorded is skipped unread; one whose
 * bytes match is only re-dated; files nobody has yet become posts in one bulk insert; everything else is decided one
 * file at a time.
 */
async function syncPage(deps: SyncDeps, page: IndexedFile[], report: SyncReport, seenRows: Set<string>): Promise<void> {
  const { db, dialect } = deps;
  const candidates = new Set(page.flatMap((f) => [f.path, livePath(f.path), `${TRASH_DIR}/${livePath(f.path)}`]));
  const byPathRows = await db.post.findMany({
    where: { filePath: { in: [...candidates] } },
    select: { id: true, filePath: true, fileHash: true, fileMtimeMs: true, fileSize: true, deletedAt: true },
  });
  const byPath = new Map(byPathRows.map((row) => [row.filePath ?? "", row]));
  const parsedFresh: { f: IndexedFile; file: ParsedFile }[] = [];
  for (const f of page) {
    const row = byPath.get(f.path) ?? byPath.get(livePath(f.path)) ?? byPath.get(`${TRASH_DIR}/${livePath(f.path)}`);
    const samePlace = row !== undefined && row.filePath === f.path && (row.deletedAt !== null) === trashed(f.path);
    if (row && samePlace && row.fileMtimeMs === f.mtimeMs && row.fileSize === f.size) {
      report.unchanged += 1;
      seenRows.add(row.id);
      continue;
    }
    try {
      const raw = await readFile(path.join(deps.dir, f.path), "utf8").catch(() => null);
      if (raw === null) continue;
      if (row && samePlace && row.fileHash === sha256(raw)) {
        // Touched, not changed (a checkout, a copy): remember the new mtime so the next sync skips it again.
        await db.post.update({ where: { id: row.id }, data: { fileMtimeMs: f.mtimeMs, fileSize: f.size } });
        report.unchanged += 1;
        seenRows.add(row.id);
        continue;
      }
      const parsed = parseFile(f.path, raw);
      if (!parsed.ok) {
        console.warn(`[sync] skipped ${f.path}${parsed.line === null ? "" : `:${parsed.line}`}: ${parsed.message}`);
        continue;
      }
      if (!row) {
        parsedFresh.push({ f, file: parsed.file });
        continue;
      }
      const { decision, rowId } = await syncOne(deps, f, parsed.file);
      if (rowId) seenRows.add(rowId);
      if (decision === "unchanged") report.unchanged += 1;
      else report[decision === "conflict" ? "conflicts" : decision].push(parsed.file.input.slug);
    } catch (error) {
      report.failed.push({ slug: f.path, message: error instanceof Error ? error.message : String(error) });
    }
  }
  if (parsedFresh.length === 0) return;
  // Files no row mirrors: new posts in one go, unless their slug (or a redirect) says a row exists after all.
  const slugs = parsedFresh.map((x) => x.file.input.slug);
  const [bySlugRows, redirects] = await Promise.all([
    db.post.findMany({ where: { slug: { in: slugs } }, select: { slug: true } }),
    db.slugRedirect.findMany({ where: { fromSlug: { in: slugs } }, select: { fromSlug: true } }),
  ]);
  const known = new Set([...bySlugRows.map((r) => r.slug), ...redirects.map((r) => r.fromSlug)]);
  const fresh: NewPost[] = [];
  for (const { f, file } of parsedFresh) {
    const slug = file.input.slug;
    if (known.has(slug)) {
      try {
        const { decision, rowId } = await syncOne(deps, f, file);
        if (rowId) seenRows.add(rowId);
        if (decision === "unchanged") report.unchanged += 1;
        else report[decision === "conflict" ? "conflicts" : decision].push(slug);
      } catch (error) {
        report.failed.push({ slug, message: error instanceof Error ? error.message : String(error) });
      }
      continue;
    }
    if (file.deleted) continue;
    known.add(slug);
    fresh.push({
      input: normaliseInput(file.input),
      extras: { version: 1, updatedBy: SYNC_EDITOR.email, filePath: f.path, fileHash: file.hash, fileVersion: 1, fileMtimeMs: f.mtimeMs, fileSize: f.size },
      revision: { action: "import", editor: SYNC_EDITOR, fileHash: file.hash },
    });
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

async function syncOne(deps: SyncDeps, f: IndexedFile, file: ParsedFile): Promise<{ decision: Decision; rowId: string | null }> {
  const { db, dialect, mirror } = deps;
  const filePath = f.path;
  const row = await rowFor(db, filePath, file.input.slug);

  if (!row) {
    if (file.deleted) return { decision: "unchanged", rowId: null };
    const id = await db.$transaction(async (tx) => {
      const created = await tx.post.create({
        data: rowData(file.input, { version: 1, updatedBy: SYNC_EDITOR.email, filePath, fileHash: file.hash, fileVersion: 1, fileMtimeMs: f.mtimeMs, fileSize: f.size }),
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
    await db.post.updateMany({
      where: { id: row.meta.id, version: row.meta.version },
      data: { fileHash: file.hash, filePath, fileVersion: row.meta.version, fileMtimeMs: f.mtimeMs, fileSize: f.size },
    });
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
    if (!applied) return syncOne(deps, f, file);
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
