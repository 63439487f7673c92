import { diffLines } from "diff";

export type DiffRow =
  | { kind: "same" | "added" | "removed"; text: string; oldLine: number | null; newLine: number | null }
  | { kind: "skipped"; count: number };

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
 * A line-by-line comparison of `before` and `after` for display. Unchanged runs longer than twice `context` are folded
 * into one "skipped" row so a one-line edit in a long post stays readable.
 */
export function lineDiff(before: string, after: string, context = 3): LineDiff {
  const full: Exclude<DiffRow, { kind: "skipped" }>[] = [];
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
  return { rows: foldUnchanged(full, context), added, removed };
}

function foldUnchanged(rows: Exclude<DiffRow, { kind: "skipped" }>[], context: number): DiffRow[] {
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
