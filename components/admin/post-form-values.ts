import { z } from "zod";
import type { PostStatus } from "@/lib/admin/types";
import type { PostInput } from "@/lib/store/types";

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
  };
}

export function postFormValuesFrom(input: PostInput): PostFormValues {
  return {
    title: input.title,
    slug: input.slug,
    date: formDateFromIso(input.date),
    author: input.author ?? "",
    source: input.source ?? "",
    description: input.description ?? "",
    tags: input.tags.join(", "),
    categories: input.categories.join(", "),
    format: input.format,
    draft: input.draft,
    body: input.body,
  };
}

/** The server reads a Date with a time as China time (a fixed +08:00: China has no daylight saving). */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * The Date field's text for a stored ISO timestamp, in the form `savePost` reads back to the same instant: a date-only
 * post (UTC midnight, as Jekyll reads `2026-01-26`) stays `YYYY-MM-DD`; anything else is China time with `T`.
 */
export function formDateFromIso(iso: string): string {
  const time = new Date(iso).getTime();
  if (Number.isNaN(time)) return iso;
  if (new Date(time).toISOString().endsWith("T00:00:00.000Z")) return new Date(time).toISOString().slice(0, 10);
  const china = new Date(time + CHINA_OFFSET_MS).toISOString();
  return china.slice(17, 19) === "00" ? china.slice(0, 16) : china.slice(0, 19);
}

/** The status a post will have once saved with these values. */
export function statusAfterSave(values: PostFormValues, intent: SaveIntent): PostStatus {
  return intent === "publish" || !values.draft ? "published" : "draft";
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
  return data;
}

export function samePostFormValues(a: PostFormValues, b: PostFormValues): boolean {
  return (Object.keys(a) as (keyof PostFormValues)[]).every((key) => a[key] === b[key]);
}
