/**
 * The admin's languages. Chinese is the default (the digest, its editors and its readers are Chinese); English is
 * there for editors who prefer it. Reader pages are not translated: they stay Chinese whatever is chosen here.
 */
export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh-CN";

/** The editor's own choice, set by the language switcher. Scoped to /admin: readers' requests never carry it. */
export const LOCALE_COOKIE = "digest-admin-locale";
export const LOCALE_COOKIE_PATH = "/admin";
export const LOCALE_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

export const LOCALE_NAMES: Record<Locale, string> = { "zh-CN": "中文", en: "English" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** A language tag from the browser as one of ours, by its primary subtag: zh-TW and zh-Hant read as zh-CN, en-GB as en. */
function localeOfTag(tag: string): Locale | null {
  const primary = tag.trim().toLowerCase().split("-")[0];
  if (primary === "zh") return "zh-CN";
  if (primary === "en") return "en";
  return null;
}

/**
 * The browser's preferences (`Accept-Language: en-US,en;q=0.9,zh-CN;q=0.8`) in order of weight; ties keep the header's
 * order. Malformed entries and `q=0` are ignored, so a hostile header can only fall back to the default.
 */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .slice(0, 1000)
    .split(",")
    .map((entry, index) => {
      const [tag = "", ...params] = entry.split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.tag !== "" && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranked) {
    const locale = localeOfTag(tag);
    if (locale) return locale;
  }
  return null;
}

/** The cookie when it names one of ours, else the browser's language, else Chinese. */
export function negotiateLocale({ cookie, acceptLanguage }: { cookie: string | null | undefined; acceptLanguage: string | null | undefined }): Locale {
  if (isLocale(cookie)) return cookie;
  return localeFromAcceptLanguage(acceptLanguage) ?? DEFAULT_LOCALE;
}
