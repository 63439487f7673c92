import type { PostInput } from "@/lib/store/types";

/**
 * The cover image and the SEO/Open Graph title and description. The store has no columns for them yet, so they travel
 * in the post's `extra` (front-matter keys it keeps as they are) under these names; when the data layer gives them
 * columns, this module is the one place that reads and writes them.
 */
/** Search engines cut titles near 60 Latin characters and descriptions near 160; these are hard limits above that. */
export const MAX_SEO_TITLE_CHARS = 70;
export const MAX_SEO_DESCRIPTION_CHARS = 200;

export const POST_EXTRA_KEYS = ["cover", "seoTitle", "seoDescription"] as const;
export type PostExtraKey = (typeof POST_EXTRA_KEYS)[number];
export type PostExtras = Record<PostExtraKey, string>;

export function postExtras(input: Pick<PostInput, "extra">): PostExtras {
  const text = (key: PostExtraKey) => {
    const value = input.extra[key];
    return typeof value === "string" ? value : "";
  };
  return { cover: text("cover"), seoTitle: text("seoTitle"), seoDescription: text("seoDescription") };
}

/** `extra` with the form's values: a field left empty removes its key, so the front matter does not fill with blanks. */
export function withPostExtras(extra: Record<string, unknown>, values: Record<PostExtraKey, string | null>): Record<string, unknown> {
  const result: Record<string, unknown> = { ...extra };
  for (const key of POST_EXTRA_KEYS) {
    const value = values[key];
    if (value === null || value === "") delete result[key];
    else result[key] = value;
  }
  return result;
}
