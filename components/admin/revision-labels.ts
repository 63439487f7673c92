import type { AdminTranslator } from "@/lib/i18n/catalogue";

/**
 * What a revision did, in words: created, edited, published, unpublished, deleted, restored, saved during an outage…
 * The data layer may add actions this build does not know yet; they read "other (name)" rather than failing or lying.
 */
export function revisionActionLabel(action: string, t: AdminTranslator): string {
  const key = `revisionActions.${action}`;
  return action !== "unknown" && /^[a-z-]+$/.test(action) && t.has(key) ? t(key) : t("revisionActions.unknown", { action });
}

export function revisionTimeFormat(locale: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale, {
    timeZone: process.env.SITE_TIMEZONE ?? "Asia/Shanghai",
    dateStyle: "medium",
    timeStyle: "medium",
  });
}
