import { getSitemapCount, getSitemapPage, getTerms } from "@/lib/posts";
import { postUrls, sitemapIndex, termUrls, urlset, xmlResponse } from "@/lib/sitemap";

export const dynamic = "force-static";

/** One sitemap while the site fits in one file; an index of `/sitemaps/<n>.xml` files (and terms.xml) beyond that. */
export async function GET(): Promise<Response> {
  const files = await getSitemapCount();
  if (files > 1) {
    return xmlResponse(sitemapIndex([...Array.from({ length: files }, (_, i) => `/sitemaps/${i}.xml`), "/sitemaps/terms.xml"]));
  }
  const [posts, tags, categories] = await Promise.all([getSitemapPage(0), getTerms("tags"), getTerms("categories")]);
  const newest = posts.reduce<string | undefined>((max, p) => (max === undefined || p.updatedAt > max ? p.updatedAt : max), undefined);
  return xmlResponse(
    urlset([
      { path: "/", lastModified: newest },
      { path: "/tags", lastModified: newest },
      { path: "/categories", lastModified: newest },
      ...postUrls(posts),
      ...termUrls(tags, categories),
    ]),
  );
}
