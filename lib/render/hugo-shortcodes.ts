import { splitFencedCode } from "./fenced-code";

/**
 * Hugo shortcodes (`{{< name … >}}`, `{{% name … %}}`) are template calls that Hugo expands before Markdown is parsed, so
 * they are rewritten here at the same stage, into Markdown or HTML that the sanitizer allows. The mermaid body has to stay
 * byte-for-byte, which a tree transform after parsing could not guarantee. Shortcodes nobody knows stay visible as text.
 */

const SHORTCODE =
  /\{\{([<%])[ \t\r\n]*(\/)?[ \t\r\n]*([A-Za-z_][\w-]*)((?:"[^"]*"|'[^']*'|`[^`]*`|(?!\{\{)[^"'`])*?)[ \t\r\n]*[>%]\}\}/g;
const ARGUMENT = /([A-Za-z_][\w-]*)=(?:"([^"]*)"|'([^']*)'|`([^`]*)`|(\S+))|"([^"]*)"|'([^']*)'|`([^`]*)`|(\S+)/g;
const INLINE_CODE = /(`+)[^\n]*?(?<!`)\1(?!`)/g;
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

/** Whether [start, end) is the only non-blank content on its line(s); returns the line bounds and indentation if so. */
function ownLine(text: string, start: number, end: number): { lineStart: number; lineEnd: number; indent: string } | null {
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  const before = text.slice(lineStart, start);
  const newline = text.indexOf("\n", end);
  const lineEnd = newline === -1 ? text.length : newline;
  if (!/^[ \t]*$/.test(before) || !/^[ \t]*$/.test(text.slice(end, lineEnd))) return null;
  return { lineStart, lineEnd, indent: before };
}

function indentOf(text: string, index: number): string {
  const lineStart = text.lastIndexOf("\n", index - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? "";
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  for (const run of text.match(new RegExp(`\\${char}+`, "g")) ?? []) longest = Math.max(longest, run.length);
  return longest;
}

function expandProse(text: string): string {
  const protectedRanges = Array.from(text.matchAll(INLINE_CODE), (m) => [m.index, m.index + m[0].length] as const);
  const isProtected = (index: number) => protectedRanges.some(([from, to]) => index >= from && index < to);

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
      block = ownLine(text, start, end) !== null;
    } else if (name === "glossary_tooltip") {
      const label = args.named.get("text");
      replacement = label === undefined ? null : escapeHtml(label);
    } else if (name === "youtube") {
      replacement = youtubeHtml(args);
      block = replacement !== null && ownLine(text, start, end) !== null;
    } else if (name === "mermaid") {
      const close = new RegExp(`\\{\\{[<%][ \\t]*/[ \\t]*mermaid[ \\t]*[>%]\\}\\}`, "g");
      close.lastIndex = end;
      const closeMatch = close.exec(text);
      if (closeMatch) {
        const diagram = text.slice(end, closeMatch.index).replace(/^[ \t]*\n/, "").replace(/\n[ \t]*$/, "");
        const indent = indentOf(text, start);
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
      const line = ownLine(text, start, end);
      if (line) {
        output += text.slice(copied, line.lineStart) + `\n${line.indent}${replacement}\n`;
        copied = line.lineEnd;
        continue;
      }
      const indent = indentOf(text, start);
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
