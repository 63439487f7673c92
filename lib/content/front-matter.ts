import matter from "gray-matter";
import yaml from "js-yaml";
import { parse as parseToml } from "smol-toml";
import { z } from "zod";
import { parsePostDate } from "./dates";
import { excerptFrom } from "./excerpt";
import { parsePostFileName } from "./file-name";
import { repairPostSource } from "./front-matter-repair";
import { toJsonValue } from "./json-value";
import { readingMinutes } from "./reading-time";
import { isValidSlug, normalizeSlug, slugFromFileName, slugLengthProblem } from "./slug";
import { splitTermList, uniqueTerms } from "./terms";
import type { ContentProblem, Post } from "./types";

export type ParsedPostSource =
  | { ok: true; post: Post; warnings: ContentProblem[] }
  | { ok: false; problem: ContentProblem };

/** Front-matter keys Digest interprets; every other key is kept in `extra`. `layout` is read and dropped. */
const KNOWN_KEYS = [
  "title", "date", "author", "source", "description", "summary", "categories", "category", "tags", "tag",
  "draft", "published", "slug", "updated", "lastmod", "layout",
] as const;
type KnownKey = (typeof KNOWN_KEYS)[number];
export const FRONT_MATTER_KEYS: ReadonlySet<string> = new Set(KNOWN_KEYS);

const scalarText = z.union([z.string(), z.number()]).transform(String);
const optionalText = (name: string) =>
  z
    .union([scalarText, z.null()], { error: `${name} must be text` })
    .optional()
    .transform((value) => (value == null || value.trim() === "" ? null : value.trim()));
const termList = z
  .union([scalarText, z.array(z.union([scalarText, z.null()])), z.null()], {
    error: "must be a list of names or a comma- or space-separated string",
  })
  .optional()
  .transform((value) => {
    if (value == null) return [];
    return typeof value === "string" ? splitTermList(value) : value.filter((item) => item !== null);
  });
const flag = z
  .union([z.boolean(), z.stringbool({ truthy: ["true"], falsy: ["false"] }), z.null()], {
    error: "must be true or false",
  })
  .optional()
  .transform((value) => value ?? null);

const frontMatterSchema = z.object({
  title: z
    .union([scalarText, z.null()], { error: "title must be text" })
    .optional()
    .transform((value) => value?.trim() ?? "")
    .pipe(z.string().min(1, "title is required")),
  author: z
    .union([scalarText, z.array(z.union([scalarText, z.null()])), z.null()], {
      error: "author must be text or a list of names",
    })
    .optional()
    .transform(authorText),
  source: optionalText("source"),
  description: optionalText("description"),
  summary: optionalText("summary"),
  categories: termList,
  category: termList,
  tags: termList,
  tag: termList,
  draft: flag,
  published: flag,
  slug: z.union([scalarText, z.null()], { error: "slug must be text" }).optional(),
});

/**
 * Reads a post file. What the strict reader refuses goes to the tolerant one (front-matter-repair.ts), whose every
 * repair is a warning; a file neither can read is refused with the strict reader's error, which names the line.
 */
export function parsePostSource(file: string, raw: string): ParsedPostSource {
  const strict = parseStrictPostSource(file, raw);
  if (strict.ok) return strict;
  return repairPostSource(file, raw, parseStrictPostSource)?.parsed ?? strict;
}

