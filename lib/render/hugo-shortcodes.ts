import { inlineCodeRanges, splitFencedCode } from "./fenced-code";

/**
 * Hugo shortcodes (`{{< name … >}}`, `{{% name … %}}`) are template calls that Hugo expands before Markdown is parsed, so
 * they are rewritten here at the same stage, into Markdown or HTML that the sanitizer allows. The mermaid body has to stay
 * byte-for-byte, which a tree transform after parsing could not guarantee. Shortcodes nobody knows stay visible as text.
 */

// Every step of this pattern has one way to match, so a tag that fails (a 200,000-character `{{<a` + spaces in a live
// preview) costs one pass up to the next `{{`, not a pass per split of the spaces: the slash comes with its own blanks,
// the name cannot give characters back to the arguments, the arguments keep their trailing blanks (parseArguments
// ignores them), and no argument, quoted or not, reaches past another `{{` (no shortcode in the corpus has one inside).
const SHORTCODE =
  /\{\{([<%])[ \t\r\n]*(?:(\/)[ \t\r\n]*)?([A-Za-z_][\w-]*(?![\w-]))((?:"(?:(?!\{\{)[^"])*"|'(?:(?!\{\{)[^'])*'|`(?:(?!\{\{)[^`])*`|(?!\{\{)[^"'`])*?)[>%]\}\}/g;
const ARGUMENT = /([A-Za-z_][\w-]*)=(?:"([^"]*)"|'([^']*)'|`([^`]*)`|(\S+))|"([^"]*)"|'([^']*)'|`([^`]*)`|(\S+)/g;
const MERMAID_CLOSE = /\{\{[<%][ \t]*\/[ \t]*mermaid[ \t]*[>%]\}\}/g;
const YOUTUBE_ID = /^[\w-]{6,20}$/;

interface ShortcodeArguments {
  named: Map<string, string>;
  positional: string[];
}

type CalloutVariant = "note" | "caution" | "warning";

const CALLOUTS: Record<string, { variant: CalloutVariant; label: string }> = {
  note: { variant: "note", label: "说明：" },
  caution: { variant: "caution", label: "注意：" },
  warning: { variant: "warning", label: "警告：" },
  alert: { variant: "note", label: "提示：" },
};

const ALERT_COLOR_VARIANTS: Record<string, CalloutVariant> = {
  warning: "warning",
  danger: "warning",
  caution: "caution",
};

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function parseArguments(raw: string): ShortcodeArguments {
  const named = new Map<string, string>();
  const positional: string[] = [];
  for (const match of raw.matchAll(ARGUMENT)) {
    if (match[1] !== undefined) {
      named.set(match[1].toLowerCase(), match[2] ?? match[3] ?? match[4] ?? match[5] ?? "");
    } else {
      positional.push(match[6] ?? match[7] ?? match[8] ?? match[9] ?? "");
    }
  }
  return { named, positional };
}

function figureHtml({ named }: ShortcodeArguments): string {
  const src = named.get("src");
  const alt = named.get("alt") ?? named.get("title") ?? named.get("caption") ?? "";
  const size = ["width", "height"]
    .filter((key) => /^\d+$/.test(named.get(key) ?? ""))
    .map((key) => ` ${key}="${named.get(key)}"`)
    .join("");
  let image = src ? `<img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}"${size}>` : "";
  const link = named.get("link");
  if (image && link) image = `<a href="${escapeHtml(link)}">${image}</a>`;
  const captionParts = [named.get("title"), named.get("caption")].filter((part): part is string => Boolean(part));
  const caption = captionParts.length > 0 ? `<figcaption>${escapeHtml(captionParts.join(" — "))}</figcaption>` : "";
  return `<figure>${image}${caption}</figure>`;
}

function calloutOpenHtml(name: string, { named }: ShortcodeArguments): string {
  const callout = CALLOUTS[name];
  const variant = name === "alert" ? (ALERT_COLOR_VARIANTS[named.get("color") ?? ""] ?? "note") : callout.variant;
  const title = name === "alert" && named.get("title") ? `${named.get("title")}：` : callout.label;
  return `<blockquote class="callout callout-${variant}"><p class="callout-title"><strong>${escapeHtml(title)}</strong></p>`;
}

function youtubeHtml({ named, positional }: ShortcodeArguments): string | null {
  const id = named.get("id") ?? positional[0];
  if (!id || !YOUTUBE_ID.test(id)) return null;
  const title = named.get("title") ?? id;
  return `<a href="https://www.youtube.com/watch?v=${id}">YouTube 视频：${escapeHtml(title)}</a>`;
}

/**
 * Where lines start and how they are indented, for a text scanned front to back. Looking a line start up walks the
 * newline positions found once instead of searching backwards from each shortcode: a 200,000-character line of
 * callouts would otherwise be searched once per callout.
 */
function lineIndex(text: string) {
  const newlines: number[] = [];
  for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) newlines.push(index);
  const indents = new Map<number, string>();

  /** The start of the line holding `index`. */
  const lineStart = (index: number): number => {
    let low = 0;
    let high = newlines.length;
    // The first newline at or after `index`; the line starts after the one before it.
    while (low < high) {
      const middle = (low + high) >> 1;
      if (newlines[middle] < index) low = middle + 1;
      else high = middle;
    }
    return low === 0 ? 0 : newlines[low - 1] + 1;
  };

  const isBlank = (char: string | undefined) => char === " " || char === "\t";

  return {
    /** Whether [start, end) is the only non-blank content on its line(s); returns the line bounds and indentation if so. */
    ownLine(start: number, end: number): { lineStart: number; lineEnd: number; indent: string } | null {
      let before = start;
      while (before > 0 && isBlank(text[before - 1])) before -= 1;
      if (before > 0 && text[before - 1] !== "\n") return null;
      let after = end;
      while (after < text.length && isBlank(text[after])) after += 1;
      if (after < text.length && text[after] !== "\n") return null;
      return { lineStart: before, lineEnd: after, indent: text.slice(before, start) };
    },
    /** The blanks that open the line holding `index`. */
    indentOf(index: number): string {
      const start = lineStart(index);
      let indent = indents.get(start);
      if (indent === undefined) {
        let end = start;
        while (end < text.length && isBlank(text[end])) end += 1;
        indent = text.slice(start, end);
        indents.set(start, indent);
      }
      return indent;
    },
  };
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  for (const run of text.match(new RegExp(`\\${char}+`, "g")) ?? []) longest = Math.max(longest, run.length);
  return longest;
}

