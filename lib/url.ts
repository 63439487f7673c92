/**
 * The one safe percent-decoding helper. `decodeURIComponent` throws on malformed escapes (`%E0%A4%A`, `%FF`, `%`),
 * which in a route is a 500; every caller that decodes text from a URL goes through here.
 */

/** A URL path segment decoded, or null when its percent-escapes are malformed (`%E0%A4%A`, `%FF`, `%`). */
export function decodePathSegment(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/** `text` decoded, or `text` itself when it is not valid percent-encoding (a fragment or file name taken literally). */
export function decodeOrKeep(text: string): string {
  return decodePathSegment(text) ?? text;
}

/** Whether every percent-escape in a path decodes (the proxy answers 400 early for one that does not). */
export function isDecodablePath(pathname: string): boolean {
  return !pathname.includes("%") || pathname.split("/").every((segment) => decodePathSegment(segment) !== null);
}
