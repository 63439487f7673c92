import type { ReactNode } from "react";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";

export default function SiteLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <a href="#main" className="skip-link rounded bg-sky-600 px-3 py-2 text-white">
        跳到正文
      </a>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-4xl px-4 py-8">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