/** The post exactly as written, or why the file cannot be read: valid YAML/TOML front matter only. */
export function parseStrictPostSource(file: string, raw: string): ParsedPostSource {
  const problem = (line: number | null, message: string): ParsedPostSource => ({
    ok: false,
    problem: { file, line, message },
  });
  const warnings: ContentProblem[] = [];
  // CRLF files parse like LF ones; line numbers are unchanged by this.
  const text = raw.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const block = splitFrontMatter(text);
  if (block.kind === "unclosed") return problem(1, `front matter: no closing ${block.delimiter} line`);

  let data: Record<string, unknown> = {};
  if (block.kind === "found") {
    const read = readFrontMatter(block.delimiter, block.lines, (line, message) =>
      warnings.push({ file, line, message }),
    );
    if (!read.ok) return problem(read.line, read.message);
    data = read.data;
  }
  const body = block.kind === "found" ? block.body : text;
  const frontMatterLines = block.kind === "found" ? block.lines : [];
  const keyLine = (key: string): number | null => {
    const index = frontMatterLines.findIndex((line) => new RegExp(`^["']?${escapeRegExp(key)}["']?[ \\t]*[:=]`).test(line));
    return index === -1 ? null : index + 2;
  };

  const { known, keyNames, extra } = partition(data);
  const checked = frontMatterSchema.safeParse(known);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const key = typeof issue.path[0] === "string" ? issue.path[0] : null;
    const name = key ? (keyNames.get(key) ?? key) : null;
    const message = issue.message.startsWith(`${key} `) || key === null ? issue.message : `${name}: ${issue.message}`;
    return problem(key && known[key as KnownKey] !== undefined ? keyLine(name ?? key) : 1, message);
  }
  const fields = checked.data;

  let date: string | null = null;
  if (known.date !== undefined && known.date !== null) {
    // js-yaml turns 2019-02-30 into March 2nd; the text as written is checked instead.
    const written = known.date instanceof Date ? writtenValue(frontMatterLines, keyLine(keyNames.get("date") ?? "date")) : null;
    date = parsePostDate(written !== null && /^\d{4}-/.test(written) ? written : known.date);
    if (date === null) return problem(keyLine(keyNames.get("date") ?? "date"), `date is not a date: ${JSON.stringify(toJsonValue(known.date))}`);
  } else {
    const fromName = dateFromFileName(file);
    if (fromName === null) return problem(1, "date is required (and the file name has no date)");
    date = fromName.iso;
    warnings.push({ file, line: null, message: `date is missing; using ${fromName.label} from the file name` });
  }

  let updatedAt: string | null = null;
  const updatedValue = known.updated ?? known.lastmod;
  if (updatedValue !== undefined && updatedValue !== null) {
    updatedAt = parsePostDate(updatedValue);
    if (updatedAt === null) {
      const name = known.updated !== undefined ? "updated" : "lastmod";
      warnings.push({ file, line: keyLine(keyNames.get(name) ?? name), message: `${name} is not a date; ignored` });
    }
  }

  let slug = slugFromFileName(file);
  if (fields.slug != null && fields.slug.trim() !== "") {
    slug = normalizeSlug(fields.slug);
    const tooLong = slugLengthProblem(slug);
    if (!isValidSlug(slug)) return problem(keyLine(keyNames.get("slug") ?? "slug"), tooLong ? `slug ${tooLong}` : `slug ${JSON.stringify(fields.slug)} cannot be made a valid slug`);
  }
  const nameTooLong = slugLengthProblem(slug);
  if (nameTooLong) return problem(null, `the slug from the file name ${nameTooLong}; set a shorter slug in the front matter`);
  if (!isValidSlug(slug)) return problem(null, "cannot derive a slug from the file name; set slug in the front matter");

  const title = fields.title;
  const description = fields.description ?? fields.summary ?? excerptFrom(body, title);
  const post: Post = {
    slug,
    title,
    date,
    author: fields.author,
    source: fields.source,
    description,
    tags: uniqueTerms([...fields.tags, ...fields.tag]),
    categories: uniqueTerms([...fields.categories, ...fields.category]),
    draft: fields.draft === true || fields.published === false,
    format: /\.mdx$/i.test(file) ? "mdx" : "md",
    body,
    readingMinutes: readingMinutes(body),
    extra,
    origin: { kind: "file", path: file },
    updatedAt,
  };
  return { ok: true, post, warnings };
}

type FrontMatterBlock =
  | { kind: "none" }
  | { kind: "unclosed"; delimiter: string }
  | { kind: "found"; delimiter: "---" | "+++"; lines: string[]; body: string };

/** Finds the block ourselves so an opener like `---  ` and stray `---x` lines inside it behave predictably. */
function splitFrontMatter(text: string): FrontMatterBlock {
  const lines = text.split("\n");
  const opener = /^(---|\+\+\+)[ \t]*$/.exec(lines[0] ?? "");
  if (!opener) return { kind: "none" };
  const delimiter = opener[1] === "+++" ? "+++" : "---";
  const closing = /^(---|\+\+\+|\.\.\.)[ \t]*$/;
  const end = lines.findIndex((line, index) => index > 0 && closing.test(line) && (line.startsWith(delimiter) || (delimiter === "---" && line.startsWith("..."))));
  if (end === -1) return { kind: "unclosed", delimiter };
  return { kind: "found", delimiter, lines: lines.slice(1, end), body: lines.slice(end + 1).join("\n") };
}

type FrontMatterRead = { ok: true; data: Record<string, unknown> } | { ok: false; line: number | null; message: string };

const yamlErrorShape = z.object({ reason: z.string(), mark: z.object({ line: z.number() }).optional() });
const tomlErrorShape = z.object({ message: z.string(), line: z.number() });
const plainObject = z.record(z.string(), z.unknown());

