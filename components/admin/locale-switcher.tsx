"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE, LOCALE_COOKIE_PATH, LOCALE_NAMES, LOCALES, isLocale } from "@/lib/i18n/locales";
import { useAdminI18n } from "./i18n";

/**
 * The admin's language. The choice is a cookie (scoped to /admin) and the page re-renders in place with
 * `router.refresh()`: nothing typed in an open editor is lost, and no reload asks about unsaved changes. Its label
 * is in both languages, so it can be found whichever is showing.
 */
export function LocaleSwitcher() {
  const { locale, t } = useAdminI18n();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex items-center gap-2 text-sm">
      <label htmlFor="admin-locale" className="text-slate-600 dark:text-slate-400">
        {t("shell.language")}
      </label>
      <select
        id="admin-locale"
        value={locale}
        disabled={pending}
        onChange={(event) => {
          const next = event.target.value;
          if (!isLocale(next)) return;
          document.cookie = `${LOCALE_COOKIE}=${next}; Path=${LOCALE_COOKIE_PATH}; Max-Age=${LOCALE_COOKIE_MAX_AGE}; SameSite=Lax`;
          startTransition(() => router.refresh());
        }}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
      >
        {LOCALES.map((option) => (
          <option key={option} value={option} lang={option}>
            {LOCALE_NAMES[option]}
          </option>
        ))}
      </select>
    </div>
  );
}
