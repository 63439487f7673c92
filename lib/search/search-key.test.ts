import { describe, expect, it } from "vitest";
import type { ListVocabulary } from "@/lib/posts/list-key";
import { SearchAdmission, cachedSearchPath, canonicalSearch, parseCachedSearchSegments } from "@/lib/search/search-key";

const vocabulary: ListVocabulary = { total: 2, perPage: 10, tags: new Map([["kubernetes", { name: "kubernetes", count: 2 }]]), categories: new Map() };

describe("the search page's cache key", () => {
  it("reads the query as the page does: first value, trimmed; junk pages are page 1", () => {
    expect(canonicalSearch(new URLSearchParams("q=%20KV%20缓存%20&q=x&page=zz"))).toEqual({ q: "KV 缓存", page: 1 });
    expect(cachedSearchPath({ q: "KV 缓存", page: 2 })).toBe("/cached-search/2/KV%20%E7%BC%93%E5%AD%98");
    expect(cachedSearchPath({ q: "", page: 1 })).toBe("/cached-search/1");
    expect(canonicalSearch(new URLSearchParams("q=a&page=11"))).toBeNull();
    expect(parseCachedSearchSegments("2", ["KV 缓存"])).toEqual({ q: "KV 缓存", page: 2 });
    expect(parseCachedSearchSegments("1", [" padded"])).toBeNull();
  });

  it("admits the empty query and term names at once, other queries on their second ask, and a bounded number of them", () => {
    const admission = new SearchAdmission();
    expect(admission.admit("", vocabulary)).toBe(true);
    expect(admission.admit("Kubernetes", vocabulary)).toBe(true);
    expect(admission.admit("调度器", vocabulary)).toBe(false);
    expect(admission.admit("调度器", vocabulary)).toBe(true);
    expect(admission.admit("调度器", vocabulary)).toBe(true);
    for (let i = 0; i < 3000; i += 1) {
      admission.admit(`q${i}`, vocabulary);
      admission.admit(`q${i}`, vocabulary);
    }
    expect(admission.admit("fresh", vocabulary)).toBe(false);
    expect(admission.admit("fresh", vocabulary)).toBe(false);
  });
});
