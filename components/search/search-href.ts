/** The URL of a search results page; page 1 stays implicit so there is one URL per query. */
export function searchHref(query: string, page = 1): string {
  const params = new URLSearchParams();
  if (query !== "") params.set("q", query);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search === "" ? "/search" : `/search?${search}`;
}
