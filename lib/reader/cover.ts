/**
 * The cover image of a post, or null. Until posts carry a `cover` field of their own, it is read from the front
 * matter keys `cover` or `image` (kept in `post.extra`); this one function is the only place that knows, so it can be
 * replaced by `post.cover` without touching the components. Only http(s) URLs and site-absolute paths are accepted:
 * a relative path (a Hugo page-bundle image) has no URL here, and anything else (javascript:, data:) is never shown.
 */
export function postCover(post: { cover?: string | null; extra?: Record<string, unknown> }): string | null {
  const candidates = [post.cover, post.extra?.cover, post.extra?.image];
  for (const candidate of candidates) {
    if (typeof candidate !== "string") continue;
    const value = candidate.trim();
    if (value.startsWith("/") && !value.startsWith("//")) return value;
    if (/^https?:\/\//i.test(value) && URL.canParse(value)) return value;
  }
  return null;
}

/** A list entry with its cover resolved: what the list components take. */
export function withCover<T extends { cover?: string | null; extra?: Record<string, unknown> }>(post: T): T & { cover: string | null } {
  return { ...post, cover: postCover(post) };
}
