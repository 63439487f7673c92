import { isCalendarDate } from "./file-name";

/**
 * Dates as people type them into hand-written Chinese front matter, which the strict reader refuses: `2018/10/16`,
 * `2018.10.16`, `2018年10月16日`, full-width digits and punctuation (`２０１８－１０－１６`), a year that lost its first
 * digit (`018-10-16`), and two dates in one value (`2018-10-16，2018-10-24`: the first is the post's date).
 */
export interface HumanDate {
  /** What the date reads as, in a form `parsePostDate` accepts: `2018-10-16` or `2018-10-16 09:30:00 +08:00`. */
  text: string;
  /** Other dates the value held, ignored. */
  ignored: string[];
}

// Between the parts: `-`, `/`, `.` or 年/月; after the day an optional 日/号; then an optional time and offset.
const HUMAN_DATE =
  /^(\d{3,4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?(?:(?:\s*[Tt]\s*|\s+)(\d{1,2})\s*[:时點点]\s*(\d{1,2})(?:\s*[:分]\s*(\d{1,2})\s*秒?)?\s*分?)?\s*([Zz]|[+-]\d{1,2}(?::?\d{2})?)?$/;
const SEPARATORS = /\s*(?:[,;、~]|至|到|\s\/\s)\s*/;
const QUOTES = /^["'“”‘’「」『』]+|["'“”‘’「」『』]+$/g;

/** The date a person meant, or null when the value holds no day a calendar has. */
export function readHumanDate(written: string): HumanDate | null {
  // A date is short; anything long is not one (and is not worth a regular expression's time).
  if (written.length > 200) return null;
  // NFKC folds full-width digits, colons, commas, slashes and hyphens (a Chinese input method's) to ASCII.
  const text = written.normalize("NFKC").replace(QUOTES, "").trim();
  if (text === "") return null;
  const found: string[] = [];
  for (const candidate of text.split(SEPARATORS)) {
    const date = readOne(candidate.trim());
    if (date !== null) {
      found.push(date);
      continue;
    }
    // "2018-10-16 2018-10-24": dates with only a space between them (every piece must be one).
    const pieces = candidate.trim().split(/\s+/).map(readOne);
    if (pieces.length > 1 && pieces.every((piece) => piece !== null)) found.push(...(pieces as string[]));
  }
  if (found.length === 0) return null;
  const [first, ...rest] = found;
  return { text: first, ignored: rest };
}

function readOne(candidate: string): string | null {
  const match = HUMAN_DATE.exec(candidate);
  if (!match) return null;
  const [, yearText, month, day, hour, minute, second, offset] = match;
  const year = fullYear(yearText);
  if (year === null || !isCalendarDate(year, Number(month), Number(day))) return null;
  const date = `${year}-${pad(month)}-${pad(day)}`;
  if (hour === undefined) return date;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second ?? 0) > 59) return null;
  const time = `${pad(hour)}:${pad(minute)}:${pad(second ?? "0")}`;
  return offset === undefined ? `${date} ${time}` : `${date} ${time} ${isoOffset(offset)}`;
}

/** `018` is `2018` with its first digit lost; other three-digit years are not guessed at. */
function fullYear(text: string): number | null {
  if (text.length === 4) return Number(text);
  return text.startsWith("0") ? 2000 + Number(text) : null;
}

function pad(part: string): string {
  return part.padStart(2, "0");
}

/** `Z`, `+8`, `+0800`, `+08:00` → `+00:00`, `+08:00`. */
function isoOffset(offset: string): string {
  if (offset.toUpperCase() === "Z") return "+00:00";
  const digits = offset.slice(1).replace(":", "");
  const hours = digits.length > 2 ? digits.slice(0, -2) : digits;
  const minutes = digits.length > 2 ? digits.slice(-2) : "00";
  return `${offset[0]}${pad(hours)}:${minutes}`;
}
