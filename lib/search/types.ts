import type { PostSummary } from "@/lib/content/types";

export type { PostSummary } from "@/lib/content/types";

/**
 * What search hands to pages, the JSON route and the client component. Plain data only: a snippet is a list of parts
 * rendered as text nodes (matches in `<mark>`), so post text never becomes an HTML string.
 */
export interface HighlightPart {
  text: string;
  match: boolean;
}


export interface SearchHit {
  post: PostSummary;
  score: number;
  /** The title split into parts, matches marked. */
  title: HighlightPart[];
  /** A short passage around the best cluster of matches (body, else description). */
  snippet: HighlightPart[];
}

export interface SearchResponse {
  /** The query as searched (trimmed, length-capped). */
  query: string;
  total: number;
  page: number;
  pageCount: number;
  perPage: number;
  results: SearchHit[];
}
