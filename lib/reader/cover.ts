/**
 * The cover image of a post as readers may see it, or null. The field (`cover`, from the front matter keys `cover`,
 * `image`, `cover_image` or the editor) may hold anything an author typed; only http(s) URLs and site-absolute paths
 * are shown: a relative path (a Hugo page-bundle image) has no URL here, and anything else (javascript:, data:) never.
 */
export function postCover(post: { cover?: string | null }): string | null {
  if (typeof post.cover !== "string") return null;
  const value = post.cover.trim();
  if (value.startsWith("/") && !value.startsWith("//")) return value;
  if (/^https?:\/\//i.test(value) && URL.canParse(value)) return value;
  return null;
}

/** A list entry with its cover made safe: what the list components take. */
export function withCover<T extends { cover?: string | null }>(post: T): T & { cover: string | null } {
  return { ...post, cover: postCover(post) };
}
