/**
 * Rows ↔ posts. The columns come from the field list (lib/content/fields.ts): every field with `column: true` is a
 * Post column of the same name, so a new field needs no code here. Rows are validated with zod on the way out of the
 * database like any other outside data.
 */
import { z } from "zod";
import { excerptFrom } from "@/lib/content/excerpt";
import { DATE_COLUMNS, postInputSchema, STORED_COLUMNS, SUMMARY_COLUMNS, type PostInput } from "@/lib/content/fields";
import { readingMinutes } from "@/lib/content/reading-time";
import { termKey, uniqueTerms } from "@/lib/content/terms";
import type { Post, PostSummary } from "@/lib/content/types";
import type { StoredPost } from "@/lib/errors";

const termsInclude = { select: { name: true }, orderBy: { position: "asc" } } as const;

function columns(names: readonly string[]): Record<string, true> {
  return Object.fromEntries(names.map((name) => [name, true]));
}

/** What list queries select: never the body. */
export const summarySelect = {
  ...columns(SUMMARY_COLUMNS),
  id: true,
  excerpt: true,
  readingMinutes: true,
  updatedAt: true,
  tags: termsInclude,
  categories: termsInclude,
} as const;

/** Everything a post page or the editor needs. */
export const fullSelect = {
  ...columns(STORED_COLUMNS),
  id: true,
  excerpt: true,
  readingMinutes: true,
  extra: true,
  version: true,
  deletedAt: true,
  updatedAt: true,
  filePath: true,
  fileHash: true,
  fileVersion: true,
  ownerId: true,
  tags: termsInclude,
  categories: termsInclude,
} as const;

const termRows = z.array(z.object({ name: z.string() })).transform((rows) => rows.map((row) => row.name));
const isoDate = z.date().transform((date) => date.toISOString());

const summaryRowSchema = z.object({
  slug: z.string(),
  title: z.string(),
  date: isoDate,
  author: z.string().nullable(),
  cover: z.string().nullable(),
  excerpt: z.string(),
  readingMinutes: z.number().int(),
  updatedAt: isoDate,
  tags: termRows,
  categories: termRows,
});

const bookkeepingSchema = z.object({
  id: z.string(),
  excerpt: z.string(),
  readingMinutes: z.number().int(),
  extra: z.string(),
  version: z.number().int(),
  deletedAt: z.date().nullable(),
  updatedAt: z.date(),
  filePath: z.string().nullable(),
  fileHash: z.string().nullable(),
  fileVersion: z.number().int().nullable(),
  ownerId: z.string().nullable(),
  tags: termRows,
  categories: termRows,
});
export type RowBookkeeping = z.infer<typeof bookkeepingSchema>;

const extraSchema = z.record(z.string(), z.unknown());

/** Unknown front-matter keys; a row whose JSON is damaged still shows, without them. */
function parseExtra(json: string): Record<string, unknown> {
  try {
    const parsed = extraSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

export function toSummary(raw: unknown): PostSummary {
  const row = summaryRowSchema.parse(raw);
  return {
    slug: row.slug,
    title: row.title,
    date: row.date,
    author: row.author,
    description: row.excerpt,
    tags: row.tags,
    categories: row.categories,
    readingMinutes: row.readingMinutes,
    updatedAt: row.updatedAt,
    cover: row.cover,
  };
}

export interface FullRow {
  input: PostInput;
  meta: RowBookkeeping;
}

/** A full row as the input it was saved from, plus the store's bookkeeping. */
export function toFullRow(raw: unknown): FullRow {
  if (typeof raw !== "object" || raw === null) throw new Error("not a post row");
  const record = raw as Record<string, unknown>;
  const meta = bookkeepingSchema.parse(record);
  const values: Record<string, unknown> = {};
  for (const name of STORED_COLUMNS) {
    const value = record[name];
    values[name] = DATE_COLUMNS.has(name) && value instanceof Date ? value.toISOString() : value;
  }
  const input = postInputSchema.parse({ ...values, tags: meta.tags, categories: meta.categories, extra: parseExtra(meta.extra) }) as PostInput;
  return { input, meta };
}

export function postFromRow({ input, meta }: FullRow): Post {
  return {
    ...input,
    description: input.description ?? meta.excerpt,
    readingMinutes: meta.readingMinutes,
    origin: { kind: "database", id: meta.id, version: meta.version },
    updatedAt: meta.updatedAt.toISOString(),
  };
}

export function storedFromRow(row: FullRow): StoredPost {
  return {
    post: postFromRow(row),
    versionToken: String(row.meta.version),
    deletedAt: row.meta.deletedAt?.toISOString() ?? null,
    ownerId: row.meta.ownerId,
  };
}

/** The input as it is stored: validated, terms trimmed and deduplicated case-insensitively. */
export function normaliseInput(input: PostInput): PostInput {
  const parsed = postInputSchema.parse(input) as PostInput;
  return { ...parsed, tags: uniqueTerms(parsed.tags), categories: uniqueTerms(parsed.categories) };
}

/**
 * What is derived from a post's text (its excerpt, its reading time), computed once per input object: a write asks for
 * it for the row and again for the search document, and an import does that for thousands of posts.
 */
const derivedCache = new WeakMap<PostInput, { excerpt: string; readingMinutes: number }>();

export function derived(input: PostInput): { excerpt: string; readingMinutes: number } {
  let value = derivedCache.get(input);
  if (!value) {
    value = { excerpt: input.description ?? excerptFrom(input.body, input.title), readingMinutes: readingMinutes(input.body) };
    derivedCache.set(input, value);
  }
  return value;
}

/** The column values of a post: every stored field, plus what lists read instead of the body. */
export function postColumns(input: PostInput): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const name of STORED_COLUMNS) {
    const value = input[name];
    data[name] = DATE_COLUMNS.has(name) && typeof value === "string" ? new Date(value) : value;
  }
  const { excerpt, readingMinutes: minutes } = derived(input);
  data.excerpt = excerpt;
  data.readingMinutes = minutes;
  data.extra = JSON.stringify(input.extra);
  return data;
}

export function termRowsOf(names: string[]): { name: string; key: string; position: number }[] {
  return names.map((name, position) => ({ name, key: termKey(name), position }));
}
