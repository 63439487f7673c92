import { describe, expect, it } from "vitest";
import { buildSearchIndex, removePost, syncSearchIndex, upsertPost } from "@/lib/search/index";
import { search } from "@/lib/search/search";
import { makePost } from "@/lib/content/testing";

const filler = "本周社区发布了多个版本，修复了若干问题，并改进了文档与测试。";

const posts = [
  makePost({
    slug: "body-only",
    title: "云原生周报第一期",
    date: "2026-01-05T00:00:00.000Z",
    body: `${filler}\n\n这次提到了调度器的一些小改动，调度器调度器调度器。\n\n${filler}`,
  }),
  makePost({ slug: "in-title", title: "Kubernetes 调度器深入解析", date: "2026-01-01T00:00:00.000Z", body: filler }),
  makePost({
    slug: "tagged",
    title: "推理服务的新进展",
    tags: ["KV 缓存", "llm"],
    date: "2026-01-02T00:00:00.000Z",
    body: `${filler} 介绍了推理框架。`,
  }),
  makePost({
    slug: "kv-body",
    title: "存储周报",
    date: "2026-01-03T00:00:00.000Z",
    body: "etcd 是一个 KV 存储，它也有缓存层。",
  }),
  makePost({ slug: "secret-draft", title: "未发布的调度器草稿", draft: true, body: "调度器 草稿 Kubernetes" }),
];

describe("search", () => {
  const index = buildSearchIndex(posts);

  it("finds Chinese, English and mixed queries", () => {
    expect(search(index, "调度器").results.map((r) => r.post.slug)).toEqual(["in-title", "body-only"]);
    expect(search(index, "kubernetes").results.map((r) => r.post.slug)).toEqual(["in-title"]);
    expect(search(index, "Kubernetes 调度器").results.map((r) => r.post.slug)).toEqual(["in-title"]);
  });

  it("ranks a title match above a body-only match, even when the body repeats the word", () => {
    const [first, second] = search(index, "调度器").results;
    expect(first.post.slug).toBe("in-title");
    expect(second.post.slug).toBe("body-only");
    expect(first.score).toBeGreaterThan(second.score);
  });

  it("ranks a tag match above a body match", () => {
    expect(search(index, "KV 缓存").results.map((r) => r.post.slug)).toEqual(["tagged", "kv-body"]);
  });

  it("never returns drafts, even when the index is given them", () => {
    expect(index.posts.has("secret-draft")).toBe(false);
    expect(search(index, "草稿").total).toBe(0);
    expect(search(index, "未发布").total).toBe(0);
    expect(search(index, "调度器 草稿").results.map((r) => r.post.slug)).not.toContain("secret-draft");
  });

  it("folds full-width queries and treats the last word as a prefix", () => {
    expect(search(index, "ＫＵＢＥＲＮＥＴＥＳ").results.map((r) => r.post.slug)).toEqual(["in-title"]);
    expect(search(index, "kube").results.map((r) => r.post.slug)).toEqual(["in-title"]);
  });

  it("tolerates a typo in a long English word", () => {
    expect(search(index, "kuberentes").results.map((r) => r.post.slug)).toEqual(["in-title"]);
  });

  it("falls back to any-term matching when no post has every term", () => {
    const response = search(index, "调度器 zzzunknownzzz");
    expect(response.results.map((r) => r.post.slug)).toContain("in-title");
  });

  it("returns nothing for an empty or punctuation-only query", () => {
    expect(search(index, "").total).toBe(0);
    expect(search(index, "  ，。！ ").results).toEqual([]);
  });

  it("highlights matches in the title and the snippet as parts, not HTML", () => {
    const hit = search(index, "调度器").results[1];
    expect(hit.title.some((p) => p.match)).toBe(false);
    expect(hit.snippet.filter((p) => p.match).map((p) => p.text)).toContain("调度器调度器调度器");
    const titled = search(index, "Kubernetes 调度器").results[0];
    expect(titled.title).toEqual([
      { text: "Kubernetes", match: true },
      { text: " ", match: false },
      { text: "调度器", match: true },
      { text: "深入解析", match: false },
    ]);
  });

  it("returns a summary without the body", () => {
    const hit = search(index, "kubernetes").results[0];
    expect(Object.keys(hit.post).sort()).toEqual(["categories", "date", "description", "slug", "tags", "title"]);
  });
});

describe("pagination", () => {
  const many = Array.from({ length: 23 }, (_, i) =>
    makePost({
      slug: `post-${String(i).padStart(2, "0")}`,
      title: `服务网格 第 ${i} 期`,
      date: `2026-01-${String(i + 1).padStart(2, "0")}T00:00:00.000Z`,
    }),
  );
  const index = buildSearchIndex(many);

  it("splits results into pages and reports the totals", () => {
    const first = search(index, "服务网格", { page: 1, perPage: 10 });
    expect(first).toMatchObject({ total: 23, page: 1, pageCount: 3, perPage: 10 });
    expect(first.results).toHaveLength(10);
    const last = search(index, "服务网格", { page: 3, perPage: 10 });
    expect(last.results).toHaveLength(3);
    const all = [1, 2, 3].flatMap((page) => search(index, "服务网格", { page, perPage: 10 }).results.map((r) => r.post.slug));
    expect(new Set(all).size).toBe(23);
  });

  it("orders equal scores newest first", () => {
    const slugs = search(index, "服务网格", { perPage: 3 }).results.map((r) => r.post.slug);
    expect(slugs).toEqual(["post-22", "post-21", "post-20"]);
  });

  it("clamps out-of-range pages and page sizes", () => {
    expect(search(index, "服务网格", { page: 99, perPage: 10 }).page).toBe(3);
    expect(search(index, "服务网格", { page: -4 }).page).toBe(1);
    expect(search(index, "服务网格", { perPage: 1000 }).results).toHaveLength(23);
    expect(search(index, "服务网格", { perPage: 0 }).results).toHaveLength(1);
  });
});

describe("incremental updates", () => {
  it("finds an added post, forgets a removed one, and unpublishing removes it", () => {
    const index = buildSearchIndex(posts);
    upsertPost(index, makePost({ slug: "new", title: "Gateway API 发布" }));
    expect(search(index, "gateway").results.map((r) => r.post.slug)).toEqual(["new"]);
    upsertPost(index, makePost({ slug: "new", title: "Gateway API 发布", draft: true }));
    expect(search(index, "gateway").total).toBe(0);
    expect(removePost(index, "in-title")).toBe(true);
    expect(search(index, "kubernetes").total).toBe(0);
  });

  it("syncing to a new post list gives the same answers as a fresh build", () => {
    const index = buildSearchIndex(posts);
    const next = [
      makePost({ ...posts[0], title: "调度器周报" }),
      posts[2],
      posts[3],
      makePost({ slug: "fresh", title: "Kubernetes 新特性", body: "调度器" }),
      makePost({ ...posts[4], draft: false }),
    ];
    expect(syncSearchIndex(index, next)).toEqual({ added: 2, replaced: 1, removed: 1 });
    const fresh = buildSearchIndex(next);
    for (const query of ["调度器", "kubernetes", "草稿", "KV 缓存", "周报"]) {
      expect(search(index, query).results.map((r) => [r.post.slug, r.score.toFixed(6)])).toEqual(
        search(fresh, query).results.map((r) => [r.post.slug, r.score.toFixed(6)]),
      );
    }
  });
});
