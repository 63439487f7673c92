/**
 * Search and related posts, as the database answers them (SQLite FTS5, PostgreSQL tsvector): the same expectations
 * for both, over the same CJK-bigram tokens.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { testDatabases } from "@/lib/db/testing";
import { createDatabaseStore } from "@/lib/store/database";
import { searchDialect } from "@/lib/store/sql/search-dialect";
import { alice, samplePostInput } from "@/lib/store/testing";
import type { PostInput, PostStore } from "@/lib/store/types";

const filler = "本周社区发布了多个版本，修复了若干问题，并改进了文档与测试。";

function post(overrides: Partial<PostInput> & Pick<PostInput, "slug">): PostInput {
  return samplePostInput({ tags: [], categories: [], source: null, author: null, title: overrides.slug, body: filler, ...overrides });
}

const posts = [
  post({ slug: "body-only", title: "云原生周报第一期", date: "2026-01-05T00:00:00.000Z", body: `${filler}\n\n这次提到了调度器的一些小改动，调度器调度器调度器。\n\n${filler}` }),
  post({ slug: "in-title", title: "Kubernetes 调度器深入解析", date: "2026-01-01T00:00:00.000Z" }),
  post({ slug: "tagged", title: "推理服务的新进展", tags: ["KV 缓存", "llm"], date: "2026-01-02T00:00:00.000Z", body: `${filler} 介绍了推理框架。` }),
  post({ slug: "kv-body", title: "存储周报", date: "2026-01-03T00:00:00.000Z", body: "etcd 是一个 KV 存储，它也有缓存层。" }),
  post({ slug: "secret-draft", title: "未发布的调度器草稿", draft: true, body: "调度器 草稿 Kubernetes" }),
  post({ slug: "scheduled", title: "定时发布的调度器文章", publishAt: "2099-01-01T00:00:00.000Z", body: "调度器 未来" }),
];

describe.each(testDatabases())("search on $kind", (database) => {
  let db: Db;
  let store: PostStore;
  const slugs = async (query: string) => (await store.search(query)).results.map((r) => r.post.slug);

  beforeAll(async () => {
    db = await database.open();
    store = createDatabaseStore(db, { dialect: searchDialect(database.kind), mirror: null });
    for (const input of posts) await store.create(input, alice);
  });

  afterAll(async () => {
    await database.close();
  });

  it("finds Chinese, English and mixed queries", async () => {
    expect(await slugs("调度器")).toEqual(["in-title", "body-only"]);
    expect(await slugs("kubernetes")).toEqual(["in-title"]);
    expect(await slugs("Kubernetes 调度器")).toEqual(["in-title"]);
  });

  it("ranks a title match above a body-only match, even when the body repeats the word", async () => {
    const [first, second] = (await store.search("调度器")).results;
    expect(first.post.slug).toBe("in-title");
    expect(second.post.slug).toBe("body-only");
    expect(first.score).toBeGreaterThan(second.score);
  });

  it("ranks a tag match above a body match", async () => {
    expect(await slugs("KV 缓存")).toEqual(["tagged", "kv-body"]);
  });

  it("never returns drafts or posts scheduled for later", async () => {
    expect((await store.search("草稿")).total).toBe(0);
    expect((await store.search("未发布")).total).toBe(0);
    expect((await store.search("未来")).total).toBe(0);
    expect(await slugs("调度器 草稿")).not.toContain("secret-draft");
  });

  it("folds full-width queries and treats the last word as a prefix", async () => {
    expect(await slugs("ＫＵＢＥＲＮＥＴＥＳ")).toEqual(["in-title"]);
    expect(await slugs("kube")).toEqual(["in-title"]);
    // A lone Chinese character matches the bigrams it starts.
    expect(await slugs("调")).toEqual(expect.arrayContaining(["in-title", "body-only"]));
  });

  it.runIf(database.kind === "sqlite")("tolerates a typo in a long English word", async () => {
    expect(await slugs("kuberentes")).toEqual(["in-title"]);
  });

  it("falls back to any-term matching when no post has every term", async () => {
    expect(await slugs("调度器 zzzunknownzzz")).toContain("in-title");
  });

  it("returns nothing for an empty or punctuation-only query", async () => {
    expect((await store.search("")).total).toBe(0);
    expect((await store.search("  ，。！ ")).results).toEqual([]);
  });

  it("highlights matches in the title and the snippet as parts, not HTML", async () => {
    const hit = (await store.search("调度器")).results[1];
    expect(hit.title.some((p) => p.match)).toBe(false);
    expect(hit.snippet.filter((p) => p.match).map((p) => p.text)).toContain("调度器调度器调度器");
    const titled = (await store.search("Kubernetes 调度器")).results[0];
    expect(titled.title).toEqual([
      { text: "Kubernetes", match: true },
      { text: " ", match: false },
      { text: "调度器", match: true },
      { text: "深入解析", match: false },
    ]);
  });

  it("returns a summary without the body", async () => {
    const hit = (await store.search("kubernetes")).results[0];
    expect(Object.keys(hit.post).sort()).toEqual(["author", "categories", "cover", "date", "description", "readingMinutes", "slug", "tags", "title", "updatedAt"]);
  });

  it("follows writes at once: a new post is found, an unpublished one is not", async () => {
    const created = await store.create(post({ slug: "gateway", title: "Gateway API 发布" }), alice);
    expect(await slugs("gateway")).toEqual(["gateway"]);
    await store.setDraft("gateway", true, created.versionToken, alice);
    expect((await store.search("gateway")).total).toBe(0);
  });

  it("relates posts by shared tags first, then text; never itself, drafts or unrelated posts", async () => {
    const make = (input: Partial<PostInput> & Pick<PostInput, "slug">) => store.create(post(input), alice);
    await make({ slug: "self", title: "Istio 服务网格实践", tags: ["Istio", "service-mesh"], body: "Istio 流量管理与 Envoy。" });
    await make({ slug: "two-tags", title: "周报", tags: ["istio", "Service-Mesh"], date: "2025-01-01T00:00:00.000Z" });
    await make({ slug: "one-tag-similar", title: "Istio 服务网格入门", tags: ["istio"], body: "Istio 流量管理。" });
    await make({ slug: "one-tag", title: "无关的标题", tags: ["istio"], date: "2026-06-01T00:00:00.000Z" });
    await make({ slug: "text-only", title: "服务网格与 Envoy 流量管理", tags: ["envoy"], body: "Istio 流量管理与 Envoy。" });
    await make({ slug: "unrelated", title: "数据库备份", tags: ["postgres"], body: "定期备份。" });
    await make({ slug: "related-draft", title: "Istio 服务网格实践（草稿）", tags: ["istio", "service-mesh"], draft: true });
    const self = await store.getPublished("self");
    if (!self) throw new Error("self not found");
    const related = (await store.related(self, 10)).map((p) => p.slug);
    expect(related.slice(0, 3)).toEqual(["two-tags", "one-tag-similar", "one-tag"]);
    expect(related).toContain("text-only");
    expect(related).not.toContain("self");
    expect(related).not.toContain("related-draft");
    expect(related).not.toContain("unrelated");
    expect((await store.related(self, 2)).map((p) => p.slug)).toEqual(["two-tags", "one-tag-similar"]);
    expect(await store.related(self, 0)).toEqual([]);
  });
});

describe.each(testDatabases())("search pagination on $kind", (database) => {
  let store: PostStore;

  beforeAll(async () => {
    const db = await database.open();
    store = createDatabaseStore(db, { dialect: searchDialect(database.kind), mirror: null });
    for (let i = 0; i < 23; i += 1) {
      await store.create(post({ slug: `post-${String(i).padStart(2, "0")}`, title: `服务网格 第 ${i} 期`, date: `2026-01-${String(i + 1).padStart(2, "0")}T00:00:00.000Z` }), alice);
    }
  });

  afterAll(async () => {
    await database.close();
  });

  it("splits results into pages and reports the totals", async () => {
    const first = await store.search("服务网格", { page: 1, perPage: 10 });
    expect(first).toMatchObject({ total: 23, page: 1, pageCount: 3, perPage: 10 });
    expect(first.results).toHaveLength(10);
    expect((await store.search("服务网格", { page: 3, perPage: 10 })).results).toHaveLength(3);
    const all = await Promise.all([1, 2, 3].map(async (page) => (await store.search("服务网格", { page, perPage: 10 })).results.map((r) => r.post.slug)));
    expect(new Set(all.flat()).size).toBe(23);
  });

  it("orders equal scores newest first", async () => {
    expect((await store.search("服务网格", { perPage: 3 })).results.map((r) => r.post.slug)).toEqual(["post-22", "post-21", "post-20"]);
  });

  it("clamps out-of-range pages and page sizes", async () => {
    expect((await store.search("服务网格", { page: 99, perPage: 10 })).page).toBe(3);
    expect((await store.search("服务网格", { page: -4 })).page).toBe(1);
    expect((await store.search("服务网格", { perPage: 1000 })).results).toHaveLength(23);
    expect((await store.search("服务网格", { perPage: 0 })).results).toHaveLength(1);
  });
});
