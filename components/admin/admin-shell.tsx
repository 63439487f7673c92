import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/admin/sign-out-button";
import { getStoreStatus } from "@/lib/admin/queries";
import { can, type Action } from "@/lib/auth/permissions";
import type { SessionEditor } from "@/lib/auth/types";
import type { MessageKey } from "@/lib/i18n/catalogue";
import { getAdminI18n } from "@/lib/i18n/server";
import { LocaleSwitcher } from "./locale-switcher";
import { StoreBanner } from "./store-banner";

export type AdminSection = "posts" | "new-post" | "media" | "users" | "account" | null;

/** Each entry shows only to a role that may do `needs` (lib/auth/permissions.ts). */
const nav: { href: string; label: MessageKey; section: AdminSection; needs?: Action }[] = [
  { href: "/admin", label: "shell.posts", section: "posts" },
  { href: "/admin/posts/new", label: "shell.newPost", section: "new-post", needs: "post.create" },
  { href: "/admin/media", label: "shell.media", section: "media", needs: "post.create" },
  { href: "/admin/users", label: "shell.users", section: "users", needs: "users.manage" },
  { href: "/admin/account", label: "shell.account", section: "account" },
  { href: "/", label: "shell.viewSite", section: null },
];

/**
 * The frame of every admin page: navigation, the language, who is signed in, and where writes go. Each page renders it
 * itself because the group's layout only guards (a layout cannot know the page's section).
 */
export async function AdminShell({
  editor,
  section,
  children,
}: {
  editor: SessionEditor;
  section: AdminSection;
  children: ReactNode;
}) {
  const [store, { t }] = await Promise.all([getStoreStatus(), getAdminI18n()]);
  return (
    <>
      <a href="#admin-main" className="skip-link rounded bg-sky-600 px-3 py-2 text-white">
        {t("shell.skipToContent")}
      </a>
      <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/admin" className="text-lg font-bold tracking-tight text-slate-900 dark:text-white">
            {t("shell.brand")}
          </Link>
          <nav aria-label={t("shell.nav")} className="mr-auto">
            <ul className="flex gap-4 text-sm">
              {nav.filter((item) => !item.needs || can(editor, item.needs)).map((item) => (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    aria-current={item.section !== null && item.section === section ? "page" : undefined}
                    className="text-slate-600 hover:text-slate-900 aria-[current=page]:font-semibold aria-[current=page]:text-slate-900 dark:text-slate-300 dark:hover:text-white dark:aria-[current=page]:text-white"
                  >
                    {t(item.label)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <LocaleSwitcher />
          <p className="text-sm text-slate-600 dark:text-slate-400">
            <span className="sr-only">{t("shell.signedInAs")}</span>
            {editor.email}
          </p>
          <SignOutButton label={t("shell.signOut")} />
        </div>
      </header>
      <StoreBanner status={store} t={t} />
      <main id="admin-main" className="mx-auto max-w-7xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
