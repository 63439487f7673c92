import { getSitemapCount, getSitemapPage, getTerms } from "@/lib/posts";
import { postUrls, termUrls, urlset, xmlResponse } from "@/lib/sitemap";

export const dynamic = "force-static";

export async function generateStaticParams(): Promise<{ file: string }[]> {
  return [];
}

/** `/sitemaps/<n>.xml`: the n-th file of posts; `/sitemaps/terms.xml`: the home page, the indexes and every term. */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await params;
  if (file === "terms.xml") {
    const [tags, categories] = await Promise.all([getTerms("tags"), getTerms("categories")]);
    return xmlResponse(urlset([{ path: "/" }, { path: "/tags" }, { path: "/categories" }, ...termUrls(tags, categories).slice(0, 49_000)]));
  }
  const match = /^(\d{1,4})\.xml$/.exec(file);
  const index = match ? Number(match[1]) : -1;
  if (index < 0 || index >= (await getSitemapCount())) return new Response("Not found", { status: 404 });
  return xmlResponse(urlset(postUrls(await getSitemapPage(index))));
}
