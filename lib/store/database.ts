/**
 * The database backend of the post store (Prisma; SQLite or PostgreSQL, same code).
 *
 * Optimistic locking: every write names the version it started from and changes the row only through
 * `updateMany({ where: { id, version } })` inside a transaction, so of two saves from the same version exactly one
 * matches a row; the other sees a count of 0 and gets a ConflictError. The row, its terms, its search document and
 * its revision change in that one transaction: a write lands whole or not at all. Once it has landed, the post's
 * Markdown file is written to match (write-through, lib/store/mirror.ts), so the files stay a faithful fallback.
 */
import type { Db, DbTransaction } from "@/lib/db/client";
import type { PostInput } from "@/lib/content/types";
import { ConflictError, PostNotFoundError, SlugTakenError } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/db/errors";
import type { Mirror } from "@/lib/store/mirror";
import { createSqlQueries, type SqlQueriesOptions } from "@/lib/store/sql/queries";
import { fullSelect, normaliseInput, storedFromRow, toFullRow, type FullRow } from "@/lib/store/sql/rows";
import { recordRename, recordRevision, replaceTerms, rowData, writeSearch } from "@/lib/store/sql/rows-write";
import type { SearchDialect } from "@/lib/store/sql/search-dialect";
import { updateAction, type EditorRef, type PostStore, type RevisionAction, type StoredPost } from "@/lib/store/types";

/** The version token a caller holds, or NaN when it is not one of ours (which can never match). */
function expectedVersionOf(token: string): number {
  return /^\d{1,9}$/.test(token) ? Number(token) : Number.NaN;
}

/** Thrown inside a transaction to roll it back; turned into a ConflictError with the current post outside it. */
class StaleVersion extends Error {}

export interface DatabaseStoreOptions extends SqlQueriesOptions {
  dialect: SearchDialect;
  /** Writes each change through to its Markdown file; null in tests that look at the database alone. */
  mirror: Mirror | null;
}

interface Plan {
  action: RevisionAction;
  input: PostInput;
  deletedAt?: Date | null;
  allowDeleted?: boolean;
}

