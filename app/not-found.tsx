import type { Metadata } from "next";
import { NotFoundContent } from "@/components/not-found-content";
import { SiteChrome } from "@/components/site-chrome";

export const metadata: Metadata = { title: "找不到这个页面" };

/**
 * URLs that no route matches render here, inside the root layout only, so this page draws the site chrome itself.
 * notFound() inside a reader page is answered by app/(site)/not-found.tsx instead, inside the (site) layout.
 */
export default function NotFound() {
  return (
    <SiteChrome>
      <NotFoundContent />
    </SiteChrome>
  );
}
