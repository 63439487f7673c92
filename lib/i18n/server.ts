import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { adminTranslator, catalogues, type AdminTranslator, type Messages } from "./catalogue";
import { LOCALE_COOKIE, negotiateLocale, type Locale } from "./locales";

export interface AdminI18n {
  locale: Locale;
  messages: Messages;
  t: AdminTranslator;
}

/** The admin's language for this request: the editor's cookie, else the browser's Accept-Language, else Chinese. */
export const getAdminI18n = cache(async (): Promise<AdminI18n> => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const locale = negotiateLocale({
    cookie: cookieStore.get(LOCALE_COOKIE)?.value,
    acceptLanguage: headerList.get("accept-language"),
  });
  const messages = catalogues[locale];
  return { locale, messages, t: adminTranslator(locale, messages) };
});
