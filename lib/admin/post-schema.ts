import { z } from "zod";
import { MAX_SEO_DESCRIPTION_CHARS, MAX_SEO_TITLE_CHARS } from "@/lib/admin/post-extras";
import { parsePostDate } from "@/lib/content/dates";
import { isValidSlug, MAX_SLUG_BYTES, normalizeSlug, slugBytes } from "@/lib/content/slug";
import { slugFromTitle } from "@/lib/content/title-slug";
import { splitTermList, uniqueTerms } from "@/lib/content/terms";
import { publishAtFromLocal, siteTimeZone } from "@/lib/admin/schedule";

/**
 * Messages here are keys of the admin catalogue's `fieldErrors` (lib/i18n/messages): the form shows them in the
 * editor's language. Limits keep one post from exhausting memory or the renderer; an editor sees the limit, never a crash.
 */
export const MAX_BODY_CHARS = 200_000;
const MAX_TERMS = 30;

const optionalText = (max: number, message: string) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? null : v),
    z.string().trim().max(max, message).nullable().default(null),
  );

const terms = (kind: "tag" | "category") =>
  z.preprocess(
    // Repeated fields (one per tag) arrive as an array; they are trimmed and deduplicated like a typed list.
    (v) => (Array.isArray(v) ? uniqueTerms(v.map(String)) : typeof v === "string" ? uniqueTerms(splitTermList(v)) : []),
    // Checked on the whole list so the message lands on the field itself (`tags`), not on an item (`tags.3`).
    z
      .array(z.string())
      .max(MAX_TERMS, kind === "tag" ? "tagsTooMany" : "categoriesTooMany")
      .refine((names) => names.every((name) => name.length <= 60), kind === "tag" ? "tagTooLong" : "categoryTooLong"),
  );

/**
 * Dates come from `<input type="date">` (a day: UTC midnight, as Jekyll reads it) or `datetime-local`, read in the
 * site's zone (SITE_TIMEZONE) as the "publish at" control is: one time-zone rule (lib/admin/schedule.ts).
 */
const dateField = z
  .string({ error: "dateRequired" })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/, "dateFormat")
  .transform((value, ctx) => {
    // parsePostDate checks the calendar (Date.parse turns 2026-02-30 into March 2nd) and reads no offset as UTC.
    const iso = value.includes("T") ? publishAtFromLocal(value, siteTimeZone(process.env)) : parsePostDate(value);
    if (iso === null) {
      ctx.addIssue({ code: "custom", message: "dateInvalid" });
      return z.NEVER;
    }
    return iso;
  });

/**
 * "Publish at": the instant the form computed from the editor's datetime-local text in SITE_TIMEZONE (the browser does
 * the conversion with the zone the server gave it, lib/admin/schedule.ts), or empty for "as soon as it is published".
 */
const publishAtField = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? null : v),
  z
    .string()
    .trim()
    // One check, one message: an instant with its zone (text without one would be read in the server's own zone).
    .refine(
      (value) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(value) && !Number.isNaN(Date.parse(value)),
      "publishAtInvalid",
    )
    .transform((value) => new Date(value).toISOString())
    .nullable()
    .default(null),
);

const sourceField = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? null : v),
  z
    .string()
    .trim()
    .max(2000)
    .refine((value) => /^https?:\/\//i.test(value) && URL.canParse(value), "sourceUrl")
    .nullable()
    .default(null),
);

/**
 * A cover image: an absolute http(s) URL, or a path on this site ("/images/a.png"). Never `//host` (another site),
 * a backslash or a control character (browsers read "/\\host" as another site too), `javascript:` or `data:`.
 */
export function isCoverUrl(value: string): boolean {
  if (/^https?:\/\//i.test(value)) return URL.canParse(value);
  return value.startsWith("/") && !value.startsWith("//") && !/[\\\s\u0000-\u001f\u007f]/.test(value);
}

const coverField = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? null : v),
  z.string().trim().max(2000, "coverUrl").refine(isCoverUrl, "coverUrl").nullable().default(null),
);

const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

/** The editor form, as FormData or a plain object. */
export const postFormSchema = z
  .object({
    originalSlug: z.string().trim().max(200).default(""),
    versionToken: z.string().trim().max(200).default(""),
    title: z.string({ error: "titleRequired" }).trim().min(1, "titleRequired").max(300, "titleTooLong"),
    // Bounds the input only: the slug's real limit is in bytes and is checked below, with a message that names it.
    slug: z.string().trim().max(2000).default(""),
    date: dateField,
    author: optionalText(200, "authorTooLong"),
    source: sourceField,
    description: optionalText(500, "descriptionTooLong"),
    tags: terms("tag"),
    categories: terms("category"),
    format: z.enum(["md", "mdx"], { error: "format" }).default("md"),
    draft: checkbox.default(false),
    publishAt: publishAtField,
    body: z.string().max(MAX_BODY_CHARS, "bodyTooLong").default(""),
    cover: coverField,
    seoTitle: optionalText(MAX_SEO_TITLE_CHARS, "seoTitleTooLong"),
    seoDescription: optionalText(MAX_SEO_DESCRIPTION_CHARS, "seoDescriptionTooLong"),
    intent: z.enum(["save", "publish"]).default("save"),
  })
  .transform((form, ctx) => {
    const slug = form.slug === "" ? slugFromTitle(form.title) : normalizeSlug(form.slug);
    if (!isValidSlug(slug)) {
      const bytes = slugBytes(slug);
      ctx.addIssue({
        code: "custom",
        path: ["slug"],
        // slugTooLong names MAX_SLUG_BYTES in the catalogue (lib/content/slug.ts; a test checks the two agree).
        message: bytes > MAX_SLUG_BYTES ? "slugTooLong" : "slugInvalid",
      });
      return z.NEVER;
    }
    return { ...form, slug, draft: form.intent === "publish" ? false : form.draft };
  });

export type PostForm = z.output<typeof postFormSchema>;

export const postRefSchema = z.object({
  slug: z.string().trim().min(1).max(200),
  versionToken: z.string().trim().min(1).max(200),
});

/**
 * What the live preview needs to show a post as readers see it. The byline fields are the form's text as typed: one
 * that is not valid yet (a half-typed date) is left out of the preview instead of refusing it.
 */
export const previewSchema = z.object({
  title: z.string().max(300).default(""),
  body: z.string().max(MAX_BODY_CHARS, "bodyTooLong"),
  format: z.enum(["md", "mdx"]).default("md"),
  date: z.string().max(40).default(""),
  author: z.string().max(200).default(""),
  source: z.string().max(2000).default(""),
  tags: z.string().max(4000).default(""),
  categories: z.string().max(4000).default(""),
});

export type PreviewInput = z.output<typeof previewSchema>;

/** The form's date text as the ISO instant a save would store, or null when it is not a date yet. */
export function previewDate(value: string): string | null {
  const parsed = dateField.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The form's tag or category text as the list a save would store (invalid lists become empty). */
export function previewTerms(value: string, kind: "tag" | "category"): string[] {
  const parsed = terms(kind).safeParse(value);
  return parsed.success ? parsed.data : [];
}
