import { cjkBigrams, normalizeText, textRuns } from "@/lib/search/tokenize";
import type { HighlightPart } from "@/lib/search/types";

/**
 * Marks where a query occurs in a piece of text, and cuts a snippet around the densest cluster of matches. Matching
 * runs on normalised text (full-width, case) and is mapped back so the reader sees the original characters.
 */

/** Something from the query to look for: a word (optionally as a prefix, for the word being typed) or a CJK run. */
export interface Needle {
  id: number;
  text: string;
  cjk: boolean;
  prefix: boolean;
}

export function queryNeedles(query: string): Needle[] {
  const runs = textRuns(normalizeText(query));
  const needles: Needle[] = [];
  const seen = new Set<string>();
  runs.forEach((run, i) => {
    if (seen.has(run.text)) return;
    seen.add(run.text);
    // Search treats the last word as a prefix (the reader may still be typing it); highlight the same way.
    needles.push({ id: needles.length, text: run.text, cjk: run.cjk, prefix: !run.cjk && i === runs.length - 1 && run.text.length >= 2 });
  });
  return needles;
}

interface Mapped {
  normalized: string;
  /** For each UTF-16 unit of `normalized`, the original range it came from. */
  from: Int32Array;
  to: Int32Array;
}

function normalizeWithOffsets(text: string): Mapped {
  let normalized = "";
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  for (const char of text) {
    // Most characters in a post are ASCII or common Han, which NFKC leaves alone; skipping it for them makes
    // snippets several times cheaper.
    const code = char.charCodeAt(0);
    const n =
      (code < 0x80 && (code < 0x41 || code > 0x5a)) || (code >= 0x4e00 && code <= 0x9fff) ? char : normalizeText(char);
    for (let k = 0; k < n.length; k += 1) {
      from.push(i);
      to.push(i + char.length);
    }
    normalized += n;
    i += char.length;
  }
  return { normalized, from: Int32Array.from(from), to: Int32Array.from(to) };
}

interface Interval {
  start: number;
  end: number;
  needles: Set<number>;
}

function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  if (needle === "") return found;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) found.push(at);
  return found;
}

function findIntervals(normalized: string, needles: readonly Needle[]): Interval[] {
  const raw: Interval[] = [];
  const words = needles.filter((n) => !n.cjk);
  if (words.length > 0) {
    for (const run of textRuns(normalized)) {
      if (run.cjk) continue;
      for (const word of words) {
        if (run.text === word.text || (word.prefix && run.text.startsWith(word.text))) {
          raw.push({ start: run.start, end: run.end, needles: new Set([word.id]) });
        }
      }
    }
  }
  for (const needle of needles) {
    if (!needle.cjk) continue;
    const whole = occurrences(normalized, needle.text);
    if (whole.length > 0) {
      for (const at of whole) raw.push({ start: at, end: at + needle.text.length, needles: new Set([needle.id]) });
      continue;
    }
    // The phrase as a whole is absent (search matched its bigrams separately): mark the pieces that are there.
    for (const gram of cjkBigrams(needle.text)) {
      for (const at of occurrences(normalized, gram)) raw.push({ start: at, end: at + gram.length, needles: new Set([needle.id]) });
    }
  }
  raw.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Interval[] = [];
  for (const interval of raw) {
    const last = merged[merged.length - 1];
    if (last && interval.start <= last.end) {
      last.end = Math.max(last.end, interval.end);
      for (const id of interval.needles) last.needles.add(id);
    } else {
      merged.push({ start: interval.start, end: interval.end, needles: new Set(interval.needles) });
    }
  }
  return merged;
}

function pushPart(parts: HighlightPart[], text: string, match: boolean): void {
  if (text === "") return;
  const last = parts[parts.length - 1];
  if (last && last.match === match) last.text += text;
  else parts.push({ text, match });
}

/** Parts for `text[start, end)` (original offsets) with the given normalised intervals marked. */
function partsBetween(text: string, mapped: Mapped, intervals: readonly Interval[], start: number, end: number): HighlightPart[] {
  const parts: HighlightPart[] = [];
  let cursor = start;
  for (const interval of intervals) {
    const from = mapped.from[interval.start];
    const to = mapped.to[interval.end - 1];
    if (to <= start || from >= end) continue;
    const a = Math.max(from, start);
    const b = Math.min(to, end);
    pushPart(parts, text.slice(cursor, a), false);
    pushPart(parts, text.slice(a, b), true);
    cursor = b;
  }
  pushPart(parts, text.slice(cursor, end), false);
  return parts;
}

export function hasMatch(parts: readonly HighlightPart[]): boolean {
  return parts.some((part) => part.match);
}

/** The whole text with matches marked (for titles and other short text). */
export function highlight(text: string, needles: readonly Needle[]): HighlightPart[] {
  const mapped = normalizeWithOffsets(text);
  return partsBetween(text, mapped, findIntervals(mapped.normalized, needles), 0, text.length);
}

export const SNIPPET_LENGTH = 120;
/** How much context to show before the first match of the chosen window. */
const LEAD_IN = 24;

/**
 * About `length` characters of `text` around the window holding the most distinct query matches, with "…" where text
 * was cut. Without any match, the beginning of the text.
 */
export function snippet(text: string, needles: readonly Needle[], length = SNIPPET_LENGTH): HighlightPart[] {
  const mapped = normalizeWithOffsets(text);
  const intervals = findIntervals(mapped.normalized, needles);
  const size = mapped.normalized.length;
  let windowStart = 0;
  if (intervals.length > 0) {
    let best = { distinct: -1, count: -1, start: 0 };
    intervals.forEach((first, i) => {
      const start = Math.max(0, first.start - LEAD_IN);
      const ids = new Set<number>();
      let count = 0;
      for (let j = i; j < intervals.length && intervals[j].end <= start + length; j += 1) {
        for (const id of intervals[j].needles) ids.add(id);
        count += 1;
      }
      if (ids.size > best.distinct || (ids.size === best.distinct && count > best.count)) {
        best = { distinct: ids.size, count, start };
      }
    });
    windowStart = best.start;
  }
  const windowEnd = Math.min(size, windowStart + length);
  if (size === 0) return [];
  const start = mapped.from[windowStart];
  const end = windowEnd >= size ? text.length : mapped.from[windowEnd];
  const parts = partsBetween(text, mapped, intervals, start, end);
  if (start > 0) parts.unshift({ text: "…", match: false });
  if (end < text.length) parts.push({ text: "…", match: false });
  return parts.reduce<HighlightPart[]>((merged, part) => {
    pushPart(merged, part.text, part.match);
    return merged;
  }, []);
}
