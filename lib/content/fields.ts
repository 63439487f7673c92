import { z } from "zod";
import { parsePostDate } from "./dates";
import { splitTermList, uniqueTerms } from "./terms";

/**
 * THE list of a post's fields. Everything else derives from it: the front-matter reader and writer
 * (lib/content/front-matter.ts, serialize.ts), the stored shape (`PostInput` and its schema, revision snapshots), the
 * database mapping (lib/store/sql/rows.ts: every field with `column: true` is a column of the same name in both
 * prisma schemas) and the admin form's labels and controls.
 *
 * Adding a field: add an entry here, add the column to prisma/sqlite/schema.prisma and prisma/postgresql/schema.prisma
 * and one migration for each (`npm run db:migration -- <name>`), and add its labels to the admin message catalogue.
 */

/** What the front matter gave for a field's keys (first key present wins; `all` has every present key, in order). */
export interface FrontMatterValues {
  /** The value of the first of the field's keys that is present, undefined when none is. */
  first: unknown;
  /** Every present key's value, in the field's key order (tags + tag, categories + category). */
  all: unknown[];
  /** The whole front matter, for fields whose reading depends on another key (Jekyll's `published`). */
  data: Readonly<Record<string, unknown>>;
}

export type FieldControl = "text" | "textarea" | "url" | "date" | "datetime" | "terms" | "checkbox" | "select" | "body";

export interface PostField<T> {
  /** The value as stored and carried in a `PostInput`. */
  schema: z.ZodType<T>;
  /**
   * Front-matter keys: the first is what Digest writes, the rest are accepted aliases (compared case-insensitively).
   * Absent for fields that do not live in front matter (`format` is the file extension, `body` follows it).
   */
  keys?: readonly string[];
  /**
   * Reads the front-matter value(s); throws FieldError for a bad value. `undefined` means "not given, or in a shape
   * Digest does not read" (a theme's `cover: {image, alt}` map): the key then stays in `extra`, untouched.
   */
  read?: (values: FrontMatterValues) => T | undefined;
  /** The front-matter value to write, or undefined to leave the key out. */
  write?: (value: T) => unknown;
  /** Stored in a database column of the same name (terms and `extra` live elsewhere). */
  column: boolean;
  /** The column is a DateTime (the value an ISO string). */
  dateColumn?: boolean;
  /** Selected by list queries (PostSummary); lists never load `body`. */
  summary: boolean;
  /** How /admin edits it: the control and which part of the form it sits in. */
  form?: { control: FieldControl; panel: "main" | "meta" };
  /**
   * The value of a post that does not give one (a file without the key, a form without the control, a snapshot from
   * before the field existed). Absent only for the fields every post must give: REQUIRED_FIELDS.
   */
  empty?: T;
}

/** A front-matter value that cannot be read; `key` says which field so the reader can point at its line. */
export class FieldError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FieldError";
  }
}

const text = (value: unknown, name: string): string | null => {
  if (value === undefined || value === null) return null;
  if (typeof value === "string" || typeof value === "number") return String(value).trim() || null;
  throw new FieldError(`${name} must be text`);
};

function termsFrom(values: unknown[]): string[] {
  const names: string[] = [];
  for (const value of values) {
    if (value === null || value === undefined) continue;
    if (typeof value === "string" || typeof value === "number") names.push(...splitTermList(String(value)));
    else if (Array.isArray(value)) {
      for (const item of value) {
        if (item === null || item === undefined) continue;
        if (typeof item !== "string" && typeof item !== "number") throw new FieldError("must be a list of names or a comma- or space-separated string");
        names.push(String(item));
      }
    } else throw new FieldError("must be a list of names or a comma- or space-separated string");
  }
  return uniqueTerms(names);
}

function flag(value: unknown, name: string): boolean | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "boolean") return value;
  if (value === "true") return true;
  if (value === "false") return false;
  throw new FieldError(`${name}: must be true or false`);
}

function dateValue(value: unknown, name: string): string | null {
  if (value === undefined || value === null || value === "") return null;
  const iso = parsePostDate(value);
  if (iso === null) throw new FieldError(`${name} is not a date: ${JSON.stringify(value instanceof Date ? value.toISOString() : value)}`);
  return iso;
}

