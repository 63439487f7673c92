/**
 * What a post's file name says about it. Jekyll names posts `YYYY-MM-DD-slug.md`; the Kubernetes blog corpus flattens
 * Hugo page bundles into names like `2020-09-03-warnings__index.md` (for `2020-09-03-warnings/index.md`) and prefixes
 * undated posts with their year folder: `2018__dynamic-ingress-kubernetes.md`.
 */

const POST_EXTENSION = /\.(md|mdx|markdown)$/i;
const BUNDLE_INDEX = /^index\.(md|mdx|markdown)$/i;
const FLATTENED_BUNDLE = /__index\.(md|mdx|markdown)$/i;
const YEAR_FOLDER = /^(\d{4})__(.*)$/;
const DATE_PREFIX = /^(\d{4})-(\d{2})-(\d{2})(?:-(.*))?$/;

export interface FileNameParts {
  /** The name without date prefix, year folder or extension: the default slug before normalisation. */
  name: string;
  /** `YYYY-MM-DD` when the name starts with a real calendar date. */
  day: string | null;
  /** `YYYY-MM` when the prefix has a real month but day `00` (the Kubernetes blog uses that for "some day that month"). */
  month: string | null;
  year: number | null;
}

/** The bundle folder or the base name, without extensions: `a/2020-x/index.md` → `2020-x`. */
export function postFileStem(file: string): string {
  const parts = file.split(/[\\/]+/).filter((part) => part !== "");
  let name = parts.at(-1) ?? "";
  if (BUNDLE_INDEX.test(name) && parts.length > 1) name = parts.at(-2) ?? name;
  name = name.replace(FLATTENED_BUNDLE, "");
  while (POST_EXTENSION.test(name)) name = name.replace(POST_EXTENSION, "");
  return name;
}

export function parsePostFileName(file: string): FileNameParts {
  let rest = postFileStem(file);
  let year: number | null = null;

  const folder = YEAR_FOLDER.exec(rest);
  if (folder) {
    year = Number(folder[1]);
    rest = folder[2];
  }

  let day: string | null = null;
  let month: string | null = null;
  const dated = DATE_PREFIX.exec(rest);
  if (dated) {
    const [, y, m, d, tail] = dated;
    year = Number(y);
    if (isCalendarDate(Number(y), Number(m), Number(d))) day = `${y}-${m}-${d}`;
    else if (d === "00" && Number(m) >= 1 && Number(m) <= 12) month = `${y}-${m}`;
    // A file named only by its date keeps the date as its name.
    if (tail) rest = tail;
  }

  return { name: rest, day, month, year };
}

export function isCalendarDate(year: number, month: number, day: number): boolean {
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}
