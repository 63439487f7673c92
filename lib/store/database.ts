/**
 * The database backend of the post store (Prisma; SQLite or PostgreSQL, same code).
 *
 * Optimistic locking: every write names the version it started from and changes the row only through
 * `updateMany({ where: { id, version } })` inside a transaction, so of two saves from the same version exactly one
 * matches a row; the other sees a count of 0 and gets a ConflictError. Every write also records a Revision holding
 * the full PostInput, which is what restoreRevision writes back.
 */
import { z } from "zod";
import type { Post } from "@/lib/content/types";
import { excerptFrom } from "@/lib/content/excerpt";
import { readingMinutes } from "@/lib/content/reading-time";
import { termKey, uniqueTerms } from "@/lib/content/terms";
import type { Db, DbTransaction } from "@/lib/db/client";
import { parseSnapshot, postInputSchema } from "@/lib/store/post-input-schema";
import {
  ConflictError,
  PostNotFoundError,
  SlugTakenError,
  type EditorRef,
  type PostInput,
  type PostStore,
  type Revision,
  type RevisionAction,
  type RevisionSummary,
  type StoredPost,
  updateAction,
} from "./types";

const postInclude = {
  tags: { orderBy: { position: "asc" } },
  categories: { orderBy: { position: "asc" } },
} as const;

const termRowSchema = z.object({ name: z.string() });

const postRowSchema = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  date: z.date(),
  author: z.string().nullable(),
  source: z.string().nullable(),
  description: z.string().nullable(),
  body: z.string(),
  format: z.enum(["md", "mdx"]),
  draft: z.boolean(),
  extra: z.string(),
  version: z.number().int(),
  deletedAt: z.date().nullable(),
  updatedAt: z.date(),
  tags: z.array(termRowSchema),
  categories: z.array(termRowSchema),
});
type PostRow = z.infer<typeof postRowSchema>;

const extraSchema = z.record(z.string(), z.unknown());

const revisionActionSchema = z.enum(["create", "update", "publish", "unpublish", "delete", "restore", "revert", "import"]);

const revisionRowSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  action: revisionActionSchema,
  snapshot: z.string(),
  editorEmail: z.string().nullable(),
  createdAt: z.date(),
});

