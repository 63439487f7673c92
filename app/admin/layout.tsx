import type { ReactNode } from "react";
import { AdminI18nProvider } from "@/components/admin/i18n";
import { getAdminI18n } from "@/lib/i18n/server";

/**
 * The admin's language, for every admin page including sign-in: Chinese unless the editor chose English (a cookie) or
 * their browser asks for it. Client components receive the one catalogue in use through the provider. The root layout
 * says `lang="zh-CN"` for the whole site, so the admin says which language it speaks here.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const { locale, messages } = await getAdminI18n();
  return (
    <AdminI18nProvider locale={locale} messages={messages}>
      <div lang={locale}>{children}</div>
    </AdminI18nProvider>
  );
}
