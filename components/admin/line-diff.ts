import { diffArrays, diffLines } from "diff";

/** A run of text within a changed line: `changed` is what the other version does not have. */
export interface DiffSegment {
  text: string;
  changed: boolean;
}

export type DiffRow =
  | { kind: "same"; text: string; oldLine: number | null; newLine: number | null }
  /** `segments`, when present, mark the characters that changed against the line this one replaced (or was replaced by). */
  | { kind: "added" | "removed"; text: string; oldLine: number | null; newLine: number | null; segments?: DiffSegment[] }
  | { kind: "skipped"; count: number };

type LineRow = Exclude<DiffRow, { kind: "skipped" }>;

export interface LineDiff {
  rows: DiffRow[];
  added: number;
  removed: number;
}

function splitLines(value: string): string[] {
  const lines = value.split("\n");
  // diffLines keeps each line's newline, so a change ends with an empty piece that is not a line.
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/**
 * A line-by-line comparison of `before` and `after` for display. A changed line is also compared with the line it
 * replaced, character by character, so one changed word in a long Chinese paragraph stands out. Unchanged runs longer
 * than twice `context` are folded into one "skipped" row so a one-line edit in a long post stays readable.
 */
export function lineDiff(before: string, after: string, context = 3): LineDiff {
  const full: LineRow[] = [];
  let oldLine = 1;
  let newLine = 1;
  let added = 0;
  let removed = 0;
  for (const change of diffLines(before, after)) {
    for (const text of splitLines(change.value)) {
      if (change.added) {
        full.push({ kind: "added", text, oldLine: null, newLine: newLine++ });
        added++;
      } else if (change.removed) {
        full.push({ kind: "removed", text, oldLine: oldLine++, newLine: null });
        removed++;
      } else {
        full.push({ kind: "same", text, oldLine: oldLine++, newLine: newLine++ });
      }
    }
  }
  markChangedCharacters(full);
  return { rows: foldUnchanged(full, context), added, removed };
}

/**
 * Pairs each run of removed lines with the run of added lines right after it (how diffLines reports an edited
 * paragraph), line by line, and marks what changed inside each pair.
 */
function markChangedCharacters(rows: LineRow[]): void {
  let index = 0;
  while (index < rows.length) {
    if (rows[index].kind !== "removed") {
      index++;
      continue;
    }
    const removedStart = index;
    while (index < rows.length && rows[index].kind === "removed") index++;
    const addedStart = index;
    while (index < rows.length && rows[index].kind === "added") index++;
    const pairs = Math.min(addedStart - removedStart, index - addedStart);
    for (let offset = 0; offset < pairs; offset++) {
      const oldRow = rows[removedStart + offset];
      const newRow = rows[addedStart + offset];
      const segments = characterDiff(oldRow.text, newRow.text);
      if (segments && oldRow.kind !== "same" && newRow.kind !== "same") {
        oldRow.segments = segments.before;
        newRow.segments = segments.after;
      }
    }
  }
}

/** Each CJK character on its own (Chinese has no spaces to split words at), Latin words whole, spaces, punctuation. */
// Han are letters too, so the word alternative must stop at them: "Kubernetes成为AI" is Kubernetes, 成, 为, AI.
const CJK = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}`;
const TOKEN = new RegExp(String.raw`[${CJK}]|(?:(?![${CJK}])[\p{L}\p{M}\p{N}_])+|\s+|.`, "gsu");
const MAX_TOKENS = 4000;
/** Below this share of text in common the lines are different lines, and marking characters would only be noise. */
const MIN_SHARED = 0.4;

export function characterDiff(before: string, after: string): { before: DiffSegment[]; after: DiffSegment[] } | null {
  const oldTokens = before.match(TOKEN) ?? [];
  const newTokens = after.match(TOKEN) ?? [];
  if (oldTokens.length === 0 || newTokens.length === 0 || oldTokens.length + newTokens.length > MAX_TOKENS) return null;
  const beforeSegments: DiffSegment[] = [];
  const afterSegments: DiffSegment[] = [];
  let shared = 0;
  const push = (segments: DiffSegment[], text: string, changed: boolean) => {
    const last = segments.at(-1);
    if (last && last.changed === changed) last.text += text;
    else segments.push({ text, changed });
  };
  for (const change of diffArrays(oldTokens, newTokens)) {
    const text = change.value.join("");
    if (change.added) push(afterSegments, text, true);
    else if (change.removed) push(beforeSegments, text, true);
    else {
      shared += text.replace(/\s/g, "").length;
      push(beforeSegments, text, false);
      push(afterSegments, text, false);
    }
  }
  const longer = Math.max(before.replace(/\s/g, "").length, after.replace(/\s/g, "").length);
  return longer > 0 && shared / longer >= MIN_SHARED ? { before: beforeSegments, after: afterSegments } : null;
}

function foldUnchanged(rows: LineRow[], context: number): DiffRow[] {
  const keep = rows.map((row) => row.kind !== "same");
  rows.forEach((row, index) => {
    if (row.kind === "same") return;
    for (let near = Math.max(0, index - context); near <= Math.min(rows.length - 1, index + context); near++) keep[near] = true;
  });
  const result: DiffRow[] = [];
  let skipped = 0;
  rows.forEach((row, index) => {
    if (keep[index]) {
      if (skipped > 0) result.push({ kind: "skipped", count: skipped });
      skipped = 0;
      result.push(row);
    } else {
      skipped++;
    }
  });
  if (skipped > 0) result.push({ kind: "skipped", count: skipped });
  return result;
}
