import {
  inlineMarkdownToText,
  joinLines,
  stripFrontMatter,
  stripHtmlComments,
  stripShortcodes,
} from "./markdown-text";

const FENCE = /^[ \t]{0,3}(`{3,}|~{3,})/;
const ATX_HEADING = /^[ \t]{0,3}#{1,6}(?:[ \t]|$)/;
const SETEXT_UNDERLINE = /^[ \t]{0,3}(?:=+|-+)[ \t]*$/;
const THEMATIC_BREAK = /^[ \t]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const REFERENCE_DEFINITION = /^[ \t]{0,3}\[[^\[\]]+\]:/;
const TABLE_ROW = /^[ \t]*\|/;
const INDENTED_CODE = /^(?: {4}|\t)/;
const LATIN_WORD_CHARACTER = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}0-9]$/u;
// Quote and list markers, and a heading inside a list item ("1. #### Linkerd2 …" in the ServiceMesher weekly).
const BLOCK_PREFIX = /^[ \t]*(?:>[ \t]?)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+(?:#{1,6}[ \t]+)?)?/;
// Translated posts open with a byline paragraph, which says nothing about the post.
const BYLINE = /^(?:作者|译者|校对|审校|authors?|translators?|by)\s*[:：]/i;

/**
 * The plain text of the first real paragraph (headings, comments, shortcodes, images, code and tables skipped),
 * cut to at most `max` characters on a grapheme boundary with `…`.
 */
export function excerptFrom(body: string, title: string, max = 160): string {
  return truncate(firstParagraph(withoutLeadingTitle(body, title)), max);
}

/**
 * The body without a first `# heading` that repeats the post title (the seed posts do; the post page prints its own
 * H1). Any other body comes back unchanged.
 */
export function withoutLeadingTitle(body: string, title: string): string {
  const heading = /^(?:[ \t]*\r?\n)*[ \t]{0,3}#[ \t]+([^\r\n]*)(?:\r?\n|$)/.exec(body);
  if (!heading || comparable(headingText(heading[1])) !== comparable(title) || comparable(title) === "") return body;
  return body.slice(heading[0].length).replace(/^(?:[ \t]*\r?\n)+/, "");
}

/**
 * An ATX heading's text without its closing `#`s and trailing blanks: what `(.*?)(?:[ \t]+#+)?[ \t]*$` captured, by
 * hand, because that pattern retried the blanks from every one of them (quadratic on `# x` + spaces + `x`).
 */
function headingText(line: string): string {
  let end = line.length;
  while (end > 0 && isBlank(line[end - 1])) end -= 1;
  let hashes = end;
  while (hashes > 0 && line[hashes - 1] === "#") hashes -= 1;
  if (hashes < end && hashes > 0 && isBlank(line[hashes - 1])) {
    end = hashes;
    while (end > 0 && isBlank(line[end - 1])) end -= 1;
  }
  return line.slice(0, end);
}

function isBlank(char: string | undefined): boolean {
  return char === " " || char === "\t";
}

function comparable(text: string): string {
  return inlineMarkdownToText(text).normalize("NFKC").toLowerCase();
}

function firstParagraph(body: string): string {
  const lines = stripShortcodes(stripHtmlComments(stripFrontMatter(body)))
    // Images go before the text is cut into lines: a long destination is sometimes wrapped onto the next line.
    .replace(/!\[[^\[\]]*\]\((?:[^()]|\([^()]*\))*\)/g, "")
    .split(/\r?\n/);
  let paragraph: string[] = [];
  let fence: string | null = null;

  for (const line of lines) {
    if (fence !== null) {
      if (line.trim().startsWith(fence)) fence = null;
      continue;
    }
    const opening = FENCE.exec(line);
    if (opening) {
      fence = opening[1];
      if (isContent(paragraph)) break;
      paragraph = [];
      continue;
    }
    if (line.trim() === "") {
      if (isContent(paragraph)) break;
      paragraph = [];
      continue;
    }
    if (paragraph.length > 0 && SETEXT_UNDERLINE.test(line)) {
      // The lines so far were a heading, not a paragraph.
      paragraph = [];
      continue;
    }
    if (
      ATX_HEADING.test(line) ||
      THEMATIC_BREAK.test(line) ||
      REFERENCE_DEFINITION.test(line) ||
      TABLE_ROW.test(line) ||
      (paragraph.length === 0 && INDENTED_CODE.test(line))
    ) {
      if (isContent(paragraph)) break;
      paragraph = [];
      continue;
    }
    const text = inlineMarkdownToText(line.replace(BLOCK_PREFIX, ""));
    if (text !== "") paragraph.push(text);
  }
  return isContent(paragraph) ? joinLines(paragraph) : "";
}

function isContent(paragraph: string[]): boolean {
  return paragraph.length > 0 && !BYLINE.test(paragraph[0]);
}

const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
const SIMPLE_TEXT = /^[\u0000-\u02ff\u2000-\u206f\u3000-\u9fff\uff00-\uffef]*$/;

function truncate(text: string, max: number): string {
  // A grapheme is at least one UTF-16 unit, so a short text needs no segmenting; a long one only its first graphemes.
  if (text.length <= max) return text;
  const graphemes: string[] = [];
  const head = text.slice(0, max + 1);
  if (SIMPLE_TEXT.test(head)) {
    // Latin, CJK and their punctuation without combining marks or surrogates: one character is one grapheme.
    graphemes.push(...head);
  } else {
    for (const { segment } of graphemeSegmenter.segment(text)) {
      graphemes.push(segment);
      if (graphemes.length > max) break;
    }
  }
  if (graphemes.length <= max) return text;
  let cut = graphemes.slice(0, Math.max(0, max - 1)).join("");
  // Latin text is cut at a word boundary when one is near; CJK text has none and is cut anywhere.
  const space = cut.lastIndexOf(" ");
  const midWord = LATIN_WORD_CHARACTER.test(cut.at(-1) ?? "") && LATIN_WORD_CHARACTER.test(graphemes[max - 1] ?? "");
  if (midWord && space > cut.length * 0.8) cut = cut.slice(0, space);
  return `${cut.replace(/[\s\p{P}]+$/u, "")}…`;
}
