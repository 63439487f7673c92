import { z } from "zod";
import { MAX_QUERY_LENGTH } from "@/lib/search/query";

/**
 * `?q=…&page=…` from a URL, for the search page and its JSON route. Anything odd degrades to a usable default
 * (a repeated parameter takes the first value, an over-long query is cut, a bad page is page 1) instead of an error page.
 */
const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

const schema = z.object({
  q: z.preprocess(first, z.string().catch("")).transform((q) => q.trim().slice(0, MAX_QUERY_LENGTH)),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(10_000).catch(1)),
});

export interface SearchParams {
  q: string;
  page: number;
}

export function parseSearchParams(input: Record<string, string | string[] | undefined> | URLSearchParams): SearchParams {
  const record = input instanceof URLSearchParams ? Object.fromEntries(input.entries()) : input;
  return schema.parse({ q: record.q ?? "", page: record.page ?? 1 });
}
