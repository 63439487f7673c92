import type { MetadataRoute } from "next";
import { absoluteUrl } from "@/lib/site";

export default function robots(): MetadataRoute.Robots {
  return {
    // /search itself may be crawled (it links the common tags); its result pages say `noindex, follow` themselves,
    // which a crawler can only read on a page robots.txt lets it fetch. The JSON route is of no use to a crawler.
    rules: [{ userAgent: "*", allow: "/", disallow: ["/admin", "/api", "/search/api"] }],
    sitemap: absoluteUrl("/sitemap.xml"),
  };
}
