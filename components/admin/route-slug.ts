/** A `[slug]` route parameter as the post's slug: Chinese slugs can arrive percent-encoded. */
export function slugFromParam(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
