import yaml from "js-yaml";
import { parse as parseToml } from "smol-toml";
import { parsePostDate } from "./dates";
import { parsePostFileName } from "./file-name";
import { CHINESE_FRONT_MATTER_KEYS } from "./front-matter-repair-keys";
import { readHumanDate } from "./human-date";
import type { ContentProblem, ParsedPostSource } from "./types";

/**
 * The tolerant reader behind the strict one (issue 10). Hand-written Chinese front matter is full of what YAML
 * refuses: a closing ” after an opening ", `原文链接：https://…` lines with a full-width colon, Chinese keys, dates
 * like `2018年10月16日`, values holding a bare `: `, tab indentation. For a file the strict reader refused, this rewrites
 * the front matter as the author meant it, line for line, and has the strict reader read the result; each repair is a
 * warning on its line. Nothing runs for a file the strict reader accepts, so no valid file changes meaning.
 */

export interface FrontMatterRepair {
  /** The whole file with its front matter repaired; BOM, line endings and every byte of the body are kept. */
  text: string;
  /** One warning per repair, on the line of the file it was made on. */
  repairs: ContentProblem[];
}

export type StrictPostParser = (file: string, raw: string) => ParsedPostSource;

export interface RepairedPostSource {
  parsed: ParsedPostSource & { ok: true };
  /** The repaired file, which the strict reader accepts: what `content:check --fix` writes. */
  text: string;
  /** The repairs alone (also among `parsed.warnings`, with what the strict reader warns about). */
  repairs: ContentProblem[];
}

/**
 * Repairs a file the strict reader refused and reads it with that reader. Null when the file is still refused: the
 * caller then reports the strict reader's own error, which names the line to fix.
 */
export function repairPostSource(file: string, raw: string, strict: StrictPostParser): RepairedPostSource | null {
  const repair = repairFrontMatter(file, raw);
  if (repair === null) return null;
  const parsed = strict(file, repair.text);
  if (!parsed.ok) return null;
  return { parsed: { ...parsed, warnings: [...repair.repairs, ...parsed.warnings] }, text: repair.text, repairs: repair.repairs };
}

const OPENER = /^(---|\+\+\+)[ \t]*$/;
const CLOSER = /^(---|\+\+\+|\.\.\.)[ \t]*$/;
/** How far past an empty front matter the fields of a hand-written one are looked for. */
const MAX_LATE_FIELD_LINES = 40;

/** The repaired file and its repairs, or null when there was nothing this reader knows how to repair. */
export function repairFrontMatter(file: string, raw: string): FrontMatterRepair | null {
  const bom = raw.startsWith("\uFEFF") ? "\uFEFF" : "";
  const parts = raw.slice(bom.length).split(/(\r\n|\r|\n)/);
  const lines = parts.filter((_, index) => index % 2 === 0);
  const endings = parts.filter((_, index) => index % 2 === 1);
  const opener = OPENER.exec(lines[0] ?? "");
  if (!opener) return null;
  const delimiter = opener[1];
  const isClosing = (line: string) => CLOSER.test(line) && (line.startsWith(delimiter) || (delimiter === "---" && line.startsWith("...")));
  let end = lines.findIndex((line, index) => index > 0 && isClosing(line));
  if (end === -1) return null;

  const repairs: ContentProblem[] = [];
  const note = (line: number, message: string) => repairs.push({ file, line, message });
  const syntax = delimiter === "+++" ? TOML : YAML;

  // `---`, `---`, then the fields: the second line closed an empty front matter before the fields it was meant to open.
  if (lines.slice(1, end).every(isBlank)) {
    const later = closingAfterLateFields(lines, end, isClosing, syntax);
    if (later !== -1) {
      note(end + 1, `${delimiter} after an empty front matter ignored: lines ${end + 2}–${later} are read as front matter`);
      lines[end] = "";
      end = later;
    }
  }

  const fields = syntax.repairLines(lines, 1, end, { file, note });
  if (repairs.length === 0) return null;

  if (!fields.has("title")) {
    const heading = firstHeading(lines, end);
    if (heading !== null) {
      note(heading.line, `title is missing; using this heading: ${heading.text}`);
      const at = syntax.topLevelEnd(lines, 1, end);
      lines.splice(at, 0, syntax.field("title", JSON.stringify(heading.text)));
      endings.splice(at, 0, endings[0] ?? "\n");
    }
  }

  repairs.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const text = bom + lines.map((line, index) => line + (endings[index] ?? "")).join("");
  return { text, repairs };
}

