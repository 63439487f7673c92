/** A URL path segment decoded, or null when its percent-escapes are malformed (`%E0%A4%A`, `%FF`, `%`). */
export function decodePathSegment(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}
