import { describe, expect, it } from "vitest";
import { cachedListPath, canonicalListFilters, parseCachedListSegments, type ListVocabulary } from "@/lib/posts/list-key";

const vocabulary: ListVocabulary = {
  total: 25,
  perPage: 10,
  tags: new Map([
    ["ai", { name: "AI", count: 12 }],
    ["kthena", { name: "kthena", count: 1 }],
    ["llm", { name: "llm", count: 3 }],
    ["云原生", { name: "云原生", count: 5 }],
  ]),
  categories: new Map([["cloud-native", { name: "cloud-native", count: 21 }]]),
};

const key = (query: string) => {
  const filters = canonicalListFilters(new URLSearchParams(query), vocabulary);
  return filters ? cachedListPath(filters) : null;
};

describe("the home list's cache key", () => {
  it("is one path for every spelling, order and repetition of the same filters", () => {
    const canonical = key("tag=llm&tag=AI&category=cloud-native");
    expect(canonical).toBe("/cached-list/1/category%3Acloud-native/tag%3AAI/tag%3Allm");
    expect(key("category=Cloud-Native&tag=ai&tag=LLM&tag=llm&page=1&utm_source=x")).toBe(canonical);
    expect(key("")).toBe("/cached-list/1");
    expect(key("page=1&fbclid=abc")).toBe("/cached-list/1");
    // Junk page values read as page 1, as the list itself reads them.
    expect(key("page=abc")).toBe("/cached-list/1");
    expect(key("page=-3")).toBe("/cached-list/1");
  });

  it("is not made for terms that do not exist, too many tags or pages past the end", () => {
    expect(key("tag=no-such-tag")).toBeNull();
    expect(key("category=nope")).toBeNull();
    expect(key("tag=ai&tag=llm&tag=kthena&tag=云原生")).toBeNull();
    expect(key("page=4")).toBeNull();
    // The rarest filter bounds the pages: one kthena post fills one page.
    expect(key("tag=kthena&page=2")).toBeNull();
    expect(key("tag=ai&page=2")).toBe("/cached-list/2/tag%3AAI");
  });

  it("reads back what it writes, and nothing else", () => {
    expect(parseCachedListSegments("2", ["category:cloud-native", "tag:AI", "tag:云原生"])).toEqual({ page: 2, category: "cloud-native", tags: ["AI", "云原生"] });
    expect(parseCachedListSegments("1", [])).toEqual({ page: 1, tags: [], category: undefined });
    expect(parseCachedListSegments("0", [])).toBeNull();
    expect(parseCachedListSegments("1", ["tag:a", "category:b"])).toBeNull();
    expect(parseCachedListSegments("1", ["other:x"])).toBeNull();
    expect(parseCachedListSegments("1", ["tag:a", "tag:b", "tag:c", "tag:d"])).toBeNull();
  });
});
