/**
 * Dates are shown in the digest's own time zone (China by default): a date-only post (UTC midnight) and a
 * `+0800` Jekyll timestamp then land on the day their author meant.
 */
const timeZone = process.env.SITE_TIMEZONE ?? "Asia/Shanghai";

const dayFormat = new Intl.DateTimeFormat("zh-CN", { timeZone, year: "numeric", month: "long", day: "numeric" });
const isoDayFormat = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });

export function formatDate(iso: string): string {
  return dayFormat.format(new Date(iso));
}

/** YYYY-MM-DD in the site's time zone, for `<time dateTime>` and file names. */
export function isoDay(iso: string): string {
  return isoDayFormat.format(new Date(iso));
}
