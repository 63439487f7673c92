import { z } from "zod";
import { parsePostDate } from "@/lib/content/dates";
import { isValidSlug, MAX_SLUG_BYTES, normalizeSlug, slugBytes } from "@/lib/content/slug";
import { slugFromTitle } from "@/lib/content/title-slug";
import { splitTermList, uniqueTerms } from "@/lib/content/terms";

/** Limits that keep one post from exhausting memory or the renderer; an editor sees the limit, never a crash. */
export const MAX_BODY_CHARS = 200_000;
const MAX_TERMS = 30;

const optionalText = (max: number) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), z.string().trim().max(max).nullable().default(null));

const terms = (label: string) =>
  z.preprocess(
    // Repeated fields (one per tag) arrive as an array; they are trimmed and deduplicated like a typed list.
    (v) => (Array.isArray(v) ? uniqueTerms(v.map(String)) : typeof v === "string" ? uniqueTerms(splitTermList(v)) : []),
    // Checked on the whole list so the message lands on the field itself (`tags`), not on an item (`tags.3`).
    z
      .array(z.string())
      .max(MAX_TERMS, `At most ${MAX_TERMS} ${label}s.`)
      .refine((names) => names.every((name) => name.length <= 60), `Each ${label} is at most 60 characters.`),
  );

/** Dates come from `<input type="date">` (a day: UTC midnight, as Jekyll reads it) or `datetime-local` (China time). */
const dateField = z
  .string({ error: "Date is required." })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/, "Use a date like 2026-01-26.")
  .transform((value, ctx) => {
    // parsePostDate checks the calendar (Date.parse turns 2026-02-30 into March 2nd) and reads no offset as UTC.
    const iso = parsePostDate(value.includes("T") ? `${value}+08:00` : value);
    if (iso === null) {
      ctx.addIssue({ code: "custom", message: "This is not a real date." });
      return z.NEVER;
    }
    return iso;
  });

const sourceField = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? null : v),
  z
    .string()
    .trim()
    .max(2000)
    .refine((value) => /^https?:\/\//i.test(value) && URL.canParse(value), "Source must be an http(s) URL.")
    .nullable()
    .default(null),
);

const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

/** The editor form, as FormData or a plain object. */
export const postFormSchema = z
  .object({
    originalSlug: z.string().trim().max(200).default(""),
    versionToken: z.string().trim().max(200).default(""),
    title: z.string({ error: "Title is required." }).trim().min(1, "Title is required.").max(300, "Title is at most 300 characters."),
    // Bounds the input only: the slug's real limit is in bytes and is checked below, with a message that names it.
    slug: z.string().trim().max(2000).default(""),
    date: dateField,
    author: optionalText(200),
    source: sourceField,
    description: optionalText(500),
    tags: terms("tag"),
    categories: terms("category"),
    format: z.enum(["md", "mdx"], { error: "Format is md or mdx." }).default("md"),
    draft: checkbox.default(false),
    body: z.string().max(MAX_BODY_CHARS, `Body is at most ${MAX_BODY_CHARS.toLocaleString("en")} characters.`).default(""),
    intent: z.enum(["save", "publish"]).default("save"),
  })
  .transform((form, ctx) => {
    const slug = form.slug === "" ? slugFromTitle(form.title) : normalizeSlug(form.slug);
    if (!isValidSlug(slug)) {
      const bytes = slugBytes(slug);
      ctx.addIssue({
        code: "custom",
        path: ["slug"],
        message:
          bytes > MAX_SLUG_BYTES
            ? `Slug is at most ${MAX_SLUG_BYTES} bytes (a Chinese character takes 3, so about ${Math.floor(MAX_SLUG_BYTES / 3)} Chinese characters); this one is ${bytes}.`
            : "Slug: lowercase letters (Chinese allowed), digits, '-', '_' or '.', without slashes or spaces.",
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

export const previewSchema = z.object({
  title: z.string().max(300).default(""),
  body: z.string().max(MAX_BODY_CHARS, `Body is at most ${MAX_BODY_CHARS.toLocaleString("en")} characters.`),
  format: z.enum(["md", "mdx"]).default("md"),
});
