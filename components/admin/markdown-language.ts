import { defineLanguageFacet, indentNodeProp, Language, LanguageSupport, languageDataProp } from "@codemirror/language";
import { GFM, parser } from "@lezer/markdown";

/**
 * Markdown (CommonMark + GFM: tables, strikethrough, task lists, autolinks) for CodeMirror, straight from the Lezer
 * parser, which carries its own highlighting tags. @codemirror/lang-markdown does the same and more (HTML and code
 * languages inside Markdown, completion), but importing it puts HTML, CSS and JavaScript support into the bundle
 * whichever parts are used: 179 KB gzipped for the editor's chunk instead of about 105 KB (see the README).
 */
const data = defineLanguageFacet({ commentTokens: { block: { open: "<!--", close: "-->" } } });

const markdownParser = parser.configure([
  GFM,
  { props: [indentNodeProp.add({ Document: () => null }), languageDataProp.add({ Document: data })] },
]);

export const markdownLanguage = new Language(data, markdownParser, [], "markdown");

export function markdown(): LanguageSupport {
  return new LanguageSupport(markdownLanguage);
}
