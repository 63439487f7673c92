import { z } from "zod";
import type { AdminPostFilters } from "@/lib/admin/types";

type SearchParams = Record<string, string | string[] | undefined>;

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
  q: text.catch(undefined),
});

/** The post list's filters from the URL. Anything malformed is ignored rather than failing the page. */
export function adminFiltersFrom(searchParams: SearchParams): AdminPostFilters {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const parsed = filtersSchema.parse({
    status: first(searchParams.status),
    tag: first(searchParams.tag),
    category: first(searchParams.category),
    q: first(searchParams.q),
  });
  const filters: AdminPostFilters = {};
  if (parsed.status) filters.status = parsed.status;
  if (parsed.tag) filters.tag = parsed.tag;
  if (parsed.category) filters.category = parsed.category;
  if (parsed.q) filters.q = parsed.q;
  return filters;
}

export function hasActiveFilters(filters: AdminPostFilters): boolean {
  return Boolean((filters.status && filters.status !== "all") || filters.tag || filters.category || filters.q);
}
