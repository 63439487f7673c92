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

/**
 * The inline code spans of `text`, line by line, as [start, end) ranges: a run of backticks up to the next run of the
 * same length on its line (CommonMark's rule, kept to one line). Each run's partner is found from a table built right
 * to left, so a line of unmatched backticks costs one pass instead of one search to the end of the line per backtick.
 */
export function inlineCodeRanges(text: string): Array<readonly [number, number]> {
  const ranges: Array<readonly [number, number]> = [];
  let runs: Array<{ start: number; length: number }> = [];
  const closeLine = () => {
    const partner = new Array<number>(runs.length).fill(-1);
    const nextOfLength = new Map<number, number>();
    for (let run = runs.length - 1; run >= 0; run -= 1) {
      partner[run] = nextOfLength.get(runs[run].length) ?? -1;
      nextOfLength.set(runs[run].length, run);
    }
    for (let run = 0; run < runs.length; run += 1) {
      const close = partner[run];
      if (close === -1) continue;
      ranges.push([runs[run].start, runs[close].start + runs[close].length]);
      run = close;
    }
    runs = [];
  };
  for (let index = 0; index < text.length; index += 1) {
    if (text[index] === "\n") {
      closeLine();
    } else if (text[index] === "`") {
      const start = index;
      while (text[index + 1] === "`") index += 1;
      runs.push({ start, length: index + 1 - start });
    }
  }
  closeLine();
  return ranges;
}
