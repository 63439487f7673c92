import type { PostInput } from "@/lib/store/types";

/** Search engines cut titles near 60 Latin characters and descriptions near 160; these are hard limits above that. */
export const MAX_SEO_TITLE_CHARS = 70;
export const MAX_SEO_DESCRIPTION_CHARS = 200;

export type PostExtraKey = "cover" | "seoTitle" | "seoDescription";
export type PostExtras = Record<PostExtraKey, string>;

/** The cover image and the SEO/Open Graph title and description as the form's text (empty when unset). */
export function postExtras(input: Pick<PostInput, PostExtraKey>): PostExtras {
  return { cover: input.cover ?? "", seoTitle: input.seoTitle ?? "", seoDescription: input.seoDescription ?? "" };
}
