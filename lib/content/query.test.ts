import { describe, expect, it } from "vitest";
import { adjacentPosts, countTerms, facetCounts, filterPosts, paginate, publishedOnly, termKey } from "./query";
import { makePost } from "./testing";
import type { Post } from "./types";

function post(slug: string, over: Partial<Post> = {}): Post {
  return makePost({ slug, ...over });
}

const posts = [
  post("c", { tags: ["Kubernetes", "AI"], categories: ["云原生"] }),
  post("b", { tags: ["kubernetes"], categories: ["weekly"], draft: true }),
  post("a", { tags: ["ＡＩ", "istio"], categories: ["Weekly"] }),
];

describe("termKey", () => {
  it("folds case, width and surrounding space", () => {
    expect(termKey("  Kubernetes ")).toBe("kubernetes");
    expect(termKey("ＡＩ")).toBe("ai");
    expect(termKey("云原生")).toBe("云原生");
  });
});

describe("filterPosts", () => {
  it("needs every tag, compared case-insensitively", () => {
    expect(filterPosts(posts, { tags: ["KUBERNETES"] }).map((p) => p.slug)).toEqual(["c", "b"]);
    expect(filterPosts(posts, { tags: ["kubernetes", "ai"] }).map((p) => p.slug)).toEqual(["c"]);
    expect(filterPosts(posts, { tags: ["ai"] }).map((p) => p.slug)).toEqual(["c", "a"]);
  });

  it("combines a category with tags", () => {
    expect(filterPosts(posts, { category: "WEEKLY" }).map((p) => p.slug)).toEqual(["b", "a"]);
    expect(filterPosts(posts, { category: "weekly", tags: ["istio"] }).map((p) => p.slug)).toEqual(["a"]);
    expect(filterPosts(posts, { category: "云原生", tags: ["istio"] })).toEqual([]);
  });

  it("returns everything without a filter", () => {
    expect(filterPosts(posts, {})).toHaveLength(3);
    expect(filterPosts(posts, { tags: [" "], category: "" })).toHaveLength(3);
  });
});

describe("countTerms", () => {
  it("counts by key, keeps the first spelling, sorts by count then name", () => {
    expect(countTerms(posts, "tags")).toEqual([
      { name: "AI", key: "ai", count: 2 },
      { name: "Kubernetes", key: "kubernetes", count: 2 },
      { name: "istio", key: "istio", count: 1 },
    ]);
    expect(countTerms(posts, "categories")).toEqual([
      { name: "weekly", key: "weekly", count: 2 },
      { name: "云原生", key: "云原生", count: 1 },
    ]);
  });

  it("counts a post once per term", () => {
    expect(countTerms([post("x", { tags: ["Go", "go"] })], "tags")).toEqual([{ name: "Go", key: "go", count: 1 }]);
  });
});

describe("paginate", () => {
  const items = Array.from({ length: 25 }, (_, i) => i);

  it("returns the requested 1-based page", () => {
    expect(paginate(items, 2, 10)).toEqual({ items: [10, 11, 12, 13, 14, 15, 16, 17, 18, 19], page: 2, pageCount: 3, total: 25 });
    expect(paginate(items, 3, 10).items).toEqual([20, 21, 22, 23, 24]);
  });

  it("clamps the page", () => {
    expect(paginate(items, 99, 10).page).toBe(3);
    expect(paginate(items, 0, 10).page).toBe(1);
    expect(paginate(items, -5, 10).page).toBe(1);
    expect(paginate(items, Number.NaN, 10).page).toBe(1);
    expect(paginate(items, 2.7, 10).page).toBe(2);
  });

  it("has one page when empty", () => {
    expect(paginate([], 3, 10)).toEqual({ items: [], page: 1, pageCount: 1, total: 0 });
  });
});

describe("adjacentPosts", () => {
  it("gives the older post as previous and the newer as next", () => {
    const { previous, next } = adjacentPosts(posts, "b");
    expect(previous?.slug).toBe("a");
    expect(next?.slug).toBe("c");
    expect(adjacentPosts(posts, "c").next).toBeNull();
    expect(adjacentPosts(posts, "a").previous).toBeNull();
    expect(adjacentPosts(posts, "missing")).toEqual({ previous: null, next: null });
  });
});

describe("publishedOnly", () => {
  it("drops drafts", () => {
    expect(publishedOnly(posts).map((p) => p.slug)).toEqual(["c", "a"]);
  });
});

describe("facetCounts", () => {
  const published = publishedOnly(posts);
  const counts = (terms: { key: string; count: number }[]) => Object.fromEntries(terms.map((t) => [t.key, t.count]));

  it("counts over everything when nothing is chosen", () => {
    const facets = facetCounts(published, { tags: [] });
    expect(counts(facets.tags)).toEqual({ ai: 2, kubernetes: 1, istio: 1 });
    expect(counts(facets.categories)).toEqual({ 云原生: 1, weekly: 1 });
  });

  it("counts tags within the chosen tags and category, categories within the chosen tags", () => {
    const facets = facetCounts(published, { tags: ["ai"], category: "weekly" });
    expect(counts(facets.tags)).toEqual({ ai: 1, istio: 1 });
    // Switching category keeps the tag filter: both categories still have an AI post.
    expect(counts(facets.categories)).toEqual({ 云原生: 1, weekly: 1 });
  });
});
