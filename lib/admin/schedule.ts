/**
 * Scheduled publishing, as the editor sees it: the "publish at" control's text in the site's time zone and back, and
 * what saving will do with the post. Pure (no `process.env`, no Node): the form runs it in the browser with the time
 * zone the server gave it, the server runs it with the same one, so both read a typed time as the same instant.
 */

/** The site's zone when SITE_TIMEZONE is unset or not a zone Intl knows (a typo must not break every admin page). */
export const DEFAULT_SITE_TIME_ZONE = "Asia/Shanghai";

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** SITE_TIMEZONE as given, or the default. Callers pass the environment (server) — the browser has no SITE_TIMEZONE. */
export function siteTimeZone(env: Record<string, string | undefined>): string {
  const zone = env.SITE_TIMEZONE?.trim();
  return zone && isTimeZone(zone) ? zone : DEFAULT_SITE_TIME_ZONE;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** The wall-clock fields of `time` in `timeZone`, as if they were UTC: subtracting `time` gives the zone's offset. */
function wallClockAsUtc(time: number, timeZone: string): number {
  const parts = Object.fromEntries(partsFormatter(timeZone).formatToParts(new Date(time)).map((p) => [p.type, p.value]));
  return Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
}

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * `<input type="datetime-local">` text ("2026-12-05T09:30") read in `timeZone` → an ISO instant; null for empty or
 * impossible text (2026-02-30, 25:00). Where daylight saving moves the clock (not in China), a skipped time reads an
 * hour early and a repeated one as its first occurrence.
 */
export function publishAtFromLocal(value: string, timeZone: string): string | null {
  const match = LOCAL_PATTERN.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wall);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) {
    return null;
  }
  // The offset at the guessed instant, then again at the corrected one: two steps settle it across a DST change.
  let time = wall - (wallClockAsUtc(wall, timeZone) - wall);
  const offset = wallClockAsUtc(time, timeZone) - time;
  time = wall - offset;
  return new Date(time).toISOString();
}

/** An ISO instant → the datetime-local text that shows it in `timeZone` (minutes; seconds only when set). */
export function localFromPublishAt(iso: string | null, timeZone: string): string {
  if (!iso) return "";
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return "";
  const local = new Date(wallClockAsUtc(time, timeZone)).toISOString();
  return local.slice(17, 19) === "00" ? local.slice(0, 16) : local.slice(0, 19);
}

export type ScheduleOutcome =
  | { kind: "draft" }
  | { kind: "immediate" }
  | { kind: "scheduled"; at: string };

/**
 * What saving the post as it stands will do for readers. The post's date never hides it (a post dated tomorrow is
 * read today, as Jekyll's `future: true` would have it); only a "publish at" time after `now` does.
 */
export function scheduleOutcome(post: { draft: boolean; publishAt: string | null }, now: Date): ScheduleOutcome {
  if (post.draft) return { kind: "draft" };
  if (post.publishAt && Date.parse(post.publishAt) > now.getTime()) return { kind: "scheduled", at: post.publishAt };
  return { kind: "immediate" };
}

/** "2026年12月5日 09:30" / "Dec 5, 2026, 09:30" with the zone's name, in the editor's language. */
export function formatScheduleTime(iso: string, timeZone: string, locale: string): string {
  const text = new Intl.DateTimeFormat(locale, {
    timeZone,
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(new Date(iso));
  return `${text} (${timeZone})`;
}
