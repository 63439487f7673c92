/**
 * Turning Markdown source into the words a reader sees, approximately and without a parser: enough for excerpts and
 * reading time, which must run over hundreds of long posts on every content load.
 */

/**
 * HTML comments, closed the way a CommonMark renderer closes them: at the next `-->`, or never. The Kubernetes corpus
 * keeps the whole English original in comments and sometimes "closes" one with `->`, which hides text up to the next
 * real `-->` on the rendered page too.
 */
export function stripHtmlComments(text: string): string {
  return text.replace(/<!--[\s\S]*?(?:-->|$)/g, "");
}

/** A leading `---`/`+++` front matter block, when a body still carries one. */
export function stripFrontMatter(text: string): string {
  return text.replace(/^\uFEFF?(---|\+\+\+)[ \t]*\r?\n[\s\S]*?\r?\n\1[ \t]*(?:\r?\n|$)/, "");
}

/** Hugo shortcode tags (`{{< note >}}`, `{{% alert %}}`); the text between a pair of them stays. */
export function stripShortcodes(text: string): string {
  // What `/\{\{[<%][\s\S]*?[%>]\}\}/g` removes, by hand: that pattern searched to the end of the text again from every
  // `{{<` after the last closing tag (quadratic on a body of `{{<`). Once no `>}}`/`%}}` follows, none can end a later tag.
  let output = "";
  let copied = 0;
  let from = 0;
  for (;;) {
    const start = nextShortcodeOpen(text, from);
    if (start === -1) break;
    const close = nextShortcodeClose(text, start + 3);
    if (close === -1) break;
    output += text.slice(copied, start);
    copied = from = close + 3;
  }
  return copied === 0 ? text : output + text.slice(copied);
}

function nextShortcodeOpen(text: string, from: number): number {
  for (let index = text.indexOf("{{", from); index !== -1; index = text.indexOf("{{", index + 1)) {
    if (text[index + 2] === "<" || text[index + 2] === "%") return index;
  }
  return -1;
}

/** The first `>}}` or `%}}` starting at or after `from`. */
function nextShortcodeClose(text: string, from: number): number {
  for (let index = text.indexOf("}}", from + 1); index !== -1; index = text.indexOf("}}", index + 1)) {
    if (text[index - 1] === ">" || text[index - 1] === "%") return index - 1;
  }
  return -1;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", mdash: "—", ndash: "–", hellip: "…",
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name.startsWith("#")) {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
  });
}

// A link destination may itself contain one level of parentheses: (https://en.wikipedia.org/wiki/Go_(language)).
const DESTINATION = String.raw`\((?:[^()\s]|\([^()]*\))*(?:\s+(?:"[^"]*"|'[^']*'))?\)`;
// Labels stop at any bracket, not only at `]`: `[^\]]*` let every `[` of a body with no `]` search to its end (quadratic),
// and CommonMark's link text is the innermost bracket pair anyway (`[a [b](u)` links `b`).
const IMAGE = new RegExp(String.raw`!\[[^\[\]]*\]` + `(?:${DESTINATION}|\\[[^\\[\\]]*\\])`, "g");
const LINK = new RegExp(String.raw`\[([^\[\]]*)\]` + `(?:${DESTINATION}|\\[[^\\[\\]]*\\])`, "g");

const MARKUP = /[!\[<{`*_~\\&]/;

/**
 * One line of Markdown as plain text: images gone, links reduced to their text, URLs kept only when they are the
 * visible text, inline HTML tags and emphasis markers removed.
 */
export function inlineMarkdownToText(line: string): string {
  // Most lines of a post are plain words; without any of these characters every step below would leave them as they are.
  if (!MARKUP.test(line)) return line.replace(/\s+/g, " ").trim();
  const marked = line
    .replace(IMAGE, "")
    .replace(LINK, "$1")
    // Every character class below stops at the character that would start the next attempt (`<`, `{`, a backtick
    // run's first backtick), so an attempt that fails never rescans what the next one reads: linear on any line.
    .replace(/<(https?:\/\/[^<>\s]+)>/g, "$1")
    .replace(/<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g, "")
    .replace(/\{#[^{}\s]+\}/g, "")
    .replace(/(?<!`)`+([^`]+)`+/g, "$1");
  // Emphasis: the same as `/(\*{1,3})(?=\S)([\s\S]*?\S)\1/g` and its `_` and `~~` twins, which searched to the end of
  // the line from every marker that had no partner (quadratic on `*a *a *a …`).
  const stars = stripDelimited(marked, "*", [3, 2, 1], false);
  // Underscores only emphasise at word edges, so snake_case names survive.
  const underscores = stripDelimited(stars, "_", [3, 2, 1], true);
  const strikes = stripDelimited(underscores, "~", [2], false);
  return decodeEntities(strikes.replace(/\\([!-/:-@[-`{-~])/g, "$1"))
    .replace(/\s+/g, " ")
    .trim();
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;

