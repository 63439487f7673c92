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
  return text.replace(/\{\{[<%][\s\S]*?[%>]\}\}/g, "");
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
const IMAGE = new RegExp(String.raw`!\[[^\]]*\]` + `(?:${DESTINATION}|\\[[^\\]]*\\])`, "g");
const LINK = new RegExp(String.raw`\[([^\]]*)\]` + `(?:${DESTINATION}|\\[[^\\]]*\\])`, "g");

/**
 * One line of Markdown as plain text: images gone, links reduced to their text, URLs kept only when they are the
 * visible text, inline HTML tags and emphasis markers removed.
 */
export function inlineMarkdownToText(line: string): string {
  return decodeEntities(
    line
      .replace(IMAGE, "")
      .replace(LINK, "$1")
      .replace(/<(https?:\/\/[^>\s]+)>/g, "$1")
      .replace(/<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g, "")
      .replace(/\{#[^}\s]+\}/g, "")
      .replace(/`+([^`]+)`+/g, "$1")
      .replace(/(\*{1,3})(?=\S)([\s\S]*?\S)\1/g, "$2")
      // Underscores only emphasise at word edges, so snake_case names survive.
      .replace(/(?<![\p{L}\p{N}])(_{1,3})(?=\S)([\s\S]*?\S)\1(?![\p{L}\p{N}])/gu, "$2")
      .replace(/~~(?=\S)([\s\S]*?\S)~~/g, "$1")
      .replace(/\\([!-/:-@[-`{-~])/g, "$1"),
  )
    .replace(/\s+/g, " ")
    .trim();
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;

/** Joins wrapped lines the way a browser shows them: no space between two CJK characters, one space otherwise. */
export function joinLines(lines: string[]): string {
  return lines.reduce((joined, line) => {
    if (joined === "") return line;
    if (line === "") return joined;
    const glue = CJK.test(joined.at(-1) ?? "") && CJK.test(line[0]) ? "" : " ";
    return joined + glue + line;
  }, "");
}
