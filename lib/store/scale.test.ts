/**
 * Every reader and admin query against thousands of posts, on SQLite and PostgreSQL, through a client that refuses
 * any write: lists, counts, neighbours, related posts, feeds, the sitemap and search must be indexed queries that
 * never load every post (the class of failure where one query passes every row to the database at once, P2029), and
 * reading must never write.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { testDatabases } from "@/lib/db/testing";
import { createDatabaseStore } from "./database";
import { searchDialect } from "./sql/search-dialect";
import { importPosts } from "./transfer";
import type { PostStore } from "./types";

const POSTS = 2_000;
const WRITES = new Set(["create", "createMany", "createManyAndReturn", "update", "updateMany", "updateManyAndReturn", "upsert", "delete", "deleteMany"]);

/** The same client, except that every write (model operations and raw executes) throws. */
function readOnly(db: Db, attempts: string[]): Db {
  const guarded = db.$extends({
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          if (WRITE_OPS(operation)) {
            attempts.push(`${model}.${operation}`);
            throw new Error(`a read wrote: ${model}.${operation}`);
          }
          return query(args);
        },
      },
    },
  });
  const executeRaw = () => {
    attempts.push("$executeRaw");
    throw new Error("a read wrote: $executeRaw");
  };
  return Object.assign(guarded, { $executeRaw: executeRaw, $executeRawUnsafe: executeRaw, $transaction: executeRaw }) as unknown as Db;
}

function WRITE_OPS(operation: string): boolean {
  return WRITES.has(operation);
}

const words = ["调度器", "服务网格", "可观测性", "Kubernetes", "eBPF", "Gateway API", "推理服务", "存储", "安全", "多集群"];

describe.each(testDatabases())("%s with 2,000 posts", (database) => {
  let store: PostStore;
  const attempts: string[] = [];
  let root: string;

  beforeAll(async () => {
    const db = await database.open();
    const dialect = searchDialect(database.kind);
    root = await mkdtemp(path.join(os.tmpdir(), "digest-scale-"));
    const source = path.join(root, "import");
    await mkdir(source);
    for (let i = 0; i < POSTS; i += 1) {
      const day = new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
      const tags = [`tag-${i % 50}`, `tag-${(i * 7) % 13}`, words[i % words.length]];
      await writeFile(
        path.join(source, `${day}-post-${i}.md`),
        `---\ntitle: "云原生周报 第 ${i} 期：${words[i % words.length]}"\ndate: ${day}\ntags: [${tags.map((t) => JSON.stringify(t)).join(", ")}]\ncategories: [${i % 3 === 0 ? "weekly" : "news"}]\n${i % 97 === 0 ? "draft: true\n" : ""}---\n本期关于${words[i % words.length]}与${words[(i + 3) % words.length]}的进展，编号 n${i}x。\n\n${"正文段落。".repeat(40)}\n`,
      );
    }
    // Imported in place (the folder is CONTENT_DIR): no mirror files to write.
    const result = await importPosts({ db, dialect, contentDir: source }, source);
    expect(result.problems).toEqual([]);
    expect(result.created).toBe(POSTS);
    store = createDatabaseStore(readOnly(db, attempts), { dialect, mirror: null });
  }, 600_000);

  afterAll(async () => {
    await database.close();
    await rm(root, { recursive: true, force: true });
  });

  const drafts = Math.ceil(POSTS / 97);
  const published = POSTS - drafts;

  it("pages through the list newest first, filtered and counted in the database", async () => {
    const first = await store.listPosts({ perPage: 10 });
    expect(first.total).toBe(published);
    expect(first.pageCount).toBe(Math.ceil(published / 10));
    expect(first.posts[0].slug).toBe(`post-${POSTS - 1}`);
    const last = await store.listPosts({ perPage: 10, page: first.pageCount });
    expect(last.posts.length).toBe(published % 10 || 10);
    expect(last.posts.at(-1)?.slug).toBe("post-1");
    expect(Object.keys(first.posts[0])).not.toContain("body");

    const filtered = await store.listPosts({ tags: ["tag-7", "TAG-7"], category: "news", perPage: 100 });
    expect(filtered.total).toBeGreaterThan(0);
    for (const post of filtered.posts) {
      expect(post.tags.map((t) => t.toLowerCase())).toContain("tag-7");
      expect(post.categories).toContain("news");
    }
  });

  it("counts terms and facets with aggregates", async () => {
    const tags = await store.terms("tags");
    expect(tags.find((t) => t.key === "tag-0")?.count).toBeGreaterThan(10);
    const facets = await store.facets({ tags: ["tag-1"] });
    expect(facets.tags.find((t) => t.key === "tag-1")?.count).toBe((await store.listPosts({ tags: ["tag-1"] })).total);
    expect(await store.findTerm("tags", "TAG-3")).toMatchObject({ key: "tag-3" });
    expect(await store.countPublished()).toBe(published);
  });

  it("reads a post, its neighbours, related posts, feeds and the sitemap", async () => {
    const post = await store.getPublished("post-1000");
    expect(post?.title).toContain("第 1000 期");
    const neighbours = await store.neighbours(post!);
    expect(neighbours.previous?.slug).toBe("post-999");
    expect(neighbours.next?.slug).toBe("post-1001");
    const related = await store.related(post!, 4);
    expect(related).toHaveLength(4);
    expect(related.map((r) => r.slug)).not.toContain("post-1000");
    expect((await store.latest(20)).map((p) => p.slug)[0]).toBe(`post-${POSTS - 1}`);
    let after: string | null = null;
    let seen = 0;
    for (;;) {
      const page = await store.sitemapPage(after, 500);
      if (page.length === 0) break;
      seen += page.length;
      after = page[page.length - 1].slug;
    }
    expect(seen).toBe(published);
  });

  it("searches Chinese, English and mixed text, with totals", async () => {
    const chinese = await store.search("服务网格");
    expect(chinese.total).toBeGreaterThan(100);
    expect(chinese.results).toHaveLength(10);
    const distinct = await store.search("n1234x");
    expect(distinct.results.map((r) => r.post.slug)).toEqual(["post-1234"]);
    const mixed = await store.search("Kubernetes 调度器");
    expect(mixed.total).toBeGreaterThan(0);
    const lastPage = await store.search("服务网格", { page: 10_000 });
    expect(lastPage.page).toBe(lastPage.pageCount);
  });

  it("lists, sorts and searches in the admin", async () => {
    const page = await store.listAdmin({ perPage: 25, page: 3, sort: "title", direction: "asc" });
    expect(page.total).toBe(POSTS);
    expect(page.rows).toHaveLength(25);
    const draftsOnly = await store.listAdmin({ status: "draft", perPage: 100 });
    expect(draftsOnly.total).toBe(drafts);
    const found = await store.listAdmin({ q: "n1940x" });
    expect(found.rows.map((r) => r.slug)).toEqual(["post-1940"]);
  });

  it("wrote nothing while reading", () => {
    expect(attempts).toEqual([]);
  });
});
