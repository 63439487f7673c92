import { stripFrontMatter, stripHtmlComments, stripShortcodes } from "./markdown-text";

/** Rates for Chinese readers: characters per minute for CJK text, words per minute for Latin-script text. */
const CJK_PER_MINUTE = 400;
const WORDS_PER_MINUTE = 200;

const CJK_CHARACTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’.\-_][\p{L}\p{M}\p{N}]+)*/gu;

/** What a reader reads in a body: CJK characters and Latin-script words, counted apart because they are read at different rates. */
export interface WordCount {
  cjkCharacters: number;
  words: number;
}

/**
 * Counts what a reader would read: front matter, HTML comments, shortcodes, tags, link and image URLs are not read.
 * The editor shows these figures as it is typed and the reader's "约 N 分钟读完" comes from the same count, so the two
 * always agree.
 */
export function countWords(body: string): WordCount {
  const visible = stripShortcodes(stripHtmlComments(stripFrontMatter(body)))
    // Link and image destinations are not read: keep link text, drop images and bare URLs.
    // Brackets and `<` end every class that follows them: a class that could run past the next `[` or `<` would let
    // each attempt search to the end of the body (quadratic on a body of `[` or `<http://`).
    .replace(/!\[[^\[\]]*\]\((?:[^()]|\([^()]*\))*\)/g, " ")
    .replace(/\[([^\[\]]*)\]\((?:[^()]|\([^()]*\))*\)/g, "$1")
    .replace(/^[ \t]{0,3}\[[^\[\]]+\]:[ \t]*\S+.*$/gm, " ")
    .replace(/<https?:\/\/[^<>\s]*>/g, " ")
    .replace(/\bhttps?:\/\/[^\s)<>\]]+/g, " ")
    .replace(/<\/?[A-Za-z][^<>]*>/g, " ");

  const cjkCharacters = visible.match(CJK_CHARACTER)?.length ?? 0;
  const words = visible.replace(CJK_CHARACTER, " ").match(WORD)?.length ?? 0;
  return { cjkCharacters, words };
}

/** Minutes for a count, rounded up, at least one: 400 CJK characters and 200 Latin words a minute. */
export function minutesFor({ cjkCharacters, words }: WordCount): number {
  return Math.max(1, Math.ceil(cjkCharacters / CJK_PER_MINUTE + words / WORDS_PER_MINUTE));
}

export function readingMinutes(body: string): number {
  return minutesFor(countWords(body));
}
