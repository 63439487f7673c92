import { z } from "zod";
import type { AdminPostFilters } from "@/lib/admin/types";

type SearchParams = Record<string, string | string[] | undefined>;

/** Posts per page of the admin list: a screen or two, and few enough that every row's version token fits a bulk call. */
export const ADMIN_PAGE_SIZE = 50;

const text = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((value) => (value === "" ? undefined : value));

const filtersSchema = z.object({
  status: z.enum(["all", "published", "scheduled", "draft", "deleted"]).optional().catch(undefined),
  tag: text.catch(undefined),
  category: text.catch(undefined),
  author: text.catch(undefined),
  q: text.catch(undefined),
  sort: z.enum(["date", "updated", "title"]).optional().catch(undefined),
  direction: z.enum(["asc", "desc"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1_000_000).optional().catch(undefined),
});

type Sort = NonNullable<AdminPostFilters["sort"]>;
type Direction = NonNullable<AdminPostFilters["direction"]>;

/** The order a column sorts in when first chosen: titles A→Z, dates newest first. */
export function defaultDirection(sort: Sort): Direction {
  return sort === "title" ? "asc" : "desc";
}

/** The order the list is in: the URL's, else the default (date, newest first). */
export function effectiveOrder(filters: AdminPostFilters): { sort: Sort; direction: Direction } {
  const sort = filters.sort ?? "date";
  return { sort, direction: filters.direction ?? defaultDirection(sort) };
}

/** The post list's filters from the URL. Anything malformed is ignored rather than failing the page. */
export function adminFiltersFrom(searchParams: SearchParams): AdminPostFilters {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const parsed = filtersSchema.parse(Object.fromEntries(Object.keys(filtersSchema.shape).map((key) => [key, first(searchParams[key])])));
  const filters: AdminPostFilters = {};
  if (parsed.status && parsed.status !== "all") filters.status = parsed.status;
  if (parsed.tag) filters.tag = parsed.tag;
  if (parsed.category) filters.category = parsed.category;
  if (parsed.author) filters.author = parsed.author;
  if (parsed.q) filters.q = parsed.q;
  if (parsed.sort) filters.sort = parsed.sort;
  if (parsed.direction) filters.direction = parsed.direction;
  if (parsed.page && parsed.page > 1) filters.page = parsed.page;
  return filters;
}

/**
 * The list's URL for `filters` with `changes` applied. Defaults are left out, so one list has one address; changing
 * a filter or the order goes back to page 1 unless the change names a page.
 */
export function adminListHref(filters: AdminPostFilters, changes: Partial<AdminPostFilters> = {}): string {
  const next: AdminPostFilters = { ...filters, ...changes };
  if (!("page" in changes)) delete next.page;
  const params = new URLSearchParams();
  if (next.status && next.status !== "all") params.set("status", next.status);
  for (const key of ["tag", "category", "author", "q"] as const) {
    const value = next[key];
    if (value) params.set(key, value);
  }
  const order = effectiveOrder(next);
  if (order.sort !== "date") params.set("sort", order.sort);
  if (order.direction !== defaultDirection(order.sort)) params.set("direction", order.direction);
  if (next.page && next.page > 1) params.set("page", String(next.page));
  const query = params.toString();
  return query ? `/admin?${query}` : "/admin";
}

export function hasActiveFilters(filters: AdminPostFilters): boolean {
  return Boolean((filters.status && filters.status !== "all") || filters.tag || filters.category || filters.author || filters.q);
}
