/**
 * The Markdown backend: `content/*.md|mdx` are the posts. Used when no database is configured (DIGEST_STORE=files), and
 * as the fallback that takes saves while a configured database is unreachable. Reads go through the local index of the
 * files (lib/store/file-index.ts: the same schema and queries as the database); writes go to the file first (it is the
 * truth), then to the index and its revision history.
 *
 * Deleted posts move to `content/.trash/` (restorable); a renamed slug keeps its old URL through Hugo-style `aliases`.
 * Every write holds an OS-level lock on the folder (proper-lockfile), so two processes (two instances, the CLI) cannot
 * both pass the version check; file writes are atomic and flushed, and a rename moves the file before rewriting it so
 * a crash leaves one post, never two.
 */
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import lockfile from "proper-lockfile";
import { z } from "zod";
import { postFromInput } from "@/lib/content/post-input";
import { serializePostFile } from "@/lib/content/serialize";
import type { PostInput } from "@/lib/content/types";
import type { Db } from "@/lib/db/client";
import { ConflictError, PostNotFoundError, SlugTakenError, StoreUnavailableError } from "@/lib/errors";
import { renameDurable, writeFileAtomic } from "@/lib/store/atomic-write";
import { parseFile, upsertFileRow, type FileIndex } from "@/lib/store/file-index";
import { postFileName, sha256, TRASH_DIR } from "@/lib/store/mirror";
import { withLock } from "@/lib/store/mutex";
import { createSqlQueries } from "@/lib/store/sql/queries";
import { fullSelect, normaliseInput, toFullRow, type FullRow } from "@/lib/store/sql/rows";
import { recordRevision } from "@/lib/store/sql/rows-write";
import { sqliteSearch } from "@/lib/store/sql/search-dialect";
import { updateAction, type EditorRef, type PostStore, type RevisionAction, type StoredPost } from "@/lib/store/types";

const ALIASES = "aliases";
const aliasesSchema = z.array(z.string()).catch([]);

export interface FileStoreOptions {
  index: FileIndex;
  db: Db;
  /** Where the cross-process lock lives (the git-ignored data folder). */
  lockDir: string;
  now?: () => Date;
}

interface Current {
  row: FullRow;
  /** Absolute path of the post's file. */
  file: string;
  raw: string;
}

