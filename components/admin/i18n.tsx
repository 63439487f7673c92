"use client";

import "@/components/admin/zod-jitless";
import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { AdminTranslator, Messages } from "@/lib/i18n/catalogue";
import type { Locale } from "@/lib/i18n/locales";
import { createTranslator } from "@/lib/i18n/translate";

interface AdminI18nValue {
  locale: Locale;
  t: AdminTranslator;
}

const AdminI18nContext = createContext<AdminI18nValue | null>(null);

/**
 * Gives client components the language the admin layout chose for this request. The layout passes the one catalogue
 * in use as plain data, so the browser never downloads the other language; `router.refresh()` after the language
 * changes sends the new one without a reload (and without losing what the editor typed).
 */
export function AdminI18nProvider({ locale, messages, children }: { locale: Locale; messages: Messages; children: ReactNode }) {
  const value = useMemo(() => ({ locale, t: createTranslator(locale, messages) }), [locale, messages]);
  return <AdminI18nContext.Provider value={value}>{children}</AdminI18nContext.Provider>;
}

export function useAdminI18n(): AdminI18nValue {
  const value = useContext(AdminI18nContext);
  if (!value) throw new Error("useAdminI18n() outside <AdminI18nProvider>: admin client components render under app/admin/layout.tsx");
  return value;
}

export function useT(): AdminTranslator {
  return useAdminI18n().t;
}
