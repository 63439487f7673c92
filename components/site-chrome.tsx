import type { ReactNode } from "react";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";

/**
 * Header, main column and footer of every reader page. Drawn once: by the (site) layout for routed pages and by the
 * root not-found page for URLs no route matches (which render outside the (site) group). The column is a flex column
 * as tall as the viewport, so the footer stays at the bottom of short pages.
 */
export function SiteChrome({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <a href="#main" className="skip-link rounded bg-sky-700 px-3 py-2 text-white">
        跳到正文
      </a>
      <SiteHeader />
      <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
        {children}
      </main>
      <SiteFooter />
    </div>
  );
}