const isoDate = z.string().refine((value) => !Number.isNaN(Date.parse(value)), "not a date");
const optionalText = z.string().nullable();
const termList = z.array(z.string());

function field<T>(spec: PostField<T>): PostField<T> {
  return spec;
}

export const postFields = {
  title: field<string>({
    schema: z.string(),
    keys: ["title"],
    read: ({ first }) => text(first, "title") ?? undefined,
    write: (value) => value,
    column: true,
    summary: true,
    form: { control: "text", panel: "main" },
  }),
  date: field<string>({
    schema: isoDate,
    keys: ["date"],
    read: ({ first }) => dateValue(first, "date") ?? undefined,
    // serializePostFile writes a day at UTC midnight as the day alone, as Jekyll files write it.
    write: (value) => new Date(value),
    column: true,
    dateColumn: true,
    summary: true,
    form: { control: "date", panel: "meta" },
  }),
  author: field<string | null>({
    schema: optionalText,
    keys: ["author", "authors"],
    read: ({ first }) => authorText(first),
    write: (value) => value ?? undefined,
    column: true,
    summary: true,
    form: { control: "text", panel: "meta" },
    empty: null,
  }),
  source: field<string | null>({
    schema: optionalText,
    keys: ["source"],
    read: ({ first }) => text(first, "source"),
    write: (value) => value ?? undefined,
    column: true,
    summary: false,
    form: { control: "url", panel: "meta" },
    empty: null,
  }),
  /** Explicit description; null means "derived from the first paragraph" (the derived one is stored as `excerpt`). */
  description: field<string | null>({
    schema: optionalText,
    keys: ["description", "summary"],
    read: ({ first }) => text(first, "description"),
    write: (value) => value ?? undefined,
    column: true,
    summary: false,
    form: { control: "textarea", panel: "meta" },
    empty: null,
  }),
  tags: field<string[]>({
    schema: termList,
    keys: ["tags", "tag"],
    read: ({ all }) => termsFrom(all),
    write: (value) => (value.length > 0 ? value : undefined),
    column: false,
    summary: true,
    form: { control: "terms", panel: "meta" },
    empty: [],
  }),
  categories: field<string[]>({
    schema: termList,
    keys: ["categories", "category"],
    read: ({ all }) => termsFrom(all),
    write: (value) => (value.length > 0 ? value : undefined),
    column: false,
    summary: true,
    form: { control: "terms", panel: "meta" },
    empty: [],
  }),
  draft: field<boolean>({
    schema: z.boolean(),
    keys: ["draft"],
    // Jekyll's `published: false` is a draft too.
    read: ({ first, data }) => flag(first, "draft") === true || flag(lookup(data, "published"), "published") === false,
    write: (value) => (value ? true : undefined),
    column: true,
    summary: false,
    form: { control: "checkbox", panel: "meta" },
    empty: false,
  }),
  /** Scheduled publishing (Hugo's `publishDate`): hidden from readers until then. */
  publishAt: field<string | null>({
    schema: isoDate.nullable(),
    keys: ["publishDate", "publish_date", "publishAt"],
    read: ({ first }) => dateValue(first, "publishDate"),
    write: (value) => (value === null ? undefined : new Date(value)),
    column: true,
    dateColumn: true,
    summary: false,
    form: { control: "datetime", panel: "meta" },
    empty: null,
  }),
  slug: field<string>({
    schema: z.string().min(1),
    keys: ["slug"],
    read: ({ first }) => text(first, "slug") ?? undefined,
    write: (value) => value,
    column: true,
    summary: true,
    form: { control: "text", panel: "meta" },
  }),
  cover: field<string | null>({
    schema: optionalText,
    keys: ["cover", "image", "cover_image", "featured_image"],
    read: ({ first }) => (typeof first === "string" ? first.trim() || null : undefined),
    write: (value) => value ?? undefined,
    column: true,
    summary: true,
    form: { control: "url", panel: "meta" },
    empty: null,
  }),
  seoTitle: field<string | null>({
    schema: optionalText,
    keys: ["seo_title", "meta_title", "og_title"],
    read: ({ first }) => text(first, "seo_title"),
    write: (value) => value ?? undefined,
    column: true,
    summary: false,
    form: { control: "text", panel: "meta" },
    empty: null,
  }),
  seoDescription: field<string | null>({
    schema: optionalText,
    keys: ["seo_description", "meta_description", "og_description"],
    read: ({ first }) => text(first, "seo_description"),
    write: (value) => value ?? undefined,
    column: true,
    summary: false,
    form: { control: "textarea", panel: "meta" },
    empty: null,
  }),
  format: field<"md" | "mdx">({
    schema: z.enum(["md", "mdx"]),
    column: true,
    summary: false,
    form: { control: "select", panel: "meta" },
  }),
  body: field<string>({
    schema: z.string(),
    column: true,
    summary: false,
    form: { control: "body", panel: "main" },
  }),
};