export function createFileStore(options: FileStoreOptions): PostStore {
  const { index, db, lockDir } = options;
  const dir = index.dir;
  const queries = createSqlQueries(db, sqliteSearch, { now: options.now, versionToken: "fileHash" });

  async function locked<T>(work: () => Promise<T>): Promise<T> {
    return withLock(`files:${dir}`, async () => {
      let release: (() => Promise<void>) | null = null;
      try {
        release = await lockfile.lock(dir, {
          realpath: false,
          lockfilePath: path.join(lockDir, "content.lock"),
          stale: 15_000,
          retries: { retries: 100, minTimeout: 10, maxTimeout: 200 },
        });
      } catch (error) {
        throw new StoreUnavailableError(`Another process is writing the content folder ${dir}; try again.`, { cause: error });
      }
      try {
        return await work();
      } finally {
        await release().catch(() => undefined);
      }
    });
  }

  /** The post's row and the bytes of its file now; the file wins when the index is behind it. */
  async function current(slug: string): Promise<Current | null> {
    const raw = await db.post.findUnique({ where: { slug }, select: fullSelect });
    if (!raw) return null;
    const row = toFullRow(raw);
    if (!row.meta.filePath) return null;
    const file = path.join(dir, row.meta.filePath);
    const text = await readFile(file, "utf8").catch(() => null);
    if (text === null) return null;
    if (sha256(text) !== row.meta.fileHash) {
      // Changed outside Digest since it was indexed: index it now, so the editor sees (and conflicts with) the truth.
      await index.indexFile(row.meta.filePath);
      return current(slug);
    }
    return { row, file, raw: text };
  }

  function stored(c: Current): StoredPost {
    return {
      post: postFromInput(c.row.input, { kind: "file", path: c.file }, c.row.meta.updatedAt.toISOString()),
      versionToken: sha256(c.raw),
      deletedAt: c.row.meta.deletedAt?.toISOString() ?? null,
      // Files have no owner: in files mode (and during an outage) only editors and admins edit existing posts.
      ownerId: null,
    };
  }

  function check(c: Current, expectedVersion: string | null): void {
    if (expectedVersion !== null && sha256(c.raw) !== expectedVersion) throw new ConflictError(stored(c));
  }

  /** Writes the file, indexes it and records the revision; the file is the truth, the rest follows it. */
  async function commit(relative: string, input: PostInput, action: RevisionAction, editor: EditorRef, version: number | null): Promise<StoredPost> {
    const absolute = path.join(dir, relative);
    const text = serializePostFile({ ...input, updatedAt: (options.now?.() ?? new Date()).toISOString() }, { version });
    try {
      await writeFileAtomic(absolute, text);
    } catch (error) {
      throw new StoreUnavailableError(`Could not write ${path.basename(absolute)}: ${(error as Error).message}`, { cause: error });
    }
    await indexWritten(relative, text, action, editor);
    const after = await current(input.slug);
    if (!after) throw new PostNotFoundError(input.slug);
    return stored(after);
  }

  async function indexWritten(relative: string, text: string, action: RevisionAction, editor: EditorRef): Promise<void> {
    const parsed = parseFile(relative, text);
    if (!parsed.ok) throw new Error(`Digest wrote ${relative} and cannot read it back: ${parsed.message}`);
    const info = await stat(path.join(dir, relative));
    await db.$transaction(async (tx) => {
      await upsertFileRow(tx, relative, parsed.file, info);
      const row = await tx.post.findUnique({ where: { slug: parsed.file.input.slug }, select: { id: true, version: true } });
      if (row) await recordRevision(tx, { postId: row.id, version: row.version, action, snapshot: parsed.file.input, editor });
    });
  }

  async function exists(file: string): Promise<boolean> {
    return stat(file).then(
      () => true,
      () => false,
    );
  }

  async function slugTaken(slug: string, except: string | null): Promise<boolean> {
    const row = await db.post.findUnique({ where: { slug }, select: { id: true } });
    return row !== null && row.id !== except;
  }

  async function change(
    slug: string,
    expectedVersion: string | null,
    editor: EditorRef,
    action: RevisionAction,
    next: (c: Current) => PostInput,
  ): Promise<StoredPost> {
    return locked(async () => {
      const c = await current(slug);
      // A deleted post is restored first, never edited in the trash (the database store refuses the same way).
      if (!c || c.row.meta.deletedAt !== null) throw new PostNotFoundError(slug);
      check(c, expectedVersion);
      const input = normaliseInput(next(c));
      const relative = c.row.meta.filePath ?? postFileName(input);
      let target = relative;
      if (input.slug !== slug || !relative.endsWith(`.${input.format}`)) {
        if (input.slug !== slug && (await slugTaken(input.slug, c.row.meta.id))) throw new SlugTakenError(input.slug);
        target = postFileName(input);
        if (target !== relative && (await exists(path.join(dir, target)))) throw new SlugTakenError(input.slug);
        // Move first, then rewrite: a crash in between leaves the old text under the new name, one post, not two.
        if (target !== relative) {
          await renameDurable(c.file, path.join(dir, target));
          // The row follows the file, keeping its id and so its history.
          await db.post.update({ where: { id: c.row.meta.id }, data: { filePath: target } });
        }
      }
      // The action names what the write did to readers (lib/store/types.ts updateAction).
      return commit(target, input, updateAction(c.row.input.draft, input.draft, action), editor, c.row.meta.fileVersion);
    });
  }

  return {
    ...queries,
    kind: "files",

    // The editor's copy comes from the file itself: its bytes are the version token.
    async getStored(slug) {
      const c = await current(slug);
      return c ? stored(c) : null;
    },

    async create(raw, editor) {
      const input = normaliseInput(raw);
      return locked(async () => {
        const relative = postFileName(input);
        if ((await slugTaken(input.slug, null)) || (await exists(path.join(dir, relative)))) throw new SlugTakenError(input.slug);
        return commit(relative, input, "create", editor, null);
      });
    },

    update(slug, input, expectedVersion, editor) {
      return change(slug, expectedVersion, editor, "update", (c) => {
        if (input.slug === slug) return input;
        // The old URL keeps working: Hugo-style aliases, read back into redirects by the index.
        const aliases = new Set([...aliasesSchema.parse(c.row.input.extra[ALIASES] ?? []), `/posts/${slug}`]);
        aliases.delete(`/posts/${input.slug}`);
        return { ...input, extra: { ...input.extra, [ALIASES]: [...aliases] } };
      });
    },

    setDraft(slug, draft, expectedVersion, editor) {
      return change(slug, expectedVersion, editor, draft ? "unpublish" : "publish", (c) => ({ ...c.row.input, draft }));
    },

    async remove(slug, expectedVersion, editor) {
      return locked(async () => {
        const c = await current(slug);
        if (!c || c.row.meta.deletedAt !== null || !c.row.meta.filePath) throw new PostNotFoundError(slug);
        check(c, expectedVersion);
        const relative = c.row.meta.filePath;
        const trashed = `${TRASH_DIR}/${relative}`;
        await renameDurable(c.file, path.join(dir, trashed));
        await db.post.update({ where: { id: c.row.meta.id }, data: { filePath: trashed } });
        const text = await readFile(path.join(dir, trashed), "utf8");
        await indexWritten(trashed, text, "delete", editor);
        const after = await current(slug);
        if (!after) throw new PostNotFoundError(slug);
        return stored(after);
      });
    },

    async restore(slug, editor) {
      return locked(async () => {
        const c = await current(slug);
        if (!c || !c.row.meta.filePath) throw new PostNotFoundError(slug);
        if (c.row.meta.deletedAt === null) return stored(c);
        const relative = c.row.meta.filePath.slice(TRASH_DIR.length + 1);
        if (await exists(path.join(dir, relative))) throw new SlugTakenError(slug);
        await renameDurable(c.file, path.join(dir, relative));
        await db.post.update({ where: { id: c.row.meta.id }, data: { filePath: relative } });
        await indexWritten(relative, c.raw, "restore", editor);
        const after = await current(slug);
        if (!after) throw new PostNotFoundError(slug);
        return stored(after);
      });
    },

    async restoreRevision(slug, revisionId, expectedVersion, editor, options = {}) {
      const c = await current(slug);
      if (!c) throw new PostNotFoundError(slug);
      const owner = await db.revision.findUnique({ where: { id: revisionId }, select: { postId: true } });
      const revision = await queries.getRevision(revisionId);
      // Only this post's own history can be restored onto it.
      if (!revision || owner?.postId !== c.row.meta.id) throw new PostNotFoundError(slug);
      return change(slug, expectedVersion, editor, "revert", () => ({ ...revision.snapshot, slug, draft: options.draft ?? revision.snapshot.draft }));
    },

    async resolveConflict(slug, revisionId) {
      const post = await db.post.findUnique({ where: { slug }, select: { id: true } });
      if (!post) throw new PostNotFoundError(slug);
      const { count } = await db.revision.updateMany({ where: { id: revisionId, postId: post.id, action: "conflict", resolvedAt: null }, data: { resolvedAt: new Date() } });
      if (count === 0) throw new PostNotFoundError(slug);
    },
  };
}
