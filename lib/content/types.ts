/**
 * The shapes every layer agrees on. A `Post` is a plain, serialisable object (dates as ISO strings) so it can cross
 * the Next.js cache and the server/client boundary unchanged.
 */
export type PostFormat = "md" | "mdx";

export type PostOrigin =
  | { kind: "file"; path: string }
  | { kind: "database"; id: string; version: number };

export interface Post {
  slug: string;
  title: string;
  /** ISO 8601 timestamp with offset, e.g. 2026-01-26T00:00:00.000Z */
  date: string;
  author: string | null;
  /** The article the digest entry summarises. */
  source: string | null;
  /** Explicit front-matter description, else derived from the first paragraph. */
  description: string;
  tags: string[];
  categories: string[];
  draft: boolean;
  format: PostFormat;
  body: string;
  readingMinutes: number;
  /** Front-matter keys Digest does not know, kept so a round trip loses nothing. */
  extra: Record<string, unknown>;
  origin: PostOrigin;
  /** ISO timestamp of the last change, when known. */
  updatedAt: string | null;
}

/** A post file that could not be read. `line` is 1-based within the file, when it can be told. */
export interface ContentProblem {
  file: string;
  line: number | null;
  message: string;
}