interface RepairContext {
  file: string;
  note: (line: number, message: string) => void;
}

interface Syntax {
  /** Repairs lines [from, to) in place; returns the top-level keys the front matter ends up with, lowercased. */
  repairLines(lines: string[], from: number, to: number, context: RepairContext): Set<string>;
  /** Whether a line looks like a field, for finding fields after an empty front matter. */
  isFieldLine(line: string): boolean;
  field(key: string, value: string): string;
  /** Where a new top-level field can go: the end of the block, or before TOML's first `[table]`. */
  topLevelEnd(lines: string[], from: number, to: number): number;
}

function isBlank(line: string): boolean {
  return line.trim() === "";
}

function closingAfterLateFields(lines: string[], end: number, isClosing: (line: string) => boolean, syntax: Syntax): number {
  let fields = 0;
  for (let index = end + 1; index < lines.length && index <= end + MAX_LATE_FIELD_LINES; index++) {
    const line = lines[index];
    if (isClosing(line)) return fields > 0 ? index : -1;
    if (isBlank(line) || /^\s/.test(line) || /^-\s/.test(line)) continue;
    if (!syntax.isFieldLine(line)) return -1;
    fields++;
  }
  return -1;
}

/** The first line of the body, when it is a Markdown heading. */
function firstHeading(lines: string[], end: number): { line: number; text: string } | null {
  for (let index = end + 1; index < lines.length; index++) {
    if (isBlank(lines[index])) continue;
    const heading = /^#{1,6}[ \t]/.exec(lines[index]);
    if (!heading) return null;
    // A closing run of #s (`## Title ##`) is not part of the title.
    let text = lines[index].slice(heading[0].length).trim();
    const closing = text.length - text.replace(/#+$/, "").length;
    if (closing > 0 && closing < text.length && /[ \t]/.test(text[text.length - closing - 1])) text = text.slice(0, -closing).trim();
    return text === "" ? null : { line: index + 1, text };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------------
// Reading one line

interface FieldLine {
  indent: string;
  /** The key as written, without quotes. */
  key: string;
  /** Everything up to the value as written (`title: `), kept when neither key nor separator changes. */
  prefix: string;
  value: string;
  /** `原文链接：…`: a full-width colon is the separator, so the value is a person's text, not YAML. */
  fullWidth: boolean;
  /** A full-width or no-break space where the separator's space belongs. */
  oddSpace: boolean;
}

/** What can start a key, and a key people write by hand: words, digits, `_`, `-`, `.`, inner spaces; at most 40. */
const KEY_TEXT = /^[\p{L}\p{N}_][\p{L}\p{N}_ .-]{0,39}$/u;
// Keys are bounded ({0,39}, {0,99}) so a long line without a separator costs linear time, not quadratic backtracking.
const FULL_WIDTH_FIELD = /^(\s*)([^\s"'#:：=,[\]{}&*!|>%@`-][^:：=]{0,39}?)[ \t\u3000]*：[\s]*(.*)$/u;
const ODD_SPACE = /[\u3000\u00a0]/;

function fullWidthField(line: string): FieldLine | null {
  const match = FULL_WIDTH_FIELD.exec(line);
  if (!match || !KEY_TEXT.test(match[2])) return null;
  return { indent: match[1], key: match[2], prefix: "", value: match[3].trimEnd(), fullWidth: true, oddSpace: false };
}

/** Keys people type in Chinese front matter mean our fields; anything else keeps its own name. */
function mappedKey(key: string): string | undefined {
  return CHINESE_FRONT_MATTER_KEYS[key.normalize("NFKC").trim()];
}

function plainKey(key: string): string {
  return key.toLowerCase();
}

/**
 * The name each top-level field ends up with: a Chinese key becomes the field it means unless that field is already
 * written (in English, or by an earlier Chinese key), so a repair never shadows what the file says elsewhere.
 */
function renameKeys(fields: (FieldLine | null)[]): { names: (string | null)[]; keys: Set<string> } {
  const taken = new Set(fields.flatMap((field) => (field && mappedKey(field.key) === undefined ? [plainKey(field.key)] : [])));
  const names = fields.map((field) => {
    if (!field) return null;
    const target = mappedKey(field.key);
    if (target === undefined || taken.has(target)) return field.key;
    taken.add(target);
    return target;
  });
  const keys = new Set(names.flatMap((name) => (name === null ? [] : [plainKey(name)])));
  return { names, keys };
}

// ---------------------------------------------------------------------------------------------------------------------
// Quotes

interface QuoteRules {
  /** YAML escapes a single quote inside single quotes by doubling it; TOML has no escape there. */
  doubledSingleQuote: boolean;
}

/**
 * Closes an ASCII-quoted scalar that a Chinese closing quote ends: `"Envoy线程模型”`, `["gRPC-Web”,"istio"]`. A ” closes
 * only where a closing quote would be followed by what follows it: the end of the value (or a comment), or, inside
 * a flow list, a comma or bracket. Inside a list a full-width comma right after such a scalar separates items.
 */
function closeChineseQuotes(value: string, rules: QuoteRules): { value: string; notes: string[] } | null {
  let out = "";
  let depth = 0;
  let state: "plain" | "double" | "single" = "plain";
  let justClosed = false;
  // The last character outside a quoted scalar that is not a space: a quote opens a scalar only after one of `[{,:=`.
  let lastSignificant = "";
  const notes: string[] = [];
  const closesHere = (index: number) => {
    let next = index + 1;
    while (next < value.length && /\s/.test(value[next])) next++;
    if (next === value.length) return true;
    return depth > 0 ? /[,，\]}]/.test(value[next]) : value[next] === "#";
  };
  for (let index = 0; index < value.length; index++) {
    const character = value[index];
    if (state === "double") {
      if (character === "\\") {
        out += character + (value[index + 1] ?? "");
        index++;
      } else if (character === '"') {
        out += character;
        state = "plain";
        justClosed = true;
      } else if ((character === "”" || character === "“") && closesHere(index)) {
        out += '"';
        state = "plain";
        justClosed = true;
        notes.push(`closing quote ${character} read as "`);
      } else out += character;
      continue;
    }
    if (state === "single") {
      if (character === "'" && rules.doubledSingleQuote && value[index + 1] === "'") {
        out += "''";
        index++;
      } else if (character === "'") {
        out += character;
        state = "plain";
        justClosed = true;
      } else if ((character === "’" || character === "‘") && closesHere(index)) {
        out += "'";
        state = "plain";
        justClosed = true;
        notes.push(`closing quote ${character} read as '`);
      } else out += character;
      continue;
    }
    if (character === "，" && depth > 0 && justClosed) {
      out += ",";
      notes.push("full-width comma ， read as ,");
      justClosed = false;
      lastSignificant = ",";
      continue;
    }
    const opensScalar = lastSignificant === "" || "[{,:=".includes(lastSignificant);
    if (character === '"' && opensScalar) state = "double";
    else if (character === "'" && opensScalar) state = "single";
    else if (character === "[" || character === "{") depth++;
    else if (character === "]" || character === "}") depth--;
    if (!/\s/.test(character)) {
      justClosed = false;
      lastSignificant = character;
    }
    out += character;
  }
  return notes.length > 0 ? { value: out, notes } : null;
}

/** A plain YAML value's text and its trailing comment (` # …`). */
function splitComment(value: string): { text: string; comment: string } {
  const at = value.search(/\s#/);
  return at === -1 ? { text: value, comment: "" } : { text: value.slice(0, at).trimEnd(), comment: value.slice(at).trim() };
}

// ---------------------------------------------------------------------------------------------------------------------
// YAML

const FAILED = Symbol("failed");

function yamlValue(value: string, form: "key" | "item" = "key"): unknown {
  try {
    if (form === "item") {
      const list = yaml.safeLoad(`- ${value}`);
      return Array.isArray(list) ? list[0] : FAILED;
    }
    const doc = yaml.safeLoad(`k: ${value}`);
    return doc !== null && typeof doc === "object" && !Array.isArray(doc) ? (doc as Record<string, unknown>).k : FAILED;
  } catch {
    return FAILED;
  }
}

const YAML_KEY = /^(\s*)(?:"([^"\n]{0,100})"|'([^'\n]{0,100})'|([^\s"'#:：,[\]{}&*!|>%@`?-][^:：#]{0,99}?))[ \t]*:(\s*)(.*)$/u;
const BLOCK_SCALAR = /^[|>][-+0-9]*\s*(#.*)?$/;

function yamlField(line: string): FieldLine | null {
  const match = YAML_KEY.exec(line);
  // `url:https://…` is not a key: YAML wants a space after the colon.
  if (match && (match[5] !== "" || match[6] === "")) {
    const [, indent, doubleQuoted, singleQuoted, plain, space, value] = match;
    const key = doubleQuoted ?? singleQuoted ?? plain;
    return {
      indent,
      key,
      prefix: line.slice(0, line.length - value.length),
      value: value.trimEnd(),
      fullWidth: false,
      oddSpace: ODD_SPACE.test(space),
    };
  }
  return fullWidthField(line);
}

function yamlKeyText(key: string): string {
  return isPlainYamlKey(key) ? key : JSON.stringify(key);
}

function isPlainYamlKey(key: string): boolean {
  try {
    const doc = yaml.safeLoad(`${key}: x`);
    return doc !== null && typeof doc === "object" && Object.keys(doc).length === 1 && Object.keys(doc)[0] === key;
  } catch {
    return false;
  }
}

/** Repairs one YAML value (after `key: ` or `- `) that YAML refuses on its own; notes what it did. */
function repairYamlValue(value: string, form: "key" | "item", label: string, note: (message: string) => void): string {
  if (value === "" || yamlValue(value, form) !== FAILED) return value;
  if (/^["'[{]/.test(value)) {
    const closed = closeChineseQuotes(value, { doubledSingleQuote: true });
    if (closed && yamlValue(closed.value, form) !== FAILED) {
      closed.notes.forEach(note);
      return closed.value;
    }
  }
  const { text, comment } = splitComment(value);
  const reason = plainTextReason(text);
  if (reason === null) return value;
  const quoted = JSON.stringify(text) + (comment === "" ? "" : ` ${comment}`);
  if (yamlValue(quoted, form) === FAILED) return value;
  note(`value of ${label} read as text (${reason})`);
  return quoted;
}

/** Why YAML refuses a value a person meant as plain text, or null when it is not plain text (a quoted or flow value cut short). */
function plainTextReason(text: string): string | null {
  if (/^[@`%]/.test(text)) return `it starts with ${text[0]}`;
  if (/^\[[^\]]*\][ \t]*[^\s#,]/.test(text)) return "it starts with [";
  if (/^["'[{|>&*!]/.test(text)) return null;
  if (/:\s/.test(text)) return 'it holds ": "';
  if (text.endsWith(":")) return 'it ends with ":"';
  return null;
}

/** A person's text after `键：` as a YAML value: as written when YAML reads it back unchanged, else quoted. */
function yamlTextValue(text: string, key: string, note: (message: string) => void): string {
  if (text === "") return "";
  if (/^["'[{]/.test(text)) return repairYamlValue(text, "key", key, note);
  const read = yamlValue(text);
  const same = typeof read === "string" ? read === text : plainKey(key) === "date" && read instanceof Date;
  return same ? text : JSON.stringify(text);
}

function yamlDateValue(text: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : JSON.stringify(text);
}

/** The date as written, without YAML's quotes or comment. */
function writtenYamlDate(value: string): string {
  const read = yamlValue(value);
  if (typeof read === "string") return read.trim();
  return splitComment(value).text.replace(/^["']|["']$/g, "").trim();
}

const YAML: Syntax = {
  isFieldLine: (line) => yamlField(line) !== null,
  field: (key, value) => `${key}: ${value}`,
  topLevelEnd: (_lines, _from, to) => to,
  repairLines(lines, from, to, context) {
    const fields: (FieldLine | null)[] = [];
    let scalarParent: number | null = null;
    for (let index = from; index < to; index++) {
      const n = index + 1;
      if (lines[index].startsWith("\t")) {
        const indent = /^[ \t]*/.exec(lines[index])?.[0] ?? "";
        lines[index] = indent.replace(/\t/g, "  ") + lines[index].slice(indent.length);
        context.note(n, "tab indentation read as spaces");
      }
      const line = lines[index];
      const indent = line.length - line.trimStart().length;
      // Inside a `|` or `>` block every line is text, whatever it looks like.
      if (scalarParent !== null && (isBlank(line) || indent > scalarParent)) {
        fields.push(null);
        continue;
      }
      scalarParent = null;
      const field = isBlank(line) || line.trimStart().startsWith("#") ? null : yamlField(line);
      if (field && BLOCK_SCALAR.test(field.value)) scalarParent = field.indent.length;
      fields.push(field && field.indent === "" ? field : null);
      if (field && field.indent !== "") lines[index] = repairNestedYaml(line, field, (message) => context.note(n, message));
      else if (!field) lines[index] = repairYamlItem(line, (message) => context.note(n, message));
    }

    const { names, keys } = renameKeys(fields);
    fields.forEach((field, offset) => {
      if (!field) return;
      const index = from + offset;
      const n = index + 1;
      const key = names[offset] ?? field.key;
      const note = (message: string) => context.note(n, message);
      if (field.fullWidth) note("full-width colon ： read as :");
      if (key !== field.key) note(`key ${field.key} read as ${key}`);
      let value: string;
      if (field.fullWidth) {
        value = yamlTextValue(field.value, key, note);
      } else {
        if (field.oddSpace) note(`full-width space after ${field.key}: read as a space`);
        value = repairYamlValue(field.value, "key", key, note);
      }
      if (plainKey(key) === "date") value = repairDate(value, writtenYamlDate, yamlDateValue, context.file, note);
      const unchanged = !field.fullWidth && !field.oddSpace && key === field.key && value === field.value;
      if (!unchanged) lines[index] = value === "" ? `${yamlKeyText(key)}:` : `${yamlKeyText(key)}: ${value}`;
    });
    return keys;
  },
};

function repairNestedYaml(line: string, field: FieldLine, note: (message: string) => void): string {
  if (field.fullWidth) return line;
  const value = repairYamlValue(field.value, "key", field.key, note);
  return value === field.value ? line : field.prefix + value;
}

function repairYamlItem(line: string, note: (message: string) => void): string {
  const item = /^(\s*-\s+)(.*)$/.exec(line);
  if (!item) return line;
  const written = item[2].trimEnd();
  const value = repairYamlValue(written, "item", "a list item", note);
  return value === written ? line : item[1] + value;
}

// ---------------------------------------------------------------------------------------------------------------------
// TOML (Hugo's `+++`)

const TOML_KEY = /^(\s*)(?:"([^"\n]{0,100})"|'([^'\n]{0,100})'|([^\s"'#=：[\]{}][^=：#"']{0,99}?))[ \t]*=([ \t]*)(.*)$/u;

function tomlValue(value: string): unknown {
  try {
    return parseToml(`k = ${value}`).k;
  } catch {
    return FAILED;
  }
}

function tomlField(line: string): FieldLine | null {
  const match = TOML_KEY.exec(line);
  if (match) {
    const [, indent, doubleQuoted, singleQuoted, bare, , value] = match;
    const key = (doubleQuoted ?? singleQuoted ?? bare).trim();
    return { indent, key, prefix: line.slice(0, line.length - value.length), value: value.trimEnd(), fullWidth: false, oddSpace: false };
  }
  return fullWidthField(line);
}

function tomlKeyText(key: string): string {
  return TOML_BARE_KEY.test(key) ? key : JSON.stringify(key);
}

function repairTomlValue(value: string, label: string, note: (message: string) => void): string {
  if (value === "" || tomlValue(value) !== FAILED) return value;
  if (/^["'[{]/.test(value)) {
    const closed = closeChineseQuotes(value, { doubledSingleQuote: false });
    if (closed && tomlValue(closed.value) !== FAILED) {
      closed.notes.forEach(note);
      return closed.value;
    }
    return value;
  }
  const { text } = splitComment(value);
  note(`value of ${label} read as text (TOML needs quotes around it)`);
  return JSON.stringify(text);
}

function writtenTomlDate(value: string): string {
  const read = tomlValue(value);
  if (typeof read === "string") return read.trim();
  return splitComment(value).text.replace(/^["']|["']$/g, "").trim();
}

const TOML_TABLE = /^\[\[?[^\]=]+\]\]?\s*(#.*)?$/;
/** Keys TOML reads as written: bare ASCII (dotted too) or quoted. */
const TOML_BARE_KEY = /^[A-Za-z0-9_.-]+$/;

const TOML: Syntax = {
  isFieldLine: (line) => tomlField(line) !== null,
  field: (key, value) => `${key} = ${value}`,
  topLevelEnd(lines, from, to) {
    const table = lines.slice(from, to).findIndex((line) => TOML_TABLE.test(line.trim()));
    return table === -1 ? to : from + table;
  },
  repairLines(lines, from, to, context) {
    const fields: (FieldLine | null)[] = [];
    let inTable = false;
    for (let index = from; index < to; index++) {
      const line = lines[index].trim();
      if (TOML_TABLE.test(line)) inTable = true;
      const field = line === "" || line.startsWith("#") || TOML_TABLE.test(line) ? null : tomlField(lines[index]);
      // Keys inside a table (`[params]`) are not the post's fields: only their values are repaired.
      fields.push(field && !inTable ? field : null);
      if (field && inTable && !field.fullWidth) {
        const value = repairTomlValue(field.value, field.key, (message) => context.note(index + 1, message));
        if (value !== field.value) lines[index] = field.prefix + value;
      }
    }
    const { names, keys } = renameKeys(fields);
    fields.forEach((field, offset) => {
      if (!field) return;
      const index = from + offset;
      const note = (message: string) => context.note(index + 1, message);
      const key = names[offset] ?? field.key;
      const keyAsWritten = /^\s*["']/.test(field.prefix) || TOML_BARE_KEY.test(field.key);
      if (field.fullWidth) note("full-width colon ： read as =");
      if (key !== field.key) note(`key ${field.key} read as ${key}`);
      else if (!keyAsWritten) note(`key ${key} quoted (TOML needs quotes around it)`);
      const isDate = plainKey(key) === "date";
      let value: string;
      // A date typed bare (`2018/10/16`) is read by the date repair, not quoted as text.
      if (isDate && !/^["'[{]/.test(field.value)) value = field.value;
      else if (field.fullWidth && !/^["'[{]/.test(field.value)) value = JSON.stringify(field.value);
      else value = repairTomlValue(field.value, key, note);
      if (isDate) value = repairDate(value, writtenTomlDate, (text) => JSON.stringify(text), context.file, note);
      // A date the strict reader reads but TOML does not (`2018-07-25 10:00`) is written as text.
      if (isDate && tomlValue(value) === FAILED && parsePostDate(writtenTomlDate(value)) !== null) value = JSON.stringify(writtenTomlDate(value));
      const unchanged = !field.fullWidth && key === field.key && keyAsWritten && value === field.value;
      if (!unchanged) lines[index] = `${tomlKeyText(key)} = ${value}`;
    });
    return keys;
  },
};

// ---------------------------------------------------------------------------------------------------------------------
// Dates

/**
 * A date the strict reader refuses: read what the person wrote (`2018/10/16`, `2018年10月16日`, `018-10-16，2018-10-24`),
 * else take the day from the file name; when neither gives a day the value stays and the file stays refused.
 */
function repairDate(
  value: string,
  written: (value: string) => string,
  format: (text: string) => string,
  file: string,
  note: (message: string) => void,
): string {
  if (value === "") return value;
  const text = written(value);
  if (parsePostDate(text) !== null) return value;
  const human = readHumanDate(text);
  if (human !== null) {
    const ignored = human.ignored.length > 0 ? ` (${human.ignored.join(", ")} ignored)` : "";
    note(`date ${text} read as ${human.text}${ignored}`);
    return format(human.text);
  }
  const day = parsePostFileName(file).day;
  if (day !== null) {
    note(`date ${text} is not a date; using ${day} from the file name`);
    return format(day);
  }
  return value;
}
