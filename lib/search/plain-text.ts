import { inlineMarkdownToText, joinLines, stripHtmlComments, stripShortcodes } from "@/lib/content/markdown-text";

/**
 * The text of a post body as a reader sees it, for indexing and snippets. This is not rendering (lib/render does that,
 * safely): it only has to drop what a reader never reads — HTML comments (translated posts keep the English original
 * in them), shortcodes, markup, fence lines and bare URLs (link noise in a search index, and unreadable in a snippet).
 * It is approximate by design: the whole corpus is re-read on every posts generation, and a miss costs a stray token,
 * never unsafe output (snippets are rendered as text nodes).
 */
const BLOCK_MARKERS = /^\s{0,3}(?:#{1,6}\s+|>+\s?|(?:[-*+]|\d+[.)])\s+)+/;
const FENCE = /^\s*(?:```+|~~~+)/;
const BARE_URL = /https?:\/\/[^\s<>()（）\]]+/g;

export function plainText(markdown: string): string {
  const lines = stripShortcodes(stripHtmlComments(markdown.replace(/\r\n?/g, "\n"))).split("\n");
  const text: string[] = [];
  for (const line of lines) {
    // Blank lines add nothing to the joined text; skipped before the per-line patterns (a body of 200,000 newlines).
    if (line.trim() === "") continue;
    if (FENCE.test(line) || isRuleOrTableSeparator(line)) continue;
    const inline = inlineMarkdownToText(line.replace(BLOCK_MARKERS, "").replace(/\|/g, " ")).replace(BARE_URL, " ");
    text.push(inline.replace(/\s+/g, " ").trim());
  }
  return joinLines(text);
}

/**
 * A thematic break (three or more of `-*_`, blanks between) or a table's delimiter row (`| :--- | ---: |`): what
 * `/^\s*(?:(?:[-*_]\s*){3,}|\|?(?:\s*:?-{3,}:?\s*\|?)+)\s*$/` matched, read left to right once. That pattern had
 * nested quantifiers that could split a run of dashes or blanks between cells in exponentially many ways: a 40-dash
 * line ending in `x` never finished.
 */
export function isRuleOrTableSeparator(line: string): boolean {
  const text = line.trim();
  if (/^[-*_\s]*$/.test(text) && text.replace(/\s/g, "").length >= 3) return true;
  let index = text[0] === "|" ? 1 : 0;
  let cells = 0;
  while (index < text.length) {
    while (SPACE.test(text[index] ?? "")) index += 1;
    if (text[index] === ":") index += 1;
    const dashes = index;
    while (text[index] === "-") index += 1;
    if (index - dashes < 3) return false;
    if (text[index] === ":") index += 1;
    while (SPACE.test(text[index] ?? "")) index += 1;
    if (text[index] === "|") index += 1;
    cells += 1;
  }
  return cells > 0;
}

const SPACE = /^\s$/;
