import { isCalendarDate } from "./file-name";

/**
 * Dates as post files write them: `2026-01-26`, Jekyll's `2026-01-26 10:00:00 +0800`, ISO with `T` and an offset or
 * `Z`, and the Kubernetes blog's one with full-width colons (`13：00：00-08：00`). A missing offset means UTC.
 */
const DATE_TEXT =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*([Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;

/** The ISO string (`toISOString`) for a front-matter date value, or null when it is not a date. */
export function parsePostDate(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : new Date(value.getTime()).toISOString();
  if (typeof value !== "string") return null;

  const match = DATE_TEXT.exec(value.replace(/：/g, ":").trim());
  if (!match) return null;
  const [, year, month, day, hour = "0", minute = "00", second = "00", fraction = "", offset = "Z"] = match;
  if (!isCalendarDate(Number(year), Number(month), Number(day))) return null;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return null;

  const iso = `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${minute}:${second}${fraction}${isoOffset(offset)}`;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

function pad(part: string): string {
  return part.padStart(2, "0");
}

function isoOffset(offset: string): string {
  if (offset.toUpperCase() === "Z") return "Z";
  const digits = offset.slice(1).replace(":", "");
  return `${offset[0]}${digits.slice(0, 2)}:${digits.slice(2, 4) || "00"}`;
}
