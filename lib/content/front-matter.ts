import matter from "gray-matter";
import yaml from "js-yaml";
import { parse as parseToml } from "smol-toml";
import { z } from "zod";
import { parsePostDate } from "./dates";
import { emptyPostFields, FieldError, META_KEYS, POST_FIELD_NAMES, postFields, type OptionalPostFields, type PostField, type PostFieldName, type PostInput } from "./fields";
import { excerptFrom } from "./excerpt";
import { parsePostFileName } from "./file-name";
import { repairPostSource } from "./front-matter-repair";
import { toJsonValue } from "./json-value";
import { readingMinutes } from "./reading-time";
import { isValidSlug, normalizeSlug, slugFromFileName, slugLengthProblem } from "./slug";
import type { ContentProblem, ParsedPostSource, Post } from "./types";


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

  const values: Partial<Record<PostFieldName, unknown>> = {};
  const usedKeys = new Set<string>();
  for (const name of POST_FIELD_NAMES) {
    const spec = postFields[name] as PostField<unknown>;
    if (!spec.keys || !spec.read) continue;
    const present = presentKeys(data, spec.keys);
    let value = present.length > 0 ? data[present[0]] : undefined;
    // js-yaml turns 2019-02-30 into March 2nd; the text as written is checked instead.
    if (value instanceof Date && present.length > 0) {
      const written = writtenValue(frontMatterLines, keyLine(present[0]));
      if (written !== null && /^\d{4}-/.test(written)) value = written;
    }
    try {
      values[name] = spec.read({ first: value, all: present.map((key) => data[key]), data });
      if (values[name] !== undefined) for (const key of present) usedKeys.add(key);
    } catch (error) {
      if (!(error instanceof FieldError)) throw error;
      const key = present[0] ?? spec.keys[0];
      const message = error.message.startsWith(key) || error.message.startsWith(name) ? error.message : `${key}: ${error.message}`;
      return problem(present.length > 0 ? keyLine(key) : 1, message);
    }
  }
  for (const key of presentKeys(data, [...META_KEYS.updated, ...META_KEYS.version, ...META_KEYS.ignored])) usedKeys.add(key);

  const title = typeof values.title === "string" ? values.title : "";
  if (title === "") return problem(keyLine("title") ?? 1, "title is required");

  let date = typeof values.date === "string" ? values.date : null;
  if (date === null) {
    const fromName = dateFromFileName(file);
    if (fromName === null) return problem(1, "date is required (and the file name has no date)");
    date = fromName.iso;
    warnings.push({ file, line: null, message: `date is missing; using ${fromName.label} from the file name` });
  }

  let updatedAt: string | null = null;
  const updatedKey = presentKeys(data, META_KEYS.updated)[0];
  if (updatedKey !== undefined && data[updatedKey] !== null) {
    updatedAt = parsePostDate(data[updatedKey]);
    if (updatedAt === null) warnings.push({ file, line: keyLine(updatedKey), message: `${updatedKey} is not a date; ignored` });
  }
  const versionKey = presentKeys(data, META_KEYS.version)[0];
  const versionValue = versionKey === undefined ? undefined : data[versionKey];
  const version = typeof versionValue === "number" && Number.isInteger(versionValue) && versionValue > 0 ? versionValue : null;

  let slug = slugFromFileName(file);
  if (typeof values.slug === "string" && values.slug !== "") {
    slug = normalizeSlug(values.slug);
    const tooLong = slugLengthProblem(slug);
    if (!isValidSlug(slug)) {
      return problem(keyLine(presentKeys(data, ["slug"])[0] ?? "slug"), tooLong ? `slug ${tooLong}` : `slug ${JSON.stringify(values.slug)} cannot be made a valid slug`);
    }
  }
  const nameTooLong = slugLengthProblem(slug);
  if (nameTooLong) return problem(null, `the slug from the file name ${nameTooLong}; set a shorter slug in the front matter`);
  if (!isValidSlug(slug)) return problem(null, "cannot derive a slug from the file name; set slug in the front matter");

  const extraValue = toJsonValue(Object.fromEntries(Object.entries(data).filter(([key]) => !usedKeys.has(key))));
  const extra = extraValue !== null && typeof extraValue === "object" && !Array.isArray(extraValue) ? extraValue : {};
  // Each value was read by its field's own `read` above; a field the file does not give keeps its empty value.
  const given = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined && value !== null)) as Partial<OptionalPostFields>;
  const input: PostInput = {
    ...emptyPostFields(),
    ...given,
    title,
    slug,
    date,
    draft: values.draft === true,
    format: /\.mdx$/i.test(file) ? "mdx" : "md",
    body,
    extra,
  };
  const post: Post = {
    ...input,
    description: input.description ?? excerptFrom(body, title),
    readingMinutes: readingMinutes(body),
    origin: { kind: "file", path: file },
    updatedAt,
  };
  return { ok: true, post, input, warnings, meta: { version } };
}

/** The keys of `data` that spell one of `keys` (case-insensitively, e.g. Hugo's `Author`), in the order of `keys`. */
function presentKeys(data: Record<string, unknown>, keys: readonly string[]): string[] {
  const found: string[] = [];
  for (const key of keys) {
    const name = key in data ? key : Object.keys(data).find((candidate) => candidate.toLowerCase() === key.toLowerCase());
    if (name !== undefined && !found.includes(name)) found.push(name);
  }
  return found;
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