/** Joins wrapped lines the way a browser shows them: no space between two CJK characters, one space otherwise. */
export function joinLines(lines: string[]): string {
  // The last character is kept aside: reading it from the joined string flattened that string once per line
  // (quadratic over the 100,000 lines of a long body).
  const parts: string[] = [];
  let last = "";
  for (const line of lines) {
    if (line === "") continue;
    if (parts.length > 0) parts.push(CJK.test(last) && CJK.test(line[0]) ? "" : " ");
    parts.push(line);
    last = line.at(-1) ?? "";
  }
  return parts.join("");
}

const WORD_CHARACTER = /^[\p{L}\p{N}]$/u;
const SPACE = /^\s$/;

function codePointBefore(text: string, index: number): string {
  if (index <= 0) return "";
  const low = text.charCodeAt(index - 1);
  const high = index >= 2 ? text.charCodeAt(index - 2) : 0;
  const isPair = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
  return text.slice(isPair ? index - 2 : index - 1, index);
}

function codePointAt(text: string, index: number): string {
  const point = text.codePointAt(index);
  return point === undefined ? "" : String.fromCodePoint(point);
}

/**
 * Replaces each `marker content marker` by its content, exactly as the regular expression
 * `(m{a}|m{b}|…)(?=\S)([\s\S]*?\S)\1` would (marker runs tried longest first), with `wordEdges` adding
 * `(?<![\p{L}\p{N}])` before and `(?![\p{L}\p{N}])` after, as for `_`. The expression searched from each marker to the
 * end of the line when no partner came; here the next partner of each length is known from a table built right to
 * left, so the cost is a pass per length.
 */
function stripDelimited(text: string, marker: string, lengths: number[], wordEdges: boolean): string {
  if (!text.includes(marker)) return text;
  const size = text.length;
  // run[i]: how many markers start at i.
  const run = new Int32Array(size + 1);
  for (let index = size - 1; index >= 0; index -= 1) run[index] = text[index] === marker ? run[index + 1] + 1 : 0;
  // nextClose.get(k)[i]: the first e >= i where a closing run of k markers may start (its content ends in a non-blank).
  const nextClose = new Map<number, Int32Array>();
  for (const length of lengths) {
    const next = new Int32Array(size + 2).fill(-1);
    for (let index = size; index >= 1; index -= 1) {
      const closes =
        run[index] >= length &&
        !SPACE.test(text[index - 1]) &&
        (!wordEdges || !WORD_CHARACTER.test(codePointAt(text, index + length)));
      next[index] = closes ? index : next[index + 1];
    }
    nextClose.set(length, next);
  }

  let output = "";
  let copied = 0;
  for (let index = 0; index < size; index += 1) {
    if (text[index] !== marker) continue;
    if (wordEdges && WORD_CHARACTER.test(codePointBefore(text, index))) continue;
    for (const length of lengths) {
      if (run[index] < length) continue;
      const contentStart = index + length;
      if (contentStart >= size || SPACE.test(text[contentStart])) continue;
      const close = nextClose.get(length)?.[contentStart + 1] ?? -1;
      if (close === -1) continue;
      output += text.slice(copied, index) + text.slice(contentStart, close);
      copied = close + length;
      index = copied - 1;
      break;
    }
  }
  return output + text.slice(copied);
}
