import type { Post, PostFormat } from "@/lib/content/types";

/** What an editor submits for a post; the store adds identity, version and timestamps. */
export interface PostInput {
  slug: string;
  title: string;
  /** ISO 8601 */
  date: string;
  author: string | null;
  source: string | null;
  /** Explicit description; null means "derive from the first paragraph". */
  description: string | null;
  tags: string[];
  categories: string[];
  draft: boolean;
  format: PostFormat;
  body: string;
  extra: Record<string, unknown>;
}

/** Who made a change, recorded on revisions. */
export interface EditorRef {
  id: string;
  email: string;
}

export type RevisionAction = "create" | "update" | "publish" | "unpublish" | "delete" | "restore" | "revert" | "import";

/**
 * An update records what it did to readers: one that makes a draft public is a "publish", one that hides a public post
 * an "unpublish", whatever else it changed; otherwise it is the action asked for.
 */
export function updateAction(wasDraft: boolean, isDraft: boolean, action: RevisionAction = "update"): RevisionAction {
  if (action !== "update" || wasDraft === isDraft) return action;
  return isDraft ? "unpublish" : "publish";
}

export interface RestoreRevisionOptions {
  /** The published state to restore with, when the editor chose one; omitted, the revision's own state comes back. */
  draft?: boolean;
}

/** A post as a backend holds it, drafts and deleted (tombstoned) ones included. */
export interface StoredPost {
  post: Post;
  /**
   * Opaque optimistic-locking token: the row's version number in the database, a content hash for files.
   * A write names the token it started from and is refused when it no longer matches.
   */
  versionToken: string;
  deletedAt: string | null;
}

export interface RevisionSummary {
  id: string;
  slug: string;
  version: number;
  action: RevisionAction;
  editor: string | null;
  createdAt: string;
}

export interface Revision extends RevisionSummary {
  snapshot: PostInput;
}

/** The post changed since the editor loaded it; `current` is what is stored now. */
export class ConflictError extends Error {
  constructor(public readonly current: StoredPost | null) {
    super("This post was changed by someone else since you opened it.");
    this.name = "ConflictError";
  }
}

export class SlugTakenError extends Error {
  constructor(public readonly slug: string) {
    super(`The slug "${slug}" is already used by another post.`);
    this.name = "SlugTakenError";
  }
}

export class PostNotFoundError extends Error {
  constructor(public readonly slug: string) {
    super(`No post with the slug "${slug}".`);
    this.name = "PostNotFoundError";
  }
}

/** The store could not be reached (database down, disk unwritable); nothing was written. */
export class StoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "StoreUnavailableError";
  }
}

/** One interface, two backends (database, files). Every write is atomic and records a revision where the backend keeps them. */
export interface PostStore {
  readonly kind: "database" | "files";
  listAll(): Promise<StoredPost[]>;
  get(slug: string): Promise<StoredPost | null>;
  create(input: PostInput, editor: EditorRef): Promise<StoredPost>;
  /** `input.slug` may differ from `slug`: a rename, which records a permanent redirect from the old slug. */
  update(slug: string, input: PostInput, expectedVersion: string, editor: EditorRef): Promise<StoredPost>;
  setDraft(slug: string, draft: boolean, expectedVersion: string, editor: EditorRef): Promise<StoredPost>;
  /** Soft delete: a tombstone that hides the post (and a `content/` file with the same slug) until restored. */
  remove(slug: string, expectedVersion: string, editor: EditorRef): Promise<void>;
  restore(slug: string, editor: EditorRef): Promise<StoredPost>;
  listRevisions(slug: string): Promise<RevisionSummary[]>;
  getRevision(id: string): Promise<Revision | null>;
  restoreRevision(slug: string, revisionId: string, expectedVersion: string, editor: EditorRef, options?: RestoreRevisionOptions): Promise<StoredPost>;
  /** The slug a renamed post now lives at, for permanent redirects. */
  resolveRedirect(slug: string): Promise<string | null>;
}
