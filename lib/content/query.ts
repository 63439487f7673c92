import { termKey } from "./terms";
import type { Post } from "./types";

export { termKey };

export interface PostFilter {
  /** Every one of these tags must be on the post. */
  tags?: string[];
  category?: string;
}

export function filterPosts(posts: Post[], filter: PostFilter): Post[] {
  const tagKeys = (filter.tags ?? []).map(termKey).filter((key) => key !== "");
  const categoryKey = filter.category ? termKey(filter.category) : "";
  return posts.filter((post) => {
    if (categoryKey !== "" && !post.categories.some((category) => termKey(category) === categoryKey)) return false;
    const postTags = new Set(post.tags.map(termKey));
    return tagKeys.every((key) => postTags.has(key));
  });
}

export interface TermCount {
  /** The spelling of the first post (in the given order) that uses the term. */
  name: string;
  key: string;
  count: number;
}

const byName = new Intl.Collator("zh-Hans", { numeric: true, sensitivity: "base" });

/** How many posts use each tag or category: most used first, then by name. */
export function countTerms(posts: Post[], field: "tags" | "categories"): TermCount[] {
  const counts = new Map<string, TermCount>();
  for (const post of posts) {
    // A post counts once per term even if its list repeats it in another spelling.
    const seen = new Set<string>();
    for (const name of post[field]) {
      const key = termKey(name);
      if (key === "" || seen.has(key)) continue;
      seen.add(key);
      const entry = counts.get(key);
      if (entry) entry.count += 1;
      else counts.set(key, { name: name.trim(), key, count: 1 });
    }
  }
  return [...counts.values()].sort(
    (a, b) => b.count - a.count || byName.compare(a.name, b.name) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}

export interface Page<T> {
  items: T[];
  /** 1-based, clamped to the pages that exist. */
  page: number;
  /** At least 1, so an empty list still has a first page. */
  pageCount: number;
  total: number;
}

export function paginate<T>(items: T[], page: number, perPage: number): Page<T> {
  const size = Number.isFinite(perPage) && perPage >= 1 ? Math.floor(perPage) : 1;
  const total = items.length;
  const pageCount = Math.max(1, Math.ceil(total / size));
  const wanted = Number.isFinite(page) ? Math.floor(page) : 1;
  const current = Math.min(Math.max(wanted, 1), pageCount);
  return { items: items.slice((current - 1) * size, current * size), page: current, pageCount, total };
}

/** Neighbours in a newest-first list: `previous` is the older post, `next` the newer one. */
export function adjacentPosts(posts: Post[], slug: string): { previous: Post | null; next: Post | null } {
  const index = posts.findIndex((post) => post.slug === slug);
  if (index === -1) return { previous: null, next: null };
  return { previous: posts[index + 1] ?? null, next: posts[index - 1] ?? null };
}

export function publishedOnly(posts: Post[]): Post[] {
  return posts.filter((post) => !post.draft);
}

/**
 * Counts for a filter bar, within the current selection, so each number says what clicking it would show: tags over
 * the posts that match every filter, categories over the posts that match the tags (one category is chosen at a time).
 */
export function facetCounts(posts: Post[], filters: { tags: string[]; category?: string }): { tags: TermCount[]; categories: TermCount[] } {
  const byTags = filterPosts(posts, { tags: filters.tags });
  const byAll = filters.category ? filterPosts(byTags, { category: filters.category }) : byTags;
  return { tags: countTerms(byAll, "tags"), categories: countTerms(byTags, "categories") };
}
