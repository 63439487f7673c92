/**
 * Post bodies built to make a backtracking regular expression (or a naive scan) take quadratic time: long runs of one
 * character, an opener repeated without its closer, a construct that almost matches and fails at the very end. Each
 * shape is a function of the length wanted, so the same shape can be timed at two sizes (a linear step grows 10× from
 * 20,000 to 200,000 characters, a quadratic one 100×). 200,000 is the longest body the editor accepts
 * (`MAX_BODY_CHARS`), and preview renders on every pause in typing.
 */

/** `unit` repeated to exactly `length` characters. */
export function repeatTo(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** `head`, then `unit` repeated, then `tail`, `length` characters in all. */
function between(head: string, unit: string, tail: string, length: number): string {
  return head + repeatTo(unit, Math.max(0, length - head.length - tail.length)) + tail;
}

/** Lines of `unit` joined by newlines, `length` characters in all. */
function lines(line: string, length: number): string {
  return repeatTo(`${line}\n`, length);
}

export type AdversarialShape = (length: number) => string;

export const ADVERSARIAL_BODIES: Record<string, AdversarialShape> = {
  // Whitespace.
  "spaces": (n) => repeatTo(" ", n),
  "tabs and spaces": (n) => between("a", " \t", "a", n),
  "newlines": (n) => repeatTo("\n", n),
  "blank lines of spaces": (n) => lines("   ", n),

  // Hugo shortcodes.
  "{{<a + spaces": (n) => between("{{<a", " ", "", n),
  "{{%a + spaces": (n) => between("{{%a", " ", "", n),
  "{{< a + newlines": (n) => between("{{< a", "\n ", "", n),
  "{{< repeated": (n) => repeatTo("{{<", n),
  "{{% repeated": (n) => repeatTo("{{%", n),
  "{{< a repeated": (n) => repeatTo("{{< a ", n),
  "{{< a + unclosed quotes": (n) => between('{{< a ', '"', "", n),
  "{{< a + name=value": (n) => between("{{< a ", "b=", "", n),
  "{{< a + spaces + %}}": (n) => between("{{< a", " ", "%}}", n),
  "unclosed mermaid repeated": (n) => repeatTo("{{< mermaid >}}\n", n),
  "shortcodes among code spans": (n) => repeatTo("`c` {{< note >}} ", n),
  "closed shortcodes repeated": (n) => repeatTo("{{< figure src=\"a.png\" >}}\n", n),
  "shortcode inside a long line of backticks": (n) => between("`", "{{< a >}} ", "", n),

  // Heading ids.
  "## x {# + spaces + x}": (n) => between("## x {#", " ", "x}", n),
  "## x + {#a repeated": (n) => between("## x ", "{#a", "", n),
  "{# repeated": (n) => repeatTo("{#", n),
  "# + spaces + #": (n) => between("# ", " ", "#", n),
  "# x + spaces + x": (n) => between("# x", " ", "x", n),
  "headings with {#id} and spaces": (n) => lines("## x {#a}      y", n),

  // Code.
  "backticks": (n) => repeatTo("`", n),
  "backtick + space repeated": (n) => repeatTo("` ", n),
  "a + backtick repeated": (n) => repeatTo("a`", n),
  "double backticks repeated": (n) => repeatTo("``a", n),
  "unclosed fence": (n) => between("```\n", "a\n", "", n),
  "fences repeated": (n) => lines("```", n),
  "tilde fences repeated": (n) => lines("~~~ a", n),
  "indented fences repeated": (n) => lines("   ```a`", n),

  // HTML.
  "<": (n) => repeatTo("<", n),
  "< + space repeated": (n) => repeatTo("< ", n),
  "<a + spaces": (n) => between("<a", " ", "", n),
  "<a  repeated": (n) => repeatTo("<a ", n),
  "<http:// repeated": (n) => repeatTo("<http://", n),
  "<http://a + spaces": (n) => between("<http://a", " ", "", n),
  "html comment openers": (n) => repeatTo("<!--", n),
  "unclosed html comment": (n) => between("<!-- ", " ", "", n),
  "<a href=\" unclosed": (n) => between('<a href="', "a ", "", n),
  "& entities unclosed": (n) => repeatTo("&#x1", n),
  "JSX accept list of spaces": (n) => between('<input accept="a', " ", 'b" />', n),
  "entities in one paragraph": (n) => repeatTo("a&lt;", n),

  // Links and brackets.
  "[": (n) => repeatTo("[", n),
  "](": (n) => repeatTo("](", n),
  "[a]( repeated": (n) => repeatTo("[a](", n),
  "![ repeated": (n) => repeatTo("![", n),
  "nested brackets": (n) => repeatTo("[", n / 2) + repeatTo("]", n / 2),
  "nested parentheses after a link": (n) => between("[a](", "(", "", n),
  "link with spaces before the title": (n) => between("[a](b", " ", "", n),
  "[a]: reference lines": (n) => lines("[a]: b", n),
  "footnote openers": (n) => repeatTo("[^", n),

  // Emphasis and inline marks.
  "*": (n) => repeatTo("*", n),
  "* a repeated": (n) => repeatTo("*a ", n),
  "_": (n) => repeatTo("_", n),
  " _a repeated": (n) => repeatTo(" _a", n),
  "~": (n) => repeatTo("~", n),
  "~~a repeated": (n) => repeatTo("~~a", n),
  "backslashes": (n) => repeatTo("\\", n),
  "escapes in one paragraph": (n) => repeatTo("a\\*", n),
  "$": (n) => repeatTo("$", n),
  "https:// repeated": (n) => repeatTo("https://", n),

  // Blocks.
  "|": (n) => repeatTo("|", n),
  "| + space repeated": (n) => repeatTo("| ", n),
  "|--- repeated": (n) => repeatTo("|---", n),
  "- + space repeated": (n) => repeatTo("- ", n),
  "-": (n) => repeatTo("-", n),
  "dashes then x": (n) => between("", "-", "x", n),
  "- + spaces then x": (n) => between("-", " -", "x", n),
  "table separator then x": (n) => between("|", " :---: |", "x", n),
  "> quotes on one line": (n) => repeatTo("> ", n),
  "> quotes": (n) => repeatTo(">", n),
  "nested lists": (n) => {
    let text = "";
    for (let depth = 0; text.length < n; depth = (depth + 1) % 400) text += `${" ".repeat(depth * 2)}- x\n`;
    return text.slice(0, n);
  },
  "list markers on one line": (n) => repeatTo("1. ", n),
  "front matter opener + spaces": (n) => between("---\n", " ", "", n),
  "setext underline lines": (n) => lines("a\n===", n),
};

/**
 * The shapes the Markdown parser reads as a handful of nodes (one long run, one paragraph of text), whose whole render
 * takes well under a second at 200,000 characters when every step is linear. The others are thousands of nodes (a
 * render of seconds, linear or not) or reach the parser's own per-paragraph costs; their text steps are still tested.
 */
export const CHEAP_TO_PARSE: ReadonlySet<string> = new Set([
  "spaces",
  "{{<a + spaces",
  "{{%a + spaces",
  "{{% repeated",
  "{{< a + unclosed quotes",
  "{{< a + spaces + %}}",
  "## x {# + spaces + x}",
  "{# repeated",
  "# + spaces + #",
  "# x + spaces + x",
  "backticks",
  "<a + spaces",
  "<http://a + spaces",
  "html comment openers",
  "unclosed html comment",
  "*",
  "_",
  "~",
  "link with spaces before the title",
  "nested parentheses after a link",
  "JSX accept list of spaces",
]);
