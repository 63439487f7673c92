import "server-only";
import { getPublishedPosts } from "@/lib/posts";
import { searchIndexFor } from "@/lib/search/generation";
import { search } from "@/lib/search/search";
import type { SearchOptions, SearchResponse } from "@/lib/search/types";

/**
 * Search over what readers may see right now. `getPublishedPosts()` returns a new array whenever posts change (an
 * editor saves, publishes, unpublishes or deletes), and the index follows that array: the changed posts are
 * re-indexed on the next search, so an edit is findable at once without a rebuild, and drafts or deleted posts drop out.
 */
export async function searchPosts(query: string, options: SearchOptions = {}): Promise<SearchResponse> {
  const posts = await getPublishedPosts();
  return search(searchIndexFor(posts), query, options);
}
