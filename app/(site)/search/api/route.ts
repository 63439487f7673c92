import { parseSearchParams } from "@/lib/search/query-params";
import { searchPosts } from "@/lib/posts";

/** JSON for search-as-you-type: `GET /search/api?q=…&page=…` → SearchResponse. */
export async function GET(request: Request): Promise<Response> {
  const { q, page } = parseSearchParams(new URL(request.url).searchParams);
  const response = await searchPosts(q, { page });
  return Response.json(response, {
    headers: { "Cache-Control": "no-store", "X-Robots-Tag": "noindex" },
  });
}
