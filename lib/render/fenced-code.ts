/**
 * Source-level rewrites (Hugo shortcodes, heading ids) must leave code samples alone, and they run before any Markdown
 * parser, so they need their own notion of where fenced code blocks are. Indented code blocks are not detected: telling
 * them apart from list continuations needs a real parser, and posts use fences.
 */
export interface SourceSegment {
  code: boolean;
  text: string;
}

const FENCE_OPEN = /^[ \t]*(`{3,}|~{3,})/;

/** Splits `source` (LF line endings) into alternating prose and fenced-code segments; joining them gives `source` back. */
export function splitFencedCode(source: string): SourceSegment[] {
  const lines = source.split(/(?<=\n)/);
  const segments: SourceSegment[] = [];
  let current: SourceSegment = { code: false, text: "" };
  let fence: string | null = null;

  const push = (code: boolean) => {
    if (current.text !== "") segments.push(current);
    current = { code, text: "" };
  };

  for (const line of lines) {
    if (fence === null) {
      const open = FENCE_OPEN.exec(line);
      // A backtick fence whose info string contains a backtick is not a fence (CommonMark 4.5).
      if (open && !(open[1][0] === "`" && line.slice(open[0].length).includes("`"))) {
        push(true);
        fence = open[1];
      }
      current.text += line;
      continue;
    }
    current.text += line;
    const trimmed = line.trim();
    if (trimmed.length >= fence.length && trimmed === fence[0].repeat(trimmed.length)) {
      fence = null;
      push(false);
    }
  }
  push(false);
  return segments;
}
