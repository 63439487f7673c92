/**
 * The toolbar's and the shortcuts' Markdown formatting, as pure functions of the text and the selection, so CodeMirror
 * and the plain-text fallback apply exactly the same edits and the rules can be unit-tested without a browser.
 *
 * Emphasis uses `*` and `**`, never `_`: CommonMark does not open `_` emphasis between two CJK characters, so
 * `中_文_字` stays as typed, while `中*文*字` works.
 */
export type FormatCommand = "bold" | "italic" | "link" | "heading" | "list" | "code" | "quote";

export const FORMAT_COMMANDS: readonly FormatCommand[] = ["bold", "italic", "heading", "link", "quote", "code", "list"];

/**
 * The shortcuts, as CodeMirror names keys ("Mod" is Ctrl, or ⌘ on a Mac): the ones Ghost's Markdown editor (and
 * SimpleMDE before it) taught editors. The toolbar shows them; the plain textarea honours them too.
 */
export const FORMAT_SHORTCUTS: Record<FormatCommand, string> = {
  bold: "Mod-b",
  italic: "Mod-i",
  link: "Mod-k",
  heading: "Mod-h",
  list: "Mod-l",
  code: "Mod-Alt-c",
  quote: "Mod-'",
};

export interface TextEdit {
  from: number;
  to: number;
  insert: string;
}

export interface FormatResult {
  /** Non-overlapping, in document order, positions in the original text (as CodeMirror's ChangeSpec takes them). */
  changes: TextEdit[];
  /** The selection afterwards, in positions of the new text. */
  selection: { anchor: number; head: number };
}

/** The text a command inserts when nothing is selected, selected afterwards so typing replaces it. */
export type FormatPlaceholders = Record<"bold" | "italic" | "link" | "code" | "heading", string>;

const INLINE_MARKERS = { bold: "**", italic: "*", code: "`" } as const;
const LINE_PREFIXES = { heading: "## ", list: "- ", quote: "> " } as const;
const LINK_URL = "https://";

export function formatMarkdown(
  command: FormatCommand,
  text: string,
  selection: { from: number; to: number },
  placeholders: FormatPlaceholders,
): FormatResult {
  const from = Math.max(0, Math.min(selection.from, selection.to, text.length));
  const to = Math.min(text.length, Math.max(selection.from, selection.to));
  switch (command) {
    case "bold":
    case "italic":
      return toggleInline(text, from, to, INLINE_MARKERS[command], placeholders[command]);
    case "code":
      return text.slice(from, to).includes("\n") ? fenceBlock(text, from, to) : toggleInline(text, from, to, "`", placeholders.code);
    case "link":
      return link(text, from, to, placeholders.link);
    case "heading":
    case "list":
    case "quote":
      return toggleLinePrefix(text, from, to, command, placeholders.heading);
  }
}

function toggleInline(text: string, from: number, to: number, marker: string, placeholder: string): FormatResult {
  const n = marker.length;
  const selected = text.slice(from, to);
  // Italic must not mistake the inner stars of bold (**x**) for its own marker.
  const isMarker = (start: number) =>
    text.slice(start, start + n) === marker && (marker !== "*" || (text[start - 1] !== "*" && text[start + n] !== "*"));

  // **selection** → selection (the markers sit just outside what is selected)
  if (from >= n && isMarker(from - n) && isMarker(to)) {
    return {
      changes: [
        { from: from - n, to: from, insert: "" },
        { from: to, to: to + n, insert: "" },
      ],
      selection: { anchor: from - n, head: to - n },
    };
  }
  // selected "**text**" → "text"
  if (selected.length >= 2 * n && selected.startsWith(marker) && selected.endsWith(marker) && (marker !== "*" || !selected.startsWith("**"))) {
    const inner = selected.slice(n, selected.length - n);
    return { changes: [{ from, to, insert: inner }], selection: { anchor: from, head: from + inner.length } };
  }
  const content = selected === "" ? placeholder : selected;
  return {
    changes: [{ from, to, insert: `${marker}${content}${marker}` }],
    selection: { anchor: from + n, head: from + n + content.length },
  };
}

