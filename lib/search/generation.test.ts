import { describe, expect, it } from "vitest";
import { createIndexGenerations } from "@/lib/search/generation";
import { search } from "@/lib/search/search";
import { makePost } from "@/lib/content/testing";

describe("index generations", () => {
  it("reuses the index while the posts array is the same object", () => {
    const generations = createIndexGenerations();
    const posts = [makePost({ slug: "a", title: "服务网格" })];
    expect(generations.indexFor(posts)).toBe(generations.indexFor(posts));
  });

  it("follows a new posts array: edits, publications, unpublications and deletions show at once", () => {
    const generations = createIndexGenerations();
    const first = [makePost({ slug: "a", title: "服务网格" }), makePost({ slug: "b", title: "调度器" })];
    expect(search(generations.indexFor(first), "服务网格").total).toBe(1);

    const second = [
      makePost({ slug: "a", title: "可观测性" }),
      makePost({ slug: "c", title: "服务网格新文章" }),
      makePost({ slug: "d", title: "服务网格草稿", draft: true }),
    ];
    const index = generations.indexFor(second);
    expect(search(index, "服务网格").results.map((r) => r.post.slug)).toEqual(["c"]);
    expect(search(index, "可观测性").results.map((r) => r.post.slug)).toEqual(["a"]);
    expect(search(index, "调度器").total).toBe(0);
  });

  it("does not answer an old array from an index that has moved on", () => {
    const generations = createIndexGenerations();
    const first = [makePost({ slug: "a", title: "服务网格" })];
    const second = [makePost({ slug: "b", title: "调度器" })];
    generations.indexFor(first);
    generations.indexFor(second);
    expect(search(generations.indexFor(first), "服务网格").total).toBe(1);
  });
});
