import "server-only";
import type { Post } from "@/lib/content/types";
import { adjacentPosts, countTerms, facetCounts, filterPosts, paginate, publishedOnly, termKey } from "@/lib/content/query";
import { createMemo } from "@/lib/posts/memo";
import { loadPostSnapshot, type PostSnapshot } from "@/lib/posts/source";
import { site } from "@/lib/site";
import { relatedPosts } from "@/lib/search/related";
import { resolvePostRedirect } from "@/lib/posts/source";

/**
 * The reader-facing query API. Routes call these and get plain objects; they never read files or the database.
 */

function maxAgeMs(): number {
  // In development a content file edited by hand shows up within a second. In production every write through Digest
  // invalidates at once; the bound only catches changes made outside it (the CLI import, another instance).
  return process.env.NODE_ENV === "development" ? 1000 : 30_000;
}

interface ReaderSnapshot extends PostSnapshot {
  published: Post[];
}

const snapshot = createMemo<ReaderSnapshot>(
  "posts",
  async () => {
    const loaded = await loadPostSnapshot();
    return { ...loaded, published: publishedOnly(loaded.posts) };
  },
  maxAgeMs,
);

/** Call after any write so the next read sees it. */
export function invalidatePosts(): void {
  snapshot.invalidate();
}

/** Published posts, newest first. The same array object is returned until posts change (search memoises on it). */
export async function getPublishedPosts(): Promise<Post[]> {
  return (await snapshot.get()).published;
}

export async function getPost(slug: string): Promise<Post | null> {
  const posts = await getPublishedPosts();
  return posts.find((p) => p.slug === slug) ?? null;
}

export interface PostListQuery {
  page?: number;
  tags?: string[];
  category?: string;
  perPage?: number;
}

export interface PostList {
  posts: Post[];
  page: number;
  pageCount: number;
  total: number;
}

export async function listPosts(query: PostListQuery = {}): Promise<PostList> {
  const filtered = filterPosts(await getPublishedPosts(), { tags: query.tags, category: query.category });
  const { items, page, pageCount, total } = paginate(filtered, query.page ?? 1, query.perPage ?? site.postsPerPage);
  return { posts: items, page, pageCount, total };
}

export interface TermCount {
  name: string;
  key: string;
  count: number;
}

export async function getTags(): Promise<TermCount[]> {
  return countTerms(await getPublishedPosts(), "tags");
}

export async function getCategories(): Promise<TermCount[]> {
  return countTerms(await getPublishedPosts(), "categories");
}

/** The display spelling of a tag or category given any spelling of it (URLs may differ in case). */
export async function findTerm(kind: "tags" | "categories", name: string): Promise<TermCount | null> {
  const key = termKey(name);
  const terms = kind === "tags" ? await getTags() : await getCategories();
  return terms.find((t) => t.key === key) ?? null;
}

export async function getNeighbours(slug: string): Promise<{ previous: Post | null; next: Post | null }> {
  return adjacentPosts(await getPublishedPosts(), slug);
}

export async function getRelatedPosts(slug: string, limit = 4): Promise<Post[]> {
  const posts = await getPublishedPosts();
  const post = posts.find((p) => p.slug === slug);
  return post ? relatedPosts(posts, post, limit) : [];
}

/** Where a renamed post lives now (permanent redirect), if anywhere. */
export async function getRedirect(slug: string): Promise<string | null> {
  return resolvePostRedirect(slug);
}

/** Tag and category counts for the filter bar, within the current selection (see `facetCounts`). */
export async function getFacets(filters: { tags: string[]; category?: string }): Promise<{ tags: TermCount[]; categories: TermCount[] }> {
  return facetCounts(await getPublishedPosts(), filters);
}
