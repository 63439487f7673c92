import "server-only";
import type { Post } from "@/lib/content/types";
import { filterPosts, paginate } from "@/lib/content/query";
import { findTerm, getCategories, getPublishedPosts, getTags, type TermCount } from "@/lib/posts";
import { categoryPath, site, tagPath } from "@/lib/site";

/** Tags and categories behave alike for readers; this names what differs between the two. */
export type TermKind = "tags" | "categories";

export const termLabels: Record<TermKind, { one: string; all: string }> = {
  tags: { one: "标签", all: "全部标签" },
  categories: { one: "分类", all: "全部分类" },
};

export function termPath(kind: TermKind, name: string): string {
  return kind === "tags" ? tagPath(name) : categoryPath(name);
}

export function termPagePath(kind: TermKind, name: string, page: number): string {
  return page > 1 ? `${termPath(kind, name)}/page/${page}` : termPath(kind, name);
}

export function decodeTerm(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export async function listTerms(kind: TermKind): Promise<TermCount[]> {
  return kind === "tags" ? getTags() : getCategories();
}

export interface TermPosts {
  term: TermCount;
  posts: Post[];
  page: number;
  pageCount: number;
  total: number;
}

/** Published posts carrying a tag or category, one page of them; null when the term or the page does not exist. */
export async function getTermPosts(kind: TermKind, name: string, page: number, perPage = site.postsPerPage): Promise<TermPosts | null> {
  const term = await findTerm(kind, name);
  if (!term) return null;
  const all = filterPosts(await getPublishedPosts(), kind === "tags" ? { tags: [term.name] } : { category: term.name });
  const result = paginate(all, page, perPage);
  if (page !== result.page) return null;
  return { term, posts: result.items, page: result.page, pageCount: result.pageCount, total: result.total };
}

/** Every (term, page ≥ 2) pair, for static generation of the paginated term pages. */
export async function termPageParams(kind: TermKind, perPage = site.postsPerPage): Promise<{ name: string; page: number }[]> {
  const terms = await listTerms(kind);
  return terms.flatMap((t) => {
    const pages = Math.ceil(t.count / perPage);
    return Array.from({ length: Math.max(0, pages - 1) }, (_, i) => ({ name: t.name, page: i + 2 }));
  });
}
