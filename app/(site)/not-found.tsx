import type { Metadata } from "next";
import { NotFoundContent } from "@/components/not-found-content";

export const metadata: Metadata = { title: "找不到这个页面" };

/** notFound() in a reader page: the (site) layout around it already draws the header and footer. */
export default function SiteNotFound() {
  return <NotFoundContent />;
}
