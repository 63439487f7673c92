import { parsePostFileName } from "./file-name";

/**
 * Slugs appear in URLs and, for file posts, in file names, so they must be safe in both: lowercase Unicode letters
 * (Chinese titles make Chinese slugs), digits, `-`, `_` and `.`, never a path separator, `..`, whitespace or control
 * character, and no leading or trailing `-`/`.` (those read as options or hidden files).
 */
const MAX_SLUG_LENGTH = 200;
const SLUG_SHAPE = /^[\p{L}\p{M}\p{Nd}_](?:[\p{L}\p{M}\p{Nd}_.-]*[\p{L}\p{M}\p{Nd}_])?$/u;
const NOT_SLUG_CHARACTERS = /[^\p{L}\p{M}\p{Nd}_.-]+/gu;
const TITLE_SLUG_LENGTH = 80;

export function isValidSlug(slug: string): boolean {
  const length = [...slug].length;
  return (
    length >= 1 &&
    length <= MAX_SLUG_LENGTH &&
    slug === slug.toLowerCase() &&
    slug === slug.normalize("NFC") &&
    !slug.includes("..") &&
    SLUG_SHAPE.test(slug)
  );
}

/** Best-effort repair of a slug someone typed or a file name gave. Returns "" when nothing usable is left. */
export function normalizeSlug(value: string): string {
  const cleaned = value
    .normalize("NFKC")
    .toLowerCase()
    .trim()
    .replace(NOT_SLUG_CHARACTERS, "-")
    .replace(/\.{2,}/g, ".")
    .replace(/-{2,}/g, "-");
  return trimSlugEdges(truncate(trimSlugEdges(cleaned), MAX_SLUG_LENGTH));
}

/** The default slug of a post file: `2026-01-26-foo-bar.md` → `foo-bar`, `2018__x.md` → `x`, `foo/index.md` → `foo`. */
export function slugFromFileName(file: string): string {
  return normalizeSlug(parsePostFileName(file).name);
}

/**
 * A slug for a new post: Latin letters lose their accents (so `Café` → `cafe`), CJK and other scripts are kept, and
 * every run of punctuation becomes one `-`. Titles with no letter or digit at all get "post".
 */
export function slugFromTitle(title: string): string {
  const folded = [...title.normalize("NFC")]
    .map((character) => LATIN_LIGATURES[character] ?? foldLatinAccents(character))
    .join("");
  const slug = normalizeSlug(folded.replace(/[._]+/g, "-"));
  const short = trimSlugEdges(truncateAtHyphen(slug, TITLE_SLUG_LENGTH));
  return isValidSlug(short) ? short : "post";
}

const LATIN_LIGATURES: Record<string, string> = {
  ß: "ss", æ: "ae", Æ: "ae", œ: "oe", Œ: "oe", ø: "o", Ø: "o", đ: "d", Đ: "d", ł: "l", Ł: "l", þ: "th", Þ: "th",
};

// Only the Latin combining diacritics are dropped: decomposing a whole title would also split Hangul syllables.
function foldLatinAccents(character: string): string {
  const decomposed = character.normalize("NFD");
  const stripped = decomposed.replace(/[\u0300-\u036f]/g, "");
  return stripped === decomposed ? character : stripped;
}

function trimSlugEdges(slug: string): string {
  return slug.replace(/^[-.]+|[-.]+$/g, "");
}

function truncate(value: string, max: number): string {
  const characters = [...value];
  return characters.length <= max ? value : characters.slice(0, max).join("");
}

function truncateAtHyphen(slug: string, max: number): string {
  const cut = truncate(slug, max);
  if (cut === slug) return slug;
  const lastHyphen = cut.lastIndexOf("-");
  return lastHyphen > cut.length / 2 ? cut.slice(0, lastHyphen) : cut;
}