export type PostFieldName = keyof typeof postFields;
type FieldValue<F> = F extends PostField<infer T> ? T : never;

/** Fields in their declared order (also the order front matter is written in). */
export const POST_FIELD_NAMES = Object.keys(postFields) as PostFieldName[];

/**
 * Keys that belong to the file, not to the post's fields: `updated`/`lastmod` (when it last changed), the database
 * version the file mirrors, and Jekyll's `layout` and `published` (read by `draft`).
 */
export const META_KEYS = { updated: ["updated", "lastmod"], version: ["digest_version"], ignored: ["layout", "published"] } as const;

function lookup(data: Readonly<Record<string, unknown>>, key: string): unknown {
  if (key in data) return data[key];
  const found = Object.keys(data).find((candidate) => candidate.toLowerCase() === key.toLowerCase());
  return found === undefined ? undefined : data[found];
}

function authorText(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const list = Array.isArray(value) ? value : [value];
  const names = list.flatMap((name) => {
    if (name === null || name === undefined) return [];
    if (typeof name !== "string" && typeof name !== "number") throw new FieldError("author must be text or a list of names");
    const clean = String(name).replace(/\s+/g, " ").trim();
    return clean === "" ? [] : [clean];
  });
  return names.length === 0 ? null : names.join(", ");
}

/** What an editor submits for a post, and what a revision snapshot holds; the store adds identity and version. */
export const postInputSchema = z.object({
  ...(Object.fromEntries(POST_FIELD_NAMES.map((name) => [name, postFields[name].schema])) as {
    [K in PostFieldName]: z.ZodType<FieldValue<(typeof postFields)[K]>>;
  }),
  /** Front-matter keys Digest does not know, kept so a round trip loses nothing. */
  extra: z.record(z.string(), z.unknown()),
});

export type PostInput = { [K in PostFieldName]: FieldValue<(typeof postFields)[K]> } & { extra: Record<string, unknown> };

/** Column names of the fields a list query selects (PostSummary), and of every stored column. */
export const SUMMARY_COLUMNS = POST_FIELD_NAMES.filter((name) => postFields[name].summary && postFields[name].column);
export const STORED_COLUMNS = POST_FIELD_NAMES.filter((name) => postFields[name].column);
export const DATE_COLUMNS: ReadonlySet<PostFieldName> = new Set(
  POST_FIELD_NAMES.filter((name) => (postFields[name] as PostField<unknown>).dateColumn === true),
);

/** The fields every post gives itself; every other field has an `empty` value (fields.test.ts holds the two together). */
export const REQUIRED_FIELDS = ["title", "date", "slug", "format", "body"] as const satisfies readonly PostFieldName[];

/** A PostInput's optional fields: what `emptyPostFields()` fills in. */
export type OptionalPostFields = Omit<PostInput, (typeof REQUIRED_FIELDS)[number] | "extra">;

/**
 * Every optional field at its empty value, fresh (arrays are new each call): where a reader, the admin or a fixture
 * starts a PostInput, so a new field needs no line in any of them.
 */
export function emptyPostFields(): OptionalPostFields {
  const entries = POST_FIELD_NAMES.flatMap((name) => {
    const empty = (postFields[name] as PostField<unknown>).empty;
    return empty === undefined ? [] : [[name, structuredClone(empty)] as const];
  });
  return Object.fromEntries(entries) as OptionalPostFields;
}

export function parseSnapshot(json: string): PostInput {
  const raw: unknown = JSON.parse(json);
  // Old snapshots (before a field existed) read with the field's empty value.
  const withDefaults = typeof raw === "object" && raw !== null ? { ...emptyPostFields(), ...raw } : raw;
  return postInputSchema.parse(withDefaults) as PostInput;
}