export function createDatabaseStore(db: Db, options: DatabaseStoreOptions): PostStore {
  const { dialect, mirror } = options;
  const queries = createSqlQueries(db, dialect, options);

  async function findRow(client: Db | DbTransaction, slug: string): Promise<FullRow | null> {
    const row = await client.post.findUnique({ where: { slug }, select: fullSelect });
    return row ? toFullRow(row) : null;
  }

  /** After a write has landed: the Markdown file follows. A failed file write is logged, never undoes the save. */
  async function reflect(slug: string): Promise<StoredPost> {
    const row = await findRow(db, slug);
    if (!row) throw new PostNotFoundError(slug);
    if (mirror) {
      await mirror.reflect(db, row).catch((error: unknown) => {
        console.error(`[store] saved "${slug}" but could not write its Markdown file`, error);
      });
    }
    return storedFromRow(row);
  }

  /**
   * The one write path for an existing post: checks the version, applies the plan to the row with a conditional
   * update, keeps terms, search and redirects in step and records a revision.
   */
  async function writeVersion(slug: string, expectedVersion: string, editor: EditorRef, plan: (row: FullRow) => Plan): Promise<StoredPost> {
    const expected = expectedVersionOf(expectedVersion);
    let target = slug;
    try {
      await db.$transaction(async (tx) => {
        const row = await findRow(tx, slug);
        if (!row) throw new PostNotFoundError(slug);
        const { action, input, deletedAt, allowDeleted } = plan(row);
        if (row.meta.deletedAt && !allowDeleted) throw new PostNotFoundError(slug);
        if (row.meta.version !== expected) throw new StaleVersion();
        target = input.slug;
        if (input.slug !== slug && (await tx.post.findUnique({ where: { slug: input.slug }, select: { id: true } }))) {
          throw new SlugTakenError(input.slug);
        }
        const version = expected + 1;
        const { count } = await tx.post.updateMany({
          where: { id: row.meta.id, version: expected },
          data: rowData(input, { version, updatedBy: editor.email, ...(deletedAt === undefined ? {} : { deletedAt }) }),
        });
        if (count !== 1) throw new StaleVersion();
        await replaceTerms(tx, row.meta.id, input);
        await writeSearch(tx, dialect, row.meta.id, input);
        if (input.slug !== slug) await recordRename(tx, slug, input.slug);
        await recordRevision(tx, { postId: row.meta.id, version, action, snapshot: input, editor });
      });
    } catch (error) {
      if (error instanceof StaleVersion) throw new ConflictError(await queries.getStored(slug));
      // The unique index on slug catches a rename racing another post to the same slug.
      if (isUniqueViolation(error)) throw new SlugTakenError(target);
      throw error;
    }
    return reflect(target);
  }

  function update(slug: string, rawInput: PostInput, expectedVersion: string, editor: EditorRef, action: RevisionAction = "update") {
    const input = normaliseInput(rawInput);
    return writeVersion(slug, expectedVersion, editor, (row) => ({ action: updateAction(row.input.draft, input.draft, action), input }));
  }

  return {
    ...queries,
    kind: "database",

    async create(rawInput, editor, options = {}) {
      const input = normaliseInput(rawInput);
      // The creating editor owns the post unless told otherwise (an import or a file taken over belongs to nobody).
      const ownerId = options.ownerId === undefined ? editor.id : options.ownerId;
      try {
        await db.$transaction(async (tx) => {
          const post = await tx.post.create({ data: { ...rowData(input, { version: 1, updatedBy: editor.email }), ownerId }, select: { id: true } });
          await replaceTerms(tx, post.id, input);
          await writeSearch(tx, dialect, post.id, input);
          // A new post at a slug that used to redirect takes the URL over.
          await tx.slugRedirect.deleteMany({ where: { fromSlug: input.slug } });
          await recordRevision(tx, { postId: post.id, version: 1, action: "create", snapshot: input, editor });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new SlugTakenError(input.slug);
        throw error;
      }
      return reflect(input.slug);
    },

    update: (slug, input, expectedVersion, editor) => update(slug, input, expectedVersion, editor),

    setDraft(slug, draft, expectedVersion, editor) {
      return writeVersion(slug, expectedVersion, editor, (row) => ({
        action: draft ? "unpublish" : "publish",
        input: { ...row.input, draft },
      }));
    },

    remove(slug, expectedVersion, editor) {
      return writeVersion(slug, expectedVersion, editor, (row) => ({ action: "delete", input: row.input, deletedAt: new Date() }));
    },

    async restore(slug, editor) {
      const current = await findRow(db, slug);
      if (!current) throw new PostNotFoundError(slug);
      if (!current.meta.deletedAt) return storedFromRow(current);
      return writeVersion(slug, String(current.meta.version), editor, (row) => ({
        action: "restore",
        input: row.input,
        deletedAt: null,
        allowDeleted: true,
      }));
    },

    async restoreRevision(slug, revisionId, expectedVersion, editor, options = {}) {
      const [post, revision] = await Promise.all([queries.getStored(slug), queries.getRevision(revisionId)]);
      if (!post || post.post.origin.kind !== "database" || !revision) throw new PostNotFoundError(slug);
      const owner = await db.revision.findUnique({ where: { id: revisionId }, select: { postId: true } });
      if (owner?.postId !== post.post.origin.id) throw new PostNotFoundError(slug);
      // The content comes back; the URL stays where it is now (an old slug may belong to another post by now).
      return update(slug, { ...revision.snapshot, slug, draft: options.draft ?? revision.snapshot.draft }, expectedVersion, editor, "revert");
    },

    async resolveConflict(slug, revisionId) {
      const post = await db.post.findUnique({ where: { slug }, select: { id: true } });
      if (!post) throw new PostNotFoundError(slug);
      const { count } = await db.revision.updateMany({
        where: { id: revisionId, postId: post.id, action: "conflict", resolvedAt: null },
        data: { resolvedAt: new Date() },
      });
      if (count === 0) throw new PostNotFoundError(slug);
    },
  };
}
