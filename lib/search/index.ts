import MiniSearch from "minisearch";
import type { Post } from "@/lib/content/types";
import { plainText } from "@/lib/search/plain-text";
import { termKey } from "@/lib/search/term-key";
import { normalizeText, tokenize } from "@/lib/search/tokenize";
import type { PostSummary } from "@/lib/search/types";

/**
 * A full-text index of published posts: MiniSearch (BM25) with the CJK-bigram tokenizer, plus the plain text each
 * result needs for its snippet. Drafts never enter it, whatever the caller passes.
 */

export const SEARCH_FIELDS = ["title", "tags", "categories", "description", "body"] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/** A post as the index keeps it. `post` is kept to tell, on the next generation, whether it changed. */
export interface IndexedPost {
  post: Post;
  summary: PostSummary;
  /** The body as a reader reads it (markup, comments and URLs removed). */
  text: string;
  /** Title and text, normalised, to check that a multi-character query appears as a contiguous phrase. */
  normalized: string;
}

export interface SearchIndex {
  engine: MiniSearch<IndexedPost>;
  posts: Map<string, IndexedPost>;
}

function fieldText(doc: IndexedPost, field: string): string {
  switch (field) {
    case "id":
      return doc.summary.slug;
    case "title":
      return doc.summary.title;
    case "tags":
      return doc.summary.tags.join(" ");
    case "categories":
      return doc.summary.categories.join(" ");
    case "description":
      return doc.summary.description;
    case "body":
      return doc.text;
    default:
      return "";
  }
}

function createEngine(): MiniSearch<IndexedPost> {
  return new MiniSearch<IndexedPost>({
    fields: [...SEARCH_FIELDS],
    extractField: fieldText,
    tokenize,
    // The tokenizer already normalises (MiniSearch's default would lowercase again); see term-key.ts for the rest.
    processTerm: termKey,
  });
}

function indexedPost(post: Post): IndexedPost {
  const text = plainText(post.body);
  return {
    post,
    summary: {
      slug: post.slug,
      title: post.title,
      date: post.date,
      tags: [...post.tags],
      categories: [...post.categories],
      description: post.description,
    },
    text,
    normalized: normalizeText(`${post.title}\n${text}`),
  };
}

export function buildSearchIndex(posts: readonly Post[]): SearchIndex {
  const index: SearchIndex = { engine: createEngine(), posts: new Map() };
  const docs: IndexedPost[] = [];
  for (const post of posts) {
    // Posts arrive newest first; a repeated slug is a store bug, and the first (newest) one is what readers get.
    if (post.draft || index.posts.has(post.slug)) continue;
    const doc = indexedPost(post);
    index.posts.set(post.slug, doc);
    docs.push(doc);
  }
  index.engine.addAll(docs);
  return index;
}

/** Removes a post; returns whether it was indexed. */
export function removePost(index: SearchIndex, slug: string): boolean {
  if (!index.posts.has(slug)) return false;
  index.engine.discard(slug);
  index.posts.delete(slug);
  return true;
}

/** Adds or replaces one post; a draft is removed instead, so unpublishing hides it at once. */
export function upsertPost(index: SearchIndex, post: Post): void {
  removePost(index, post.slug);
  if (post.draft) return;
  const doc = indexedPost(post);
  index.posts.set(post.slug, doc);
  index.engine.add(doc);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

function unchanged(a: Post, b: Post): boolean {
  return (
    a === b ||
    (a.title === b.title &&
      a.body === b.body &&
      a.description === b.description &&
      a.date === b.date &&
      a.draft === b.draft &&
      sameList(a.tags, b.tags) &&
      sameList(a.categories, b.categories))
  );
}

export interface SyncReport {
  added: number;
  replaced: number;
  removed: number;
}

/**
 * Brings an index in line with a new list of posts, touching only what changed: an edit in /admin re-indexes one
 * post instead of the whole corpus.
 */
export function syncSearchIndex(index: SearchIndex, posts: readonly Post[]): SyncReport {
  const report: SyncReport = { added: 0, replaced: 0, removed: 0 };
  const wanted = new Map<string, Post>();
  for (const post of posts) if (!post.draft && !wanted.has(post.slug)) wanted.set(post.slug, post);

  for (const slug of [...index.posts.keys()]) {
    if (!wanted.has(slug)) {
      removePost(index, slug);
      report.removed += 1;
    }
  }
  for (const [slug, post] of wanted) {
    const current = index.posts.get(slug);
    if (current && unchanged(current.post, post)) continue;
    upsertPost(index, post);
    if (current) report.replaced += 1;
    else report.added += 1;
  }
  return report;
}