function readFrontMatter(
  delimiter: "---" | "+++",
  lines: string[],
  warn: (line: number | null, message: string) => void,
): FrontMatterRead {
  const isToml = delimiter === "+++";
  // gray-matter hands its engines the text after the opening delimiter, which starts with that line's "\n": an engine's
  // 0-based line number is therefore the 1-based line in the file minus one.
  const yamlEngine = (source: string): object => {
    try {
      return asObject(yaml.safeLoad(source));
    } catch (error) {
      const parsed = yamlErrorShape.safeParse(error);
      if (!parsed.success || !parsed.data.reason.startsWith("duplicated mapping key")) throw error;
      const markLine = parsed.data.mark ? (source.split("\n")[parsed.data.mark.line] ?? "") : "";
      const key = /^\s*["']?([^"':]+)/.exec(markLine)?.[1]?.trim();
      warn(lineOfMark(parsed.data.mark), `front matter: repeated key${key ? ` "${key}"` : ""} (the last value is used)`);
      // js-yaml's JSON mode lets a repeated key override the earlier one, as JSON.parse does.
      return asObject(yaml.safeLoad(source, { json: true }));
    }
  };
  const toml = (source: string): object => parseToml(source);

  try {
    const file = matter(`${delimiter}\n${lines.join("\n")}\n${delimiter}\n`, {
      delimiters: delimiter,
      language: isToml ? "toml" : "yaml",
      engines: { yaml: yamlEngine, toml },
    });
    const data = plainObject.safeParse(file.data);
    if (!data.success) return { ok: false, line: 2, message: "front matter must be a mapping of keys to values" };
    return { ok: true, data: data.data };
  } catch (error) {
    if (error instanceof NotAMapping) return { ok: false, line: 2, message: "front matter must be a mapping of keys to values" };
    const yamlError = yamlErrorShape.safeParse(error);
    if (!isToml && yamlError.success) {
      return { ok: false, line: lineOfMark(yamlError.data.mark), message: `front matter: ${yamlError.data.reason}` };
    }
    const tomlError = tomlErrorShape.safeParse(error);
    if (isToml && tomlError.success) {
      const reason = tomlError.data.message.split("\n")[0].replace(/^Invalid TOML document:\s*/, "");
      return { ok: false, line: tomlError.data.line, message: `front matter: ${reason}` };
    }
    return { ok: false, line: 1, message: `front matter: ${error instanceof Error ? error.message : String(error)}` };
  }
}

class NotAMapping extends Error {}

function asObject(value: unknown): object {
  if (value === undefined || value === null) return {};
  if (typeof value !== "object" || Array.isArray(value) || value instanceof Date) throw new NotAMapping();
  return value;
}

function lineOfMark(mark: { line: number } | undefined): number | null {
  return mark ? mark.line + 1 : null;
}

/** Splits the front matter into the keys Digest reads (matched case-insensitively, e.g. Hugo's `Author`) and `extra`. */
function partition(data: Record<string, unknown>): {
  known: Partial<Record<KnownKey, unknown>>;
  keyNames: Map<string, string>;
  extra: Record<string, unknown>;
} {
  const known: Partial<Record<KnownKey, unknown>> = {};
  const keyNames = new Map<string, string>();
  for (const key of KNOWN_KEYS) {
    const name = key in data ? key : Object.keys(data).find((candidate) => candidate.toLowerCase() === key);
    if (name === undefined) continue;
    known[key] = data[name];
    keyNames.set(key, name);
  }
  const used = new Set(keyNames.values());
  const extra = toJsonValue(Object.fromEntries(Object.entries(data).filter(([key]) => !used.has(key))));
  return { known, keyNames, extra: extra !== null && typeof extra === "object" && !Array.isArray(extra) ? extra : {} };
}

function authorText(value: string | (string | null)[] | null | undefined): string | null {
  const names = (Array.isArray(value) ? value : [value]).flatMap((name) => (name == null ? [] : [name.replace(/\s+/g, " ").trim()]));
  const joined = names.filter((name) => name !== "").join(", ");
  return joined === "" ? null : joined;
}

function dateFromFileName(file: string): { iso: string; label: string } | null {
  const parts = parsePostFileName(file);
  if (parts.day) return { iso: `${parts.day}T00:00:00.000Z`, label: parts.day };
  if (parts.month) return { iso: `${parts.month}-01T00:00:00.000Z`, label: `${parts.month}-01` };
  if (parts.year) return { iso: `${parts.year}-01-01T00:00:00.000Z`, label: `${parts.year}-01-01` };
  return null;
}

/** The unquoted scalar after `key:` on a 1-based file line, when it is written on that line. */
function writtenValue(frontMatterLines: string[], line: number | null): string | null {
  if (line === null) return null;
  const match = /^[^:=]+[:=][ \t]*["']?([^"'#]*?)["']?[ \t]*(?:#.*)?$/.exec(frontMatterLines[line - 2] ?? "");
  return match ? match[1] : null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
