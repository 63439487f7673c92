import "server-only";
import { cache } from "react";
import type { Post, PostSummary } from "@/lib/content/types";
import { termKey } from "@/lib/content/terms";
import { cacheTags } from "@/lib/posts/cache-tags";
import { tagPage } from "@/lib/posts/page-cache";
import { site } from "@/lib/site";
import type { SearchResponse } from "@/lib/search/types";
import { activeStore } from "@/lib/store/active";
import type { ListQuery, Neighbours, PostPage, PostStore, SitemapEntry, TermCount, TermKind } from "@/lib/store/types";

/**
 * The reader-facing query API. Routes call these and get plain objects; every one is an indexed query against the
 * active store, asked once per request (React `cache`), and tags the page being rendered with what it shows so a write
 * re-renders exactly the pages it changed.
 */

export type { TermCount, TermKind } from "@/lib/store/types";

const store = cache(async (): Promise<PostStore> => (await activeStore()).store);

/** When the next scheduled post goes live: an indexed query (`Post.publishAt`), asked once per request. */
const nextScheduledAt = cache(async (): Promise<string | null> => (await (await store()).nextScheduled(new Date()))?.publishAt ?? null);

/**
 * Tags the page and makes it expire when the next scheduled post goes live. Every reader page, not only lists: a post
 * page links its neighbours and related posts (a post going live may be one), and the page of the scheduled post
 * itself is a cached 404 until then.
 */
async function tagReaderPage(...tags: string[]): Promise<void> {
  await tagPage(tags, { expiresAt: await nextScheduledAt() });
}

export const listPosts = cache(async (query: ListQuery = {}): Promise<PostPage> => {
  await tagReaderPage(cacheTags.list);
  return (await store()).listPosts({ ...query, perPage: query.perPage ?? site.postsPerPage });
});

/** Tag and category counts for the filter bar, within the current selection. */
export const getFacets = cache(async (filters: { tags: string[]; category?: string }) => {
  await tagReaderPage(cacheTags.list);
  return (await store()).facets(filters);
});

export const getTerms = cache(async (kind: TermKind): Promise<TermCount[]> => {
  await tagReaderPage(cacheTags.terms);
  return (await store()).terms(kind);
});

/** The canonical spelling of a tag or category given any spelling of it (URLs may differ in case or width). */
export const findTerm = cache(async (kind: TermKind, name: string): Promise<TermCount | null> => {
  await tagReaderPage(cacheTags.term(kind, name), cacheTags.anyTerm);
  return (await store()).findTerm(kind, name);
});

export const getPost = cache(async (slug: string): Promise<Post | null> => {
  await tagReaderPage(cacheTags.post(slug));
  return (await store()).getPublished(slug);
});

export const getNeighbours = cache(async (post: Pick<Post, "slug" | "date">): Promise<Neighbours> => {
  const neighbours = await (await store()).neighbours(post);
  // A new or moved post next to this one changes its links: the neighbours' writes revalidate this page too.
  await tagReaderPage(...[neighbours.previous, neighbours.next].flatMap((n) => (n ? [cacheTags.post(n.slug)] : [])));
  return neighbours;
});

export const getRelatedPosts = cache(async (post: Post, limit = 4): Promise<PostSummary[]> => {
  const related = await (await store()).related(post, limit);
  await tagReaderPage(...related.map((r) => cacheTags.post(r.slug)));
  return related;
});

export interface TermPosts extends PostPage {
  term: TermCount;
}

/** One page of a tag's or category's published posts; null when the term or the page does not exist. */
export const getTermPosts = cache(async (kind: TermKind, name: string, page: number, perPage = site.postsPerPage): Promise<TermPosts | null> => {
  const term = await findTerm(kind, name);
  if (!term) return null;
  const list = await (await store()).listPosts(kind === "tags" ? { tags: [term.name], page, perPage } : { category: term.name, page, perPage });
  if (list.page !== page) return null;
  return { ...list, term };
});

/** Newest published posts for a feed, site-wide or within one term. */
export const getFeedPosts = cache(async (limit: number, term?: { kind: TermKind; name: string }): Promise<PostSummary[]> => {
  await tagReaderPage(...(term ? [cacheTags.term(term.kind, term.name), cacheTags.anyTerm] : [cacheTags.feed]));
  return (await store()).latest(limit, term ? { kind: term.kind, key: termKey(term.name) } : undefined);
});

/** Where a renamed post lives now, when it is published there. */
export const getRedirect = cache(async (slug: string): Promise<string | null> => {
  await tagReaderPage(cacheTags.post(slug));
  return (await store()).resolveRedirect(slug);
});

/** URLs per sitemap file: the protocol allows 50,000. */
export const SITEMAP_SIZE = 10_000;

export async function getSitemapCount(): Promise<number> {
  await tagReaderPage(cacheTags.sitemap);
  return Math.max(1, Math.ceil((await (await store()).countPublished()) / SITEMAP_SIZE));
}

/** One sitemap file's posts, in slug order (keyset pages: the n-th file starts after the (n-1)-th's last slug). */
export async function getSitemapPage(index: number): Promise<SitemapEntry[]> {
  await tagReaderPage(cacheTags.sitemap);
  const s = await store();
  let after: string | null = null;
  for (let i = 0; i < index; i += 1) {
    const skipped: SitemapEntry[] = await s.sitemapPage(after, SITEMAP_SIZE);
    if (skipped.length === 0) return [];
    after = skipped[skipped.length - 1].slug;
  }
  return s.sitemapPage(after, SITEMAP_SIZE);
}

/** Search over what readers may see right now: the store's own full-text index, so an edit is findable at once. */
export async function searchPosts(query: string, options: { page?: number } = {}): Promise<SearchResponse> {
  // Cached search pages (/cached-search/…) expire with the lists: every write changes what some query finds.
  await tagReaderPage(cacheTags.list);
  return (await store()).search(query, options);
}
