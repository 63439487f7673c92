import { inlineCodeRanges, splitFencedCode } from "./fenced-code";

/**
 * How many block containers (quotes, list items) one line may open. The Markdown parser (micromark, in both formats)
 * takes time that grows faster than the nesting: a 20,000-character line `- - - … x` (10,000 nested lists) took
 * three minutes, 5,000 `>` four seconds. markdown-it stops at 20 by default for the same reason; no post nests deeper
 * than a handful.
 */
export const MAX_LINE_NESTING = 32;

/**
 * How deep `[` may nest in a paragraph. At every `]` micromark reads the whole text back to its `[` to look the label up
 * as a reference, so brackets nested n deep cost n² (100,000 `[` then 100,000 `]` took five minutes). No link text
 * nests brackets more than a couple deep.
 */
export const MAX_BRACKET_NESTING = 32;

/**
 * How many `]` with no `[` open a paragraph may hold before the rest are escaped. At each one the GFM footnote
 * extension reads the paragraph back looking for a `[^` (20,000 `](` took 2.2 s, 4× per doubling); no real paragraph
 * has more than a few stray closers.
 */
export const MAX_UNMATCHED_CLOSERS = 32;

const BLANK = /[ \t]/;
const THEMATIC_BREAK = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/**
 * The offset in `line` of the container marker past `MAX_LINE_NESTING`, or -1. Reads only the line's prefix of markers,
 * so the whole check is linear in the text.
 */
function excessMarker(line: string): number {
  let index = 0;
  let depth = 0;
  for (;;) {
    while (BLANK.test(line[index] ?? "")) index += 1;
    let next = -1;
    if (line[index] === ">") {
      next = index + 1;
    } else if ((line[index] === "-" || line[index] === "*" || line[index] === "+") && BLANK.test(line[index + 1] ?? "")) {
      next = index + 2;
    } else {
      let digits = index;
      while (digits - index < 9 && line[digits] >= "0" && line[digits] <= "9") digits += 1;
      if (digits > index && (line[digits] === "." || line[digits] === ")") && BLANK.test(line[digits + 1] ?? "")) {
        next = digits + 2;
      }
    }
    if (next === -1) return -1;
    // A rule (`- - - -`, however long) is one leaf, not nesting: leave it whole.
    if (depth === MAX_LINE_NESTING) return THEMATIC_BREAK.test(line.slice(index)) ? -1 : index;
    depth += 1;
    index = next;
  }
}

function limitContainers(prose: string): string {
  return prose
    .split("\n")
    .map((line) => {
      const marker = excessMarker(line);
      return marker === -1 ? line : `${line.slice(0, marker)}\\${line.slice(marker)}`;
    })
    .join("\n");
}

/**
 * Escapes every `[` that would open bracket level `MAX_BRACKET_NESTING + 1` of a paragraph (outside inline code), so it
 * is text, and every `]` with no `[` open past the paragraph's `MAX_UNMATCHED_CLOSERS`th. Levels close at `]` and at a blank line, where a paragraph (and any label) ends.
 */
function limitBrackets(prose: string): string {
  if (!prose.includes("[") && !prose.includes("]")) return prose;
  const code = inlineCodeRanges(prose);
  let nextCode = 0;
  let output = "";
  let copied = 0;
  let depth = 0;
  let unmatched = 0;
  for (let index = 0; index < prose.length; index += 1) {
    const char = prose[index];
    while (nextCode < code.length && code[nextCode][0] < index) nextCode += 1;
    if (nextCode < code.length && index === code[nextCode][0]) {
      index = code[nextCode][1] - 1;
      nextCode += 1;
    } else if (char === "\\") {
      index += 1;
    } else if (char === "]") {
      if (depth > 0) depth -= 1;
      else if (unmatched === MAX_UNMATCHED_CLOSERS) {
        // Renders the same (an unmatched `]` is text either way), but as an escape micromark does not look back from.
        output += `${prose.slice(copied, index)}\\`;
        copied = index;
      } else unmatched += 1;
    } else if (char === "\n") {
      let next = index + 1;
      while (BLANK.test(prose[next] ?? "")) next += 1;
      if (next === prose.length || prose[next] === "\n") {
        depth = 0;
        unmatched = 0;
      }
    } else if (char === "[") {
      if (depth === MAX_BRACKET_NESTING) {
        output += `${prose.slice(copied, index)}\\`;
        copied = index;
      } else {
        depth += 1;
      }
    }
  }
  return copied === 0 ? prose : output + prose.slice(copied);
}

/**
 * Escapes the container marker that would open a line's `MAX_LINE_NESTING + 1`th quote or list item, so the rest of
 * the line is text in the innermost one, and the `[` past `MAX_BRACKET_NESTING` levels. Fenced code is left alone;
 * line numbers do not change.
 */
export function limitNesting(source: string): string {
  if (!/[>*+\-.)[\]]/.test(source)) return source;
  return splitFencedCode(source)
    .map((segment) => (segment.code ? segment.text : limitBrackets(limitContainers(segment.text))))
    .join("");
}
