/**
 * Dates are shown in the digest's own time zone (China by default): a date-only post (UTC midnight) and a
 * `+0800` Jekyll timestamp then land on the day their author meant.
 */
const timeZone = process.env.SITE_TIMEZONE ?? "Asia/Shanghai";

const dayFormat = new Intl.DateTimeFormat("zh-CN", { timeZone, year: "numeric", month: "long", day: "numeric" });
const isoDayFormat = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The day a post shows. `zone` is for the browser, which has no SITE_TIMEZONE: a client component passes the zone the
 * server gave it, so what it renders matches the server's HTML.
 */
export function formatDate(iso: string, zone?: string): string {
  if (zone === undefined || zone === timeZone) return dayFormat.format(new Date(iso));
  let format = dayFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("zh-CN", { timeZone: zone, year: "numeric", month: "long", day: "numeric" });
    dayFormats.set(zone, format);
  }
  return format.format(new Date(iso));
}

/** YYYY-MM-DD in the site's time zone, for `<time dateTime>` and file names. */
export function isoDay(iso: string): string {
  return isoDayFormat.format(new Date(iso));
}
