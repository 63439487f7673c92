import { parsePostFileName } from "./file-name";

/**
 * Slugs appear in URLs and, for file posts, in file names, so they must be safe in both: lowercase Unicode letters
 * (Chinese slugs are allowed), digits, `-`, `_` and `.`, never a path separator, `..`, whitespace or control
 * character, and no leading or trailing `-`/`.` (those read as options or hidden files).
 */
const SLUG_SHAPE = /^[\p{L}\p{M}\p{Nd}_](?:[\p{L}\p{M}\p{Nd}_.-]*[\p{L}\p{M}\p{Nd}_])?$/u;
const NOT_SLUG_CHARACTERS = /[^\p{L}\p{M}\p{Nd}_.-]+/gu;

/**
 * The longest slug, in UTF-8 bytes (a Chinese character takes 3): file systems refuse names over 255 bytes, and a
 * slug becomes part of file names. `next build` (16.4, measured) writes a post page as
 * `.next/server/app/posts/<slug>.html|.rsc|.meta|.segments` with the slug as UTF-8, not percent-encoded (at run time
 * the same names under `server/route-cache/…`): slug + 9 bytes. The files store writes `YYYY-MM-DD-<slug>.mdx`
 * through a temp file `.<that name>.<pid>.<12 hex>.tmp`: slug + 41 bytes, so 214 at most; 200 leaves room.
 */
export const MAX_SLUG_BYTES = 200;

const utf8 = new TextEncoder();

export function slugBytes(slug: string): number {
  return utf8.encode(slug).length;
}

export function isValidSlug(slug: string): boolean {
  return (
    slug.length >= 1 &&
    slugBytes(slug) <= MAX_SLUG_BYTES &&
    slug === slug.toLowerCase() &&
    slug === slug.normalize("NFC") &&
    !slug.includes("..") &&
    SLUG_SHAPE.test(slug)
  );
}

/** Why a slug is too long, naming the limit, or null when its length is fine. */
export function slugLengthProblem(slug: string): string | null {
  const bytes = slugBytes(slug);
  if (bytes <= MAX_SLUG_BYTES) return null;
  return `is ${bytes} bytes long; a slug is at most ${MAX_SLUG_BYTES} bytes (a Chinese character takes 3)`;
}

/**
 * Best-effort repair of a slug someone typed or a file name gave. Returns "" when nothing usable is left. It never
 * shortens: a slug over the limit is refused with a message (isValidSlug, slugLengthProblem), not silently cut.
 */
export function normalizeSlug(value: string): string {
  const cleaned = value
    .normalize("NFKC")
    .toLowerCase()
    .trim()
    .replace(NOT_SLUG_CHARACTERS, "-")
    .replace(/\.{2,}/g, ".")
    .replace(/-{2,}/g, "-");
  return trimSlugEdges(cleaned);
}

/** The default slug of a post file: `2026-01-26-foo-bar.md` → `foo-bar`, `2018__x.md` → `x`, `foo/index.md` → `foo`. */
export function slugFromFileName(file: string): string {
  return normalizeSlug(parsePostFileName(file).name);
}

export function trimSlugEdges(slug: string): string {
  return slug.replace(/^[-.]+|[-.]+$/g, "");
}

/** Cuts a slug to at most `max` UTF-8 bytes, at a hyphen when one falls in the second half. */
export function truncateSlug(slug: string, max: number): string {
  if (slugBytes(slug) <= max) return slug;
  let cut = "";
  for (const character of slug) {
    if (slugBytes(cut + character) > max) break;
    cut += character;
  }
  const lastHyphen = cut.lastIndexOf("-");
  return trimSlugEdges(lastHyphen > cut.length / 2 ? cut.slice(0, lastHyphen) : cut);
}
