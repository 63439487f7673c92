import { stripFrontMatter, stripHtmlComments, stripShortcodes } from "./markdown-text";

/** Rates for Chinese readers: characters per minute for CJK text, words per minute for Latin-script text. */
const CJK_PER_MINUTE = 400;
const WORDS_PER_MINUTE = 200;

const CJK_CHARACTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’.\-_][\p{L}\p{M}\p{N}]+)*/gu;

export function readingMinutes(body: string): number {
  const visible = stripShortcodes(stripHtmlComments(stripFrontMatter(body)))
    // Link and image destinations are not read: keep link text, drop images and bare URLs.
    .replace(/!\[[^\]]*\]\((?:[^()]|\([^()]*\))*\)/g, " ")
    .replace(/\[([^\]]*)\]\((?:[^()]|\([^()]*\))*\)/g, "$1")
    .replace(/^[ \t]{0,3}\[[^\]]+\]:[ \t]*\S+.*$/gm, " ")
    .replace(/<https?:\/\/[^>\s]*>/g, " ")
    .replace(/\bhttps?:\/\/[^\s)<>\]]+/g, " ")
    .replace(/<\/?[A-Za-z][^<>]*>/g, " ");

  const cjkCharacters = visible.match(CJK_CHARACTER)?.length ?? 0;
  const words = visible.replace(CJK_CHARACTER, " ").match(WORD)?.length ?? 0;
  return Math.max(1, Math.ceil(cjkCharacters / CJK_PER_MINUTE + words / WORDS_PER_MINUTE));
}