/** Unknown front-matter keys; a row whose JSON is damaged still shows, without them. */
function parseExtra(json: string): Record<string, unknown> {
  try {
    const parsed = extraSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

function toStoredPost(raw: unknown): StoredPost {
  const row: PostRow = postRowSchema.parse(raw);
  const post: Post = {
    slug: row.slug,
    title: row.title,
    date: row.date.toISOString(),
    author: row.author,
    source: row.source,
    description: row.description ?? excerptFrom(row.body, row.title),
    tags: row.tags.map((tag) => tag.name),
    categories: row.categories.map((category) => category.name),
    draft: row.draft,
    format: row.format,
    body: row.body,
    readingMinutes: readingMinutes(row.body),
    extra: parseExtra(row.extra),
    origin: { kind: "database", id: row.id, version: row.version },
    updatedAt: row.updatedAt.toISOString(),
  };
  return { post, versionToken: String(row.version), deletedAt: row.deletedAt?.toISOString() ?? null };
}

/** The input as it is stored: validated, terms trimmed and deduplicated case-insensitively. */
function normaliseInput(input: PostInput): PostInput {
  const parsed = postInputSchema.parse(input);
  return { ...parsed, tags: uniqueTerms(parsed.tags), categories: uniqueTerms(parsed.categories) };
}

/** What a stored post was saved from, for revisions of writes that do not come with an input (publish, delete…). */
function inputOf(row: PostRow): PostInput {
  return {
    slug: row.slug,
    title: row.title,
    date: row.date.toISOString(),
    author: row.author,
    source: row.source,
    description: row.description,
    tags: row.tags.map((tag) => tag.name),
    categories: row.categories.map((category) => category.name),
    draft: row.draft,
    format: row.format,
    body: row.body,
    extra: parseExtra(row.extra),
  };
}

function postColumns(input: PostInput) {
  return {
    slug: input.slug,
    title: input.title,
    date: new Date(input.date),
    author: input.author,
    source: input.source,
    description: input.description,
    body: input.body,
    format: input.format,
    draft: input.draft,
    extra: JSON.stringify(input.extra),
  };
}

function termRows(names: string[]) {
  return names.map((name, position) => ({ name, key: termKey(name), position }));
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/** The version token a caller holds, or NaN when it is not one of ours (which can never match). */
function expectedVersionOf(token: string): number {
  return /^\d+$/.test(token) ? Number(token) : Number.NaN;
}

/** Thrown inside a transaction to roll it back; turned into a ConflictError with the current post outside it. */
class StaleVersion extends Error {}

export function createDatabaseStore(db: Db): PostStore {
  async function findRow(client: Db | DbTransaction, slug: string): Promise<PostRow | null> {
    const row = await client.post.findUnique({ where: { slug }, include: postInclude });
    return row ? postRowSchema.parse(row) : null;
  }

  async function get(slug: string): Promise<StoredPost | null> {
    const row = await db.post.findUnique({ where: { slug }, include: postInclude });
    return row ? toStoredPost(row) : null;
  }

  async function recordRevision(tx: DbTransaction, postId: string, version: number, action: RevisionAction, snapshot: PostInput, editor: EditorRef) {
    await tx.revision.create({
      data: { postId, version, action, snapshot: JSON.stringify(snapshot), editorEmail: editor.email },
    });
  }

  async function replaceTerms(tx: DbTransaction, postId: string, input: PostInput) {
    await tx.postTag.deleteMany({ where: { postId } });
    await tx.postCategory.deleteMany({ where: { postId } });
    if (input.tags.length > 0) await tx.postTag.createMany({ data: termRows(input.tags).map((row) => ({ ...row, postId })) });
    if (input.categories.length > 0) {
      await tx.postCategory.createMany({ data: termRows(input.categories).map((row) => ({ ...row, postId })) });
    }
  }

  /** A rename leaves a permanent redirect; older redirects to the old slug now point at the new one (no chains). */
  async function recordRename(tx: DbTransaction, from: string, to: string) {
    await tx.slugRedirect.deleteMany({ where: { fromSlug: to } });
    await tx.slugRedirect.updateMany({ where: { toSlug: from }, data: { toSlug: to } });
    await tx.slugRedirect.upsert({ where: { fromSlug: from }, create: { fromSlug: from, toSlug: to }, update: { toSlug: to } });
  }

  /**
   * The one write path for an existing post: checks the version, applies `change` to the row with a conditional
   * update, keeps terms and redirects in step and records a revision. Returns the post as stored afterwards.
   */
  async function writeVersion(
    slug: string,
    expectedVersion: string,
    editor: EditorRef,
    plan: (row: PostRow) => { action: RevisionAction; input: PostInput; deletedAt?: Date | null; allowDeleted?: boolean },
  ): Promise<StoredPost> {
    const expected = expectedVersionOf(expectedVersion);
    let finalSlug = slug;
    try {
      await db.$transaction(async (tx) => {
        const row = await findRow(tx, slug);
        if (!row) throw new PostNotFoundError(slug);
        const { action, input, deletedAt, allowDeleted } = plan(row);
        if (row.deletedAt && !allowDeleted) throw new PostNotFoundError(slug);
        if (row.version !== expected) throw new StaleVersion();
        if (input.slug !== slug && (await tx.post.findUnique({ where: { slug: input.slug }, select: { id: true } }))) {
          throw new SlugTakenError(input.slug);
        }
        const version = expected + 1;
        const { count } = await tx.post.updateMany({
          where: { id: row.id, version: expected },
          data: {
            ...postColumns(input),
            version,
            updatedBy: editor.email,
            ...(deletedAt === undefined ? {} : { deletedAt }),
          },
        });
        if (count !== 1) throw new StaleVersion();
        await replaceTerms(tx, row.id, input);
        if (input.slug !== slug) await recordRename(tx, slug, input.slug);
        await recordRevision(tx, row.id, version, action, input, editor);
        finalSlug = input.slug;
      });
    } catch (error) {
      if (error instanceof StaleVersion) throw new ConflictError(await get(slug));
      if (isUniqueViolation(error)) throw new SlugTakenError(finalSlug === slug ? slug : finalSlug);
      throw error;
    }
    const stored = await get(finalSlug);
    if (!stored) throw new PostNotFoundError(finalSlug);
    return stored;
  }

  async function update(slug: string, rawInput: PostInput, expectedVersion: string, editor: EditorRef, action: RevisionAction = "update") {
    const input = normaliseInput(rawInput);
    try {
      return await writeVersion(slug, expectedVersion, editor, (row) => ({ action: updateAction(row.draft, input.draft, action), input }));
    } catch (error) {
      // The unique index on slug catches a rename racing another post to the same slug.
      if (isUniqueViolation(error)) throw new SlugTakenError(input.slug);
      throw error;
    }
  }

  return {
    kind: "database",

    async listAll() {
      const rows = await db.post.findMany({ include: postInclude, orderBy: [{ date: "desc" }, { slug: "asc" }] });
      return rows.map(toStoredPost);
    },

    get,

    async create(rawInput, editor) {
      const input = normaliseInput(rawInput);
      try {
        await db.$transaction(async (tx) => {
          const post = await tx.post.create({ data: { ...postColumns(input), version: 1, updatedBy: editor.email } });
          await replaceTerms(tx, post.id, input);
          // A new post at a slug that used to redirect takes the URL over.
          await tx.slugRedirect.deleteMany({ where: { fromSlug: input.slug } });
          await recordRevision(tx, post.id, 1, "create", input, editor);
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new SlugTakenError(input.slug);
        throw error;
      }
      const stored = await get(input.slug);
      if (!stored) throw new PostNotFoundError(input.slug);
      return stored;
    },

    update: (slug, input, expectedVersion, editor) => update(slug, input, expectedVersion, editor),

    setDraft(slug, draft, expectedVersion, editor) {
      return writeVersion(slug, expectedVersion, editor, (row) => ({
        action: draft ? "unpublish" : "publish",
        input: { ...inputOf(row), draft },
      }));
    },

    async remove(slug, expectedVersion, editor) {
      await writeVersion(slug, expectedVersion, editor, (row) => ({
        action: "delete",
        input: inputOf(row),
        deletedAt: new Date(),
      }));
    },

    async restore(slug, editor) {
      const current = await findRow(db, slug);
      if (!current) throw new PostNotFoundError(slug);
      if (!current.deletedAt) return toStoredPost(current);
      return writeVersion(slug, String(current.version), editor, (row) => ({
        action: "restore",
        input: inputOf(row),
        deletedAt: null,
        allowDeleted: true,
      }));
    },

    async listRevisions(slug) {
      const post = await db.post.findUnique({ where: { slug }, select: { id: true } });
      if (!post) return [];
      const rows = await db.revision.findMany({
        where: { postId: post.id },
        orderBy: [{ createdAt: "desc" }, { version: "desc" }],
      });
      return rows.map((raw): RevisionSummary => {
        const row = revisionRowSchema.parse(raw);
        return {
          id: row.id,
          slug: parseSnapshot(row.snapshot).slug,
          version: row.version,
          action: row.action,
          editor: row.editorEmail,
          createdAt: row.createdAt.toISOString(),
        };
      });
    },

    async getRevision(id) {
      const raw = await db.revision.findUnique({ where: { id } });
      if (!raw) return null;
      const row = revisionRowSchema.parse(raw);
      const snapshot = parseSnapshot(row.snapshot);
      const revision: Revision = {
        id: row.id,
        slug: snapshot.slug,
        version: row.version,
        action: row.action,
        editor: row.editorEmail,
        createdAt: row.createdAt.toISOString(),
        snapshot,
      };
      return revision;
    },

    async restoreRevision(slug, revisionId, expectedVersion, editor, options = {}) {
      const [post, revision] = await Promise.all([
        db.post.findUnique({ where: { slug }, select: { id: true } }),
        db.revision.findUnique({ where: { id: revisionId } }),
      ]);
      if (!post || !revision || revision.postId !== post.id) throw new PostNotFoundError(slug);
      // The content comes back; the URL stays where it is now (an old slug may belong to another post by now).
      const restored = parseSnapshot(revisionRowSchema.parse(revision).snapshot);
      const snapshot = { ...restored, slug, draft: options.draft ?? restored.draft };
      return update(slug, snapshot, expectedVersion, editor, "revert");
    },

    async resolveRedirect(slug) {
      // Renames rewrite older redirects, so one hop is the rule; a few more guard against rows written otherwise.
      let target: string | null = null;
      let current = slug;
      for (let hop = 0; hop < 5; hop++) {
        const redirect = await db.slugRedirect.findUnique({ where: { fromSlug: current } });
        if (!redirect || redirect.toSlug === slug) break;
        target = current = redirect.toSlug;
      }
      return target;
    },
  };
}
