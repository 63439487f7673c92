import { z } from "zod";
import { uniqueTerms } from "@/lib/content/terms";

/** The home page's query string (`?page=2&tag=a&tag=b&category=c`), validated: junk values fall back to defaults. */
const one = z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().trim().max(100).optional());
const many = z.preprocess(
  (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.string().trim().max(100)).max(10).catch([]),
);

const schema = z.object({
  page: z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.coerce.number().int().min(1).max(100_000).catch(1)).default(1),
  tag: many,
  category: one.catch(undefined),
});

export interface ListFilters {
  page: number;
  tags: string[];
  category: string | undefined;
}

export function parseListQuery(params: Record<string, string | string[] | undefined>): ListFilters {
  const parsed = schema.parse(params);
  return {
    page: parsed.page,
    // Tags compare case-insensitively, so `?tag=AI&tag=ai` is one filter (and one canonical URL).
    tags: uniqueTerms(parsed.tag),
    category: parsed.category === "" ? undefined : parsed.category,
  };
}

/** The URL of the home list with these filters; page 1 is left out so it stays canonical. */
export function listHref(filters: Partial<ListFilters>): string {
  const params = new URLSearchParams();
  for (const tag of filters.tags ?? []) params.append("tag", tag);
  if (filters.category) params.set("category", filters.category);
  if (filters.page && filters.page > 1) params.set("page", String(filters.page));
  const query = params.toString();
  return query ? `/?${query}` : "/";
}