function expandProse(text: string): string {
  const protectedRanges = inlineCodeRanges(text);
  // Shortcodes are met in text order, so the ranges before the current one are never looked at again.
  let nextRange = 0;
  const isProtected = (index: number) => {
    while (nextRange < protectedRanges.length && protectedRanges[nextRange][1] <= index) nextRange += 1;
    return nextRange < protectedRanges.length && protectedRanges[nextRange][0] <= index;
  };
  const lines = lineIndex(text);
  // Searched once per unclosed mermaid at most: when there is no closing tag after one, there is none after the next.
  let mermaidClose: { from: number; match: RegExpExecArray | null } | null = null;
  const nextMermaidClose = (from: number): RegExpExecArray | null => {
    const known = mermaidClose;
    if (known && known.from <= from && (known.match === null || known.match.index >= from)) return known.match;
    MERMAID_CLOSE.lastIndex = from;
    mermaidClose = { from, match: MERMAID_CLOSE.exec(text) };
    return mermaidClose.match;
  };

  let output = "";
  let copied = 0;
  SHORTCODE.lastIndex = 0;
  for (let match = SHORTCODE.exec(text); match !== null; match = SHORTCODE.exec(text)) {
    const start = match.index;
    let end = start + match[0].length;
    if (start < copied || isProtected(start)) continue;

    const closing = match[2] === "/";
    const name = match[3].toLowerCase();
    const args = parseArguments(match[4]);
    let replacement: string | null = null;
    // Block output must stand between blank lines, or Markdown would swallow the next lines into the HTML block.
    let block = false;

    if (name in CALLOUTS) {
      replacement = closing ? "</blockquote>" : calloutOpenHtml(name, args);
      block = true;
    } else if (closing) {
      replacement = null;
    } else if (name === "figure") {
      replacement = figureHtml(args);
      block = lines.ownLine(start, end) !== null;
    } else if (name === "glossary_tooltip") {
      const label = args.named.get("text");
      replacement = label === undefined ? null : escapeHtml(label);
    } else if (name === "youtube") {
      replacement = youtubeHtml(args);
      block = replacement !== null && lines.ownLine(start, end) !== null;
    } else if (name === "mermaid") {
      const closeMatch = nextMermaidClose(end);
      if (closeMatch) {
        const diagram = text.slice(end, closeMatch.index).replace(/^[ \t]*\n/, "").replace(/\n[ \t]*$/, "");
        const indent = lines.indentOf(start);
        const fence = "`".repeat(Math.max(3, longestRun(diagram, "`") + 1));
        replacement = `\n\n${indent}${fence}mermaid\n${diagram}\n${indent}${fence}\n\n`;
        end = closeMatch.index + closeMatch[0].length;
        SHORTCODE.lastIndex = end;
      }
    }

    if (replacement === null) {
      // Unknown or malformed: keep it readable. `<` would otherwise start an HTML tag that the sanitizer then drops.
      replacement = match[0].replace(/</g, "&lt;");
    } else if (block && name !== "mermaid") {
      const line = lines.ownLine(start, end);
      if (line) {
        output += text.slice(copied, line.lineStart) + `\n${line.indent}${replacement}\n`;
        copied = line.lineEnd;
        continue;
      }
      const indent = lines.indentOf(start);
      replacement = `\n\n${indent}${replacement}\n\n${indent}`;
    }

    output += text.slice(copied, start) + replacement;
    copied = end;
  }
  return output + text.slice(copied);
}

/** Expands Hugo shortcodes outside fenced code blocks and inline code spans. Expects LF line endings. */
export function expandHugoShortcodes(markdown: string): string {
  if (!markdown.includes("{{")) return markdown;
  return splitFencedCode(markdown)
    .map((segment) => (segment.code ? segment.text : expandProse(segment.text)))
    .join("");
}
