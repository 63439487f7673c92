import { z } from "zod";
import type { PostInput } from "@/lib/store/types";
import { postExtras } from "@/lib/admin/post-extras";
import { localFromPublishAt } from "@/lib/admin/schedule";

/**
 * The editor form as text, exactly what the inputs hold. Kept apart from `PostInput` because the form must be able to
 * hold what the editor is still typing (an unfinished date, a trailing comma in the tags) without losing it.
 */
export const postFormValuesSchema = z.object({
  title: z.string(),
  slug: z.string(),
  date: z.string(),
  author: z.string(),
  source: z.string(),
  description: z.string(),
  tags: z.string(),
  categories: z.string(),
  format: z.enum(["md", "mdx"]),
  draft: z.boolean(),
  body: z.string(),
  // Added after backups were first written: a backup from before them still reads, with the fields empty.
  cover: z.string().default(""),
  seoTitle: z.string().default(""),
  seoDescription: z.string().default(""),
  /** "Publish at" as an ISO instant, or "" (published as soon as it is not a draft); the control shows it in SITE_TIMEZONE. */
  publishAt: z.string().default(""),
});

export type PostFormValues = z.infer<typeof postFormValuesSchema>;

export type SaveIntent = "save" | "publish";

/** A new post starts as a Markdown draft dated `today` (YYYY-MM-DD): plain Markdown forgives the `<` and `{` MDX rejects. */
export function emptyPostFormValues(today: string): PostFormValues {
  return {
    title: "",
    slug: "",
    date: today,
    author: "",
    source: "",
    description: "",
    tags: "",
    categories: "",
    format: "md",
    draft: true,
    body: "",
    cover: "",
    seoTitle: "",
    seoDescription: "",
    publishAt: "",
  };
}

/**
 * Tags and categories as the chip fields hold them: every finished term followed by ", ", then whatever is still being
 * typed. A loaded post's terms are all finished, so its text ends with the separator and no chip looks half-typed.
 */
export function termListText(terms: readonly string[]): string {
  return terms.map((term) => `${term}, `).join("");
}

/** The form's text for a stored post; times are shown in `timeZone`, the site's (SITE_TIMEZONE, passed by the server). */
export function postFormValuesFrom(input: PostInput, timeZone: string): PostFormValues {
  return {
    title: input.title,
    slug: input.slug,
    date: formDateFromIso(input.date, timeZone),
    author: input.author ?? "",
    source: input.source ?? "",
    description: input.description ?? "",
    tags: termListText(input.tags),
    categories: termListText(input.categories),
    format: input.format,
    draft: input.draft,
    body: input.body,
    publishAt: input.publishAt ?? "",
    ...postExtras(input),
  };
}

/**
 * The Date field's text for a stored ISO timestamp, in the form `savePost` reads back to the same instant: a date-only
 * post (UTC midnight, as Jekyll reads `2026-01-26`) stays `YYYY-MM-DD`; anything else is the site's wall-clock time
 * with `T`, as the "publish at" control shows it (one time-zone rule: lib/admin/schedule.ts).
 */
export function formDateFromIso(iso: string, timeZone: string): string {
  const time = new Date(iso).getTime();
  if (Number.isNaN(time)) return iso;
  if (new Date(time).toISOString().endsWith("T00:00:00.000Z")) return new Date(time).toISOString().slice(0, 10);
  return localFromPublishAt(iso, timeZone);
}

/** The FormData `savePost` reads: field names as the action defines them, the checkbox as "on" only when checked. */
export function postFormData(
  values: PostFormValues,
  context: { originalSlug: string | null; versionToken: string | null; intent: SaveIntent },
): FormData {
  const data = new FormData();
  data.set("originalSlug", context.originalSlug ?? "");
  data.set("versionToken", context.versionToken ?? "");
  data.set("intent", context.intent);
  data.set("title", values.title);
  data.set("slug", values.slug.trim());
  data.set("date", values.date.trim());
  data.set("author", values.author);
  data.set("source", values.source);
  data.set("description", values.description);
  data.set("tags", values.tags);
  data.set("categories", values.categories);
  data.set("format", values.format);
  if (values.draft) data.set("draft", "on");
  data.set("body", values.body);
  data.set("cover", values.cover.trim());
  data.set("seoTitle", values.seoTitle);
  data.set("seoDescription", values.seoDescription);
  data.set("publishAt", values.publishAt);
  return data;
}

export function samePostFormValues(a: PostFormValues, b: PostFormValues): boolean {
  return (Object.keys(a) as (keyof PostFormValues)[]).every((key) => a[key] === b[key]);
}
