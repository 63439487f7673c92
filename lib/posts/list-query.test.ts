import { describe, expect, it } from "vitest";
import { listHref, parseListQuery, type ListFilters } from "./list-query";

/** What Next.js hands a page as `searchParams`: repeated keys become arrays. */
function searchParamsOf(href: string): Record<string, string | string[]> {
  const params = new URL(href, "http://localhost").searchParams;
  const result: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    result[key] = values.length === 1 ? values[0] : values;
  }
  return result;
}

describe("parseListQuery", () => {
  it("defaults to the first page without filters", () => {
    expect(parseListQuery({})).toEqual({ page: 1, tags: [], category: undefined });
  });

  it("reads page, tags and category", () => {
    expect(parseListQuery({ page: "3", tag: ["kubernetes", "云原生"], category: "cloud-native" })).toEqual({
      page: 3,
      tags: ["kubernetes", "云原生"],
      category: "cloud-native",
    });
    expect(parseListQuery({ tag: "ai" }).tags).toEqual(["ai"]);
  });

  it("falls back to page 1 for junk pages", () => {
    for (const page of ["abc", "0", "-2", "2.5", "", "1000001", "NaN", "Infinity"]) {
      expect(parseListQuery({ page }).page).toBe(1);
    }
    expect(parseListQuery({ page: " 4 " }).page).toBe(4);
    expect(parseListQuery({ page: ["2", "7"] }).page).toBe(2);
    expect(parseListQuery({ page: ["x", "7"] }).page).toBe(1);
  });

  it("keeps each tag once (compared case-insensitively, as tags are), without blanks", () => {
    expect(parseListQuery({ tag: ["a", "b", "a"] }).tags).toEqual(["a", "b"]);
    expect(parseListQuery({ tag: ["Kubernetes", "kubernetes", " AI ", ""] }).tags).toEqual(["Kubernetes", "AI"]);
  });

  it("ignores junk tags and categories instead of failing", () => {
    expect(parseListQuery({ tag: Array.from({ length: 11 }, (_, i) => `t${i}`) }).tags).toEqual([]);
    expect(parseListQuery({ tag: "x".repeat(101) }).tags).toEqual([]);
    expect(parseListQuery({ category: "" }).category).toBeUndefined();
    expect(parseListQuery({ category: "  " }).category).toBeUndefined();
    expect(parseListQuery({ category: "x".repeat(101) }).category).toBeUndefined();
    expect(parseListQuery({ category: ["a", "b"] }).category).toBe("a");
  });
});

describe("listHref", () => {
  it("leaves page 1 and empty filters out so the URL stays canonical", () => {
    expect(listHref({})).toBe("/");
    expect(listHref({ page: 1, tags: [], category: undefined })).toBe("/");
    expect(listHref({ page: 2 })).toBe("/?page=2");
    expect(listHref({ tags: ["a", "b"], category: "c", page: 3 })).toBe("/?tag=a&tag=b&category=c&page=3");
  });

  it("round-trips through the URL, with Chinese names, spaces and reserved characters", () => {
    const cases: ListFilters[] = [
      { page: 1, tags: [], category: undefined },
      { page: 5, tags: ["service mesh", "云原生", "a&b=c", "100%"], category: "云 原生/AI?" },
      { page: 2, tags: ["kubernetes"], category: undefined },
      { page: 1, tags: [], category: "#hash+plus" },
    ];
    for (const filters of cases) {
      const href = listHref(filters);
      expect(href.startsWith("/")).toBe(true);
      expect(parseListQuery(searchParamsOf(href))).toEqual(filters);
      expect(listHref(parseListQuery(searchParamsOf(href)))).toBe(href);
    }
  });
});
