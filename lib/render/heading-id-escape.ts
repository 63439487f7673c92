import { splitFencedCode } from "./fenced-code";

// `{#id}` after a heading is Hugo's way to pin an anchor; in MDX the braces would start a JavaScript expression and fail
// to parse. Escaping them keeps the text literal so the heading-id plugin can pick it up, exactly as for Markdown.
const MDX_HEADING_ID = /^([ \t]{0,3}#{1,6}[ \t].*?)\{#([^\s{}]+)\}([ \t]*)$/gm;

/** Escapes a trailing `{#custom-id}` on ATX headings outside fenced code, for MDX sources. Line numbers are unchanged. */
export function escapeMdxHeadingIds(source: string): string {
  return splitFencedCode(source)
    .map((segment) => (segment.code ? segment.text : segment.text.replace(MDX_HEADING_ID, "$1\\{#$2\\}$3")))
    .join("");
}
