/**
 * The shapes every layer agrees on. A `Post` is a plain, serialisable object (dates as ISO strings) so it can cross
 * the Next.js cache and the server/client boundary unchanged. Its fields come from the one field list
 * (lib/content/fields.ts).
 */
import type { PostInput } from "./fields";

export type { PostInput } from "./fields";

export type PostFormat = PostInput["format"];

export type PostOrigin =
  | { kind: "file"; path: string }
  | { kind: "database"; id: string; version: number };

export interface Post extends Omit<PostInput, "description"> {
  /** Explicit front-matter description, else derived from the first paragraph. */
  description: string;
  readingMinutes: number;
  origin: PostOrigin;
  /** ISO timestamp of the last change, when known. */
  updatedAt: string | null;
}

/** What lists, feeds and search results show of a post: never its body. */
export type PostSummary = Pick<
  Post,
  "slug" | "title" | "date" | "author" | "description" | "tags" | "categories" | "readingMinutes" | "updatedAt" | "cover"
>;

/** A post file that could not be read. `line` is 1-based within the file, when it can be told. */
export interface ContentProblem {
  file: string;
  line: number | null;
  message: string;
}

/** What reading a post file gave: the post, or the problem that stopped it (front-matter.ts and its tolerant reader). */
export type ParsedPostSource =
  | { ok: true; post: Post; input: PostInput; warnings: ContentProblem[]; meta: FileMeta }
  | { ok: false; problem: ContentProblem };

/** What a file says about itself rather than about the post: the database version it mirrors, if any. */
export interface FileMeta {
  version: number | null;
}
