/**
 * The cache tags of reader pages. A page carries the tags of what it shows; a write revalidates the tags of what it
 * changed (lib/posts/write.ts), so only those pages render again — never the whole site.
 */
import type { TermKind } from "@/lib/store/types";
import { termKey } from "@/lib/content/terms";

export const cacheTags = {
  /** A post's own page, and every page that shows it as a neighbour or a related post. */
  post: (slug: string) => `post:${slug}`,
  /** The home list, its pages, every filter combination and the filter bar's counts. */
  list: "posts:list",
  /** The tag and category indexes (/tags, /categories). */
  terms: "posts:terms",
  /** One tag's or category's pages and feed. */
  term: (kind: TermKind, name: string) => `term:${kind}:${termKey(name)}`,
  /** Every term page at once: only a sync back from the files (rare, and blind to which terms changed) uses it. */
  anyTerm: "posts:any-term",
  /** The site feeds (RSS, Atom). */
  feed: "posts:feed",
  sitemap: "posts:sitemap",
} as const;