function fenceBlock(text: string, from: number, to: number): FormatResult {
  const selected = text.slice(from, to).replace(/\n$/, "");
  const before = from === 0 || text[from - 1] === "\n" ? "" : "\n";
  const after = to === text.length || text[to] === "\n" ? "" : "\n";
  const insert = `${before}\`\`\`\n${selected}\n\`\`\`${after}`;
  const start = from + before.length + 4;
  return { changes: [{ from, to, insert }], selection: { anchor: start, head: start + selected.length } };
}

function link(text: string, from: number, to: number, placeholder: string): FormatResult {
  const selected = text.slice(from, to);
  if (/^https?:\/\/\S+$/.test(selected)) {
    // A selected URL becomes the destination; the link text is what to type next.
    const insert = `[${placeholder}](${selected})`;
    return { changes: [{ from, to, insert }], selection: { anchor: from + 1, head: from + 1 + placeholder.length } };
  }
  const label = selected === "" ? placeholder : selected;
  const insert = `[${label}](${LINK_URL})`;
  if (selected === "") return { changes: [{ from, to, insert }], selection: { anchor: from + 1, head: from + 1 + label.length } };
  const urlStart = from + label.length + 3;
  return { changes: [{ from, to, insert }], selection: { anchor: urlStart, head: urlStart + LINK_URL.length } };
}

const HEADING = /^#{1,6}[ \t]+/;

function toggleLinePrefix(
  text: string,
  from: number,
  to: number,
  command: keyof typeof LINE_PREFIXES,
  headingPlaceholder: string,
): FormatResult {
  const prefix = LINE_PREFIXES[command];
  const firstLineStart = text.lastIndexOf("\n", from - 1) + 1;
  // A selection ending at the very start of a line does not take that line along.
  const end = to > from && text[to - 1] === "\n" ? to - 1 : to;
  const lastLineEnd = text.indexOf("\n", end) === -1 ? text.length : text.indexOf("\n", end);

  const lines: { start: number; text: string }[] = [];
  let start = firstLineStart;
  for (const line of text.slice(firstLineStart, lastLineEnd).split("\n")) {
    lines.push({ start, text: line });
    start += line.length + 1;
  }

  // An empty line under the cursor gets a heading to type over.
  if (command === "heading" && lines.length === 1 && lines[0].text.trim() === "") {
    const insert = `${prefix}${headingPlaceholder}`;
    return {
      changes: [{ from: lines[0].start, to: lines[0].start + lines[0].text.length, insert }],
      selection: { anchor: lines[0].start + prefix.length, head: lines[0].start + insert.length },
    };
  }

  const present = (line: string) => (command === "heading" ? /^##[ \t]+/.test(line) && !/^###/.test(line) : line.startsWith(prefix));
  const removing = lines.filter((line) => line.text.trim() !== "").every((line) => present(line.text));
  const changes: TextEdit[] = [];
  for (const line of lines) {
    if (line.text.trim() === "" && lines.length > 1) continue;
    if (removing) {
      const length = command === "heading" ? (HEADING.exec(line.text)?.[0].length ?? 0) : prefix.length;
      if (length > 0) changes.push({ from: line.start, to: line.start + length, insert: "" });
    } else if (command === "heading") {
      // Any other heading level becomes level 2, rather than "## ### title".
      changes.push({ from: line.start, to: line.start + (HEADING.exec(line.text)?.[0].length ?? 0), insert: prefix });
    } else {
      changes.push({ from: line.start, to: line.start, insert: prefix });
    }
  }
  return { changes, selection: { anchor: mapPosition(from, changes), head: mapPosition(to, changes) } };
}

/** Where a position of the old text is in the new one; text inserted exactly at it goes before it. */
function mapPosition(position: number, changes: TextEdit[]): number {
  let delta = 0;
  for (const change of changes) {
    if (change.from > position) break;
    if (change.to <= position) delta += change.insert.length - (change.to - change.from);
    else return change.from + delta + change.insert.length;
  }
  return position + delta;
}

/** Applies a result to the text: the plain-text fallback's way (CodeMirror dispatches the changes itself). */
export function applyFormat(text: string, result: FormatResult): string {
  let output = "";
  let position = 0;
  for (const change of result.changes) {
    output += text.slice(position, change.from) + change.insert;
    position = change.to;
  }
  return output + text.slice(position);
}

// "  - [ ] ", "3. ", "> > - ": quote markers, indentation, a list marker and a task box, each optional but one.
const CONTINUED = /^((?:[ \t]*>[ \t]?)*)([ \t]*)(?:([-*+])|(\d{1,9})([.)]))?([ \t]+)?(\[[ xX]\][ \t]+)?/;

