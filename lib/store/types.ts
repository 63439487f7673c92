import { z } from "zod";
import type { Post, PostInput, PostSummary } from "@/lib/content/types";
import type { StoredPost } from "@/lib/errors";
import type { SearchResponse } from "@/lib/search/types";

export type { PostInput } from "@/lib/content/types";
export type { StoredPost } from "@/lib/errors";
export { ConflictError, PostNotFoundError, SlugTakenError, StoreUnavailableError } from "@/lib/errors";

/** Who made a change, recorded on revisions. */
export interface EditorRef {
  id: string;
  email: string;
}

/**
 * What a revision records. `sync` is a file change written back after an outage (the row had not moved since);
 * `conflict` is a file saved during an outage that differs from a row that moved too: kept for an editor to resolve.
 */
export const REVISION_ACTIONS = ["create", "update", "publish", "unpublish", "delete", "restore", "revert", "import", "sync", "conflict"] as const;
export const revisionActionSchema = z.enum(REVISION_ACTIONS);
export type RevisionAction = z.infer<typeof revisionActionSchema>;

export interface CreateOptions {
  /** Who owns the new post; the creating editor unless given (null: nobody, e.g. an import or a file taken over). */
  ownerId?: string | null;
}

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

export interface RevisionSummary {
  id: string;
  slug: string;
  version: number;
  action: RevisionAction;
  editor: string | null;
  createdAt: string;
  /** The snapshot was a published post. */
  published: boolean;
  /** For conflict revisions: when an editor dealt with it (null: still open). */
  resolvedAt: string | null;
}

export interface Revision extends RevisionSummary {
  snapshot: PostInput;
}

export type TermKind = "tags" | "categories";

export interface TermCount {
  /** A spelling of the term as posts write it. */
  name: string;
  /** NFKC-normalised, lowercased: how terms compare. */
  key: string;
  count: number;
}

export interface ListQuery {
  page?: number;
  perPage?: number;
  /** Every one of these tags must be on the post. */
  tags?: string[];
  category?: string;
}

export interface PostPage {
  posts: PostSummary[];
  /** 1-based, clamped to the pages that exist. */
  page: number;
  /** At least 1, so an empty list still has a first page. */
  pageCount: number;
  total: number;
}

export interface Neighbours {
  /** The older post. */
  previous: PostSummary | null;
  /** The newer post. */
  next: PostSummary | null;
}

export interface SitemapEntry {
  slug: string;
  updatedAt: string;
}

export type PostStatus = "published" | "scheduled" | "draft" | "deleted";

export interface AdminListQuery {
  status?: PostStatus | "all";
  /** Only the posts this user created (an author's list). */
  ownerId?: string;
  tag?: string;
  category?: string;
  author?: string;
  q?: string;
  sort?: "date" | "updated" | "title";
  direction?: "asc" | "desc";
  page?: number;
  perPage?: number;
}

export interface AdminPostRow {
  slug: string;
  title: string;
  date: string;
  author: string | null;
  tags: string[];
  categories: string[];
  status: PostStatus;
  publishAt: string | null;
  updatedAt: string | null;
  versionToken: string;
  /** Open conflict revisions (files saved during an outage that differ from this post). */
  conflicts: number;
  /** Who created it; null for posts from files and imports. */
  ownerId: string | null;
}

export interface AdminPostPage {
  rows: AdminPostRow[];
  page: number;
  pageCount: number;
  total: number;
}

export interface SearchQueryOptions {
  page?: number;
  perPage?: number;
}

/**
 * Everything a reader or the admin reads, each one indexed query against the active store. Nothing here loads every
 * post: lists are paginated, counts are aggregates, search is the database's own full-text index.
 */
export interface PostQueries {
  listPosts(query: ListQuery): Promise<PostPage>;
  /** Tag counts over the posts matching every filter; category counts over the posts matching the tags. */
  facets(filters: { tags: string[]; category?: string }): Promise<{ tags: TermCount[]; categories: TermCount[] }>;
  terms(kind: TermKind): Promise<TermCount[]>;
  findTerm(kind: TermKind, name: string): Promise<TermCount | null>;
  /** A post readers may see now; null for drafts, scheduled, deleted and unknown slugs. */
  getPublished(slug: string): Promise<Post | null>;
  neighbours(post: { slug: string; date: string }): Promise<Neighbours>;
  related(post: Post, limit: number): Promise<PostSummary[]>;
  /** Newest published posts, optionally within a term, for feeds. */
  latest(limit: number, term?: { kind: TermKind; key: string }): Promise<PostSummary[]>;
  /** Published posts in slug order after `after`, for the sitemap (keyset pagination). */
  sitemapPage(after: string | null, limit: number): Promise<SitemapEntry[]>;
  countPublished(): Promise<number>;
  search(query: string, options?: SearchQueryOptions): Promise<SearchResponse>;
  /** Where a renamed post lives now, when it is published there; null otherwise (never leaks a draft's slug). */
  resolveRedirect(slug: string): Promise<string | null>;
  /** The soonest scheduled publication after `now`, so caches can be refreshed when it goes live. */
  nextScheduled(now: Date): Promise<{ slug: string; publishAt: string } | null>;

  // The admin's reads: every status, never cached.
  getStored(slug: string): Promise<StoredPost | null>;
  listAdmin(query: AdminListQuery): Promise<AdminPostPage>;
  termNames(): Promise<{ tags: string[]; categories: string[] }>;
  /**
   * Posts (not deleted) whose body contains `text`, newest first, at most `limit`: where an uploaded image is used.
   * A substring scan of every body, for the admin's media list only, never for a reader's request.
   */
  postsMentioning(text: string, limit: number): Promise<{ slug: string; title: string }[]>;
  listRevisions(slug: string): Promise<RevisionSummary[]>;
  getRevision(id: string): Promise<Revision | null>;
}

/** The writes. Every one is atomic, checks the version it started from, and records a revision. */
export interface PostWriter {
  create(input: PostInput, editor: EditorRef, options?: CreateOptions): Promise<StoredPost>;
  /** `input.slug` may differ from `slug`: a rename, which records a permanent redirect from the old slug. */
  update(slug: string, input: PostInput, expectedVersion: string, editor: EditorRef): Promise<StoredPost>;
  setDraft(slug: string, draft: boolean, expectedVersion: string, editor: EditorRef): Promise<StoredPost>;
  /** Soft delete: a tombstone that hides the post until restored. */
  remove(slug: string, expectedVersion: string, editor: EditorRef): Promise<StoredPost>;
  restore(slug: string, editor: EditorRef): Promise<StoredPost>;
  restoreRevision(slug: string, revisionId: string, expectedVersion: string, editor: EditorRef, options?: RestoreRevisionOptions): Promise<StoredPost>;
  /** Marks a conflict revision dealt with (after the editor kept one version or merged by hand). */
  resolveConflict(slug: string, revisionId: string, editor: EditorRef): Promise<void>;
}

/** One interface, one query path: the database, or the local index of the Markdown files. */
export interface PostStore extends PostQueries, PostWriter {
  readonly kind: "database" | "files";
}