/**
 * Enter inside a list item or a quote starts the next item ("- ", "2. ", "> ", "- [ ] "); Enter on an item left
 * empty ends the list instead, as in every Markdown editor. Null means an ordinary line break.
 */
export function continueMarkup(text: string, selection: { from: number; to: number }): FormatResult | null {
  if (selection.from !== selection.to) return null;
  const position = selection.from;
  const lineStart = text.lastIndexOf("\n", position - 1) + 1;
  const lineEnd = text.indexOf("\n", position) === -1 ? text.length : text.indexOf("\n", position);
  const line = text.slice(lineStart, lineEnd);
  const match = CONTINUED.exec(line);
  if (!match) return null;
  const [whole, quotes = "", indent = "", bullet, number, delimiter, space, task] = match;
  const isList = bullet !== undefined || number !== undefined;
  // A list marker needs the space after it ("-" alone or "-word" is not an item); a quote does not.
  if (isList && space === undefined) return null;
  if (!isList && quotes === "") return null;
  if (position < lineStart + whole.length) return null;

  if (line.slice(whole.length).trim() === "") {
    // An empty item: end the list (or the innermost quote) rather than adding another one.
    const keep = isList ? quotes : quotes.replace(/[ \t]*>[ \t]?$/, "");
    return { changes: [{ from: lineStart, to: lineEnd, insert: keep }], selection: { anchor: lineStart + keep.length, head: lineStart + keep.length } };
  }
  const marker = isList ? `${bullet ?? `${Number(number) + 1}${delimiter}`}${space}${task ? "[ ] " : ""}` : "";
  const insert = `\n${quotes}${indent}${marker}`;
  return { changes: [{ from: position, to: position, insert }], selection: { anchor: position + insert.length, head: position + insert.length } };
}

/**
 * Puts `block` (an image's Markdown) in place of the selection as a paragraph of its own: blank lines around it
 * unless the text already has them, the cursor after it, so the editor keeps typing below the picture.
 */
export function insertBlock(text: string, selection: { from: number; to: number }, block: string): FormatResult {
  const before = text.slice(0, selection.from);
  const after = text.slice(selection.to);
  const lead = before === "" || before.endsWith("\n\n") ? "" : before.endsWith("\n") ? "\n" : "\n\n";
  const trail = after.startsWith("\n\n") ? "" : after.startsWith("\n") ? "\n" : "\n\n";
  const insert = `${lead}${block}${trail}`;
  const end = selection.from + insert.length;
  return { changes: [{ from: selection.from, to: selection.to, insert }], selection: { anchor: end, head: end } };
}

/** The Markdown for an uploaded image: its file name (without the extension) as the alt text until the editor writes one. */
export function imageMarkdown(url: string, fileName: string): string {
  const alt = fileName.replace(/\.[^.]*$/, "").replace(/[[\]\\]/g, "").trim().slice(0, 120);
  return `![${alt}](${url})`;
}
