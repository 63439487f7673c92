import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadPostDirectory } from "@/lib/content/load";
import { testDatabases, type TestDatabase } from "@/lib/db/testing";
import { inputFromPost } from "@/lib/content/post-input";
import type { Db } from "@/lib/db/client";
import { createDatabaseStore } from "./database";
import { searchDialect } from "./sql/search-dialect";
import { exportPosts, importPosts } from "./transfer";
import type { EditorRef, PostInput, PostStore } from "./types";

const run = promisify(execFile);
const alice: EditorRef = { id: "u1", email: "alice@example.com" };

/** Posts that exercise what a Markdown file must carry for the database to get the same post back. */
const EDITED: PostInput[] = [
  {
    slug: "kubernetes-ai",
    title: "云原生技术动态：Kubernetes 与 AI 基础设施",
    date: "2026-01-26T02:00:00.000Z",
    author: "云原生观察",
    source: "https://example.com/k8s-ai?utm=1&x=2",
    description: null,
    tags: ["service mesh", "云原生", "Kubernetes"],
    categories: ["cloud native", "AI"],
    draft: false,
    format: "md",
    body: "# 云原生技术动态：Kubernetes 与 AI 基础设施\n\n本期介绍 Kubernetes 的新版本。\n\n---\n\ntitle: not front matter\n",
    publishAt: null,
    cover: "https://example.com/cover.png",
    seoTitle: "Kubernetes 与 AI",
    seoDescription: "给搜索引擎的摘要",
    extra: {},
  },
  {
    slug: "云原生周报",
    title: "Kubernetes: 1.33 发布",
    date: "2026-02-01T08:30:15.123Z",
    author: null,
    source: null,
    description: "明确写下的摘要：与正文第一段不同。",
    tags: [],
    categories: [],
    draft: true,
    format: "mdx",
    body: "<Callout>MDX 组件</Callout>\n\n正文第一段。\n",
    publishAt: "2026-03-01T01:00:00.000Z",
    cover: null,
    seoTitle: null,
    seoDescription: null,
    extra: {
      toc: true,
      weight: 3,
      cover: { image: "/img/cover.png", alt: "封面" },
      中文键: "值",
      releaseDate: "2026-01-01",
      list: [1, "two", null],
    },
  },
  {
    slug: "2026",
    title: "2026",
    date: "2026-02-02T00:00:00.000Z",
    author: "Alice, Bob",
    source: "http://example.com/plain",
    description: null,
    tags: ["yes", "null"],
    categories: ["true"],
    draft: false,
    format: "mdx",
    body: "",
    publishAt: null,
    cover: null,
    seoTitle: null,
    seoDescription: null,
    extra: { published_at: "2026-02-02 10:00:00 +0800" },
  },
];

/** A Jekyll export as it arrives: `YYYY-MM-DD HH:MM:SS +0800` dates, space-separated tags, `published: false`. */
const JEKYLL_FILES: Record<string, string> = {
  "2026-01-20-jekyll-post.md": `---
layout: post
title: "Jekyll 的文章"
date: 2026-01-20 10:00:00 +0800
tags: kubernetes ai
categories: [云原生]
published: false
comments: true
---
从 Jekyll 来的正文。
`,
  "2025-12-31-new-year.markdown": `---
title: 跨年
date: "2025-12-31 23:30:00 -0500"
description: 手写的摘要
---
新年快乐。
`,
};

describe("content:export then content:import", () => {
  let root: string;
  let storeA: PostStore;
  let dbA: Db;
  let dbB: Db;
  const contentDir = () => path.join(root, "mirror");
  let inputsA: Map<string, PostInput>;
  let databaseA: TestDatabase;
  let databaseB: TestDatabase | null = null;
  let storeB: PostStore;

  beforeAll(async () => {
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    root = await mkdtemp(path.join(os.tmpdir(), "digest-transfer-"));
    [databaseA] = testDatabases({});
    dbA = await databaseA.open();
    storeA = createDatabaseStore(dbA, { dialect: searchDialect("sqlite"), mirror: null });
    for (const post of EDITED) await storeA.create(post, alice);
    const deleted = await storeA.create({ ...EDITED[0], slug: "deleted-one", title: "已删除" }, alice);
    await storeA.remove("deleted-one", deleted.versionToken, alice);

    const jekyll = path.join(root, "jekyll");
    await mkdir(jekyll);
    for (const [name, text] of Object.entries(JEKYLL_FILES)) await writeFile(path.join(jekyll, name), text);
    const imported = await importPosts({ db: dbA, dialect: searchDialect("sqlite"), contentDir: contentDir() }, jekyll);
    expect(imported).toMatchObject({ created: 2, problems: [] });

    inputsA = new Map();
    for (const row of (await storeA.listAdmin({ perPage: 100 })).rows) {
      const entry = await storeA.getStored(row.slug);
      if (entry && !entry.deletedAt) inputsA.set(entry.post.slug, inputFromPost(entry.post));
    }
  });

  afterAll(async () => {
    await databaseA.close();
    await databaseB?.close();
    await rm(root, { recursive: true, force: true });
    vi.restoreAllMocks();
  });

  it("keeps what was imported from Jekyll", () => {
    expect(inputsA.get("jekyll-post")).toMatchObject({
      date: "2026-01-20T02:00:00.000Z",
      tags: ["kubernetes", "ai"],
      categories: ["云原生"],
      draft: true,
      description: null,
      extra: { comments: true },
    });
    expect(inputsA.get("new-year")).toMatchObject({ date: "2026-01-01T04:30:00.000Z", description: "手写的摘要" });
  });

  it("exports every live post, drafts included, with the CLI and the function alike", async () => {
    const byFunction = path.join(root, "by-function");
    const { written } = await exportPosts(dbA, byFunction, { contentDir: contentDir() });
    expect(written).toBe(5);
    expect((await readdir(byFunction)).sort()).toEqual([
      "2026-01-01-new-year.md",
      "2026-01-20-jekyll-post.md",
      "2026-01-26-kubernetes-ai.md",
      "2026-02-01-云原生周报.mdx",
      "2026-02-02-2026.mdx",
    ]);

    const byCli = path.join(root, "by-cli");
    const { stdout } = await run("npx", ["--no-install", "tsx", "scripts/content-transfer.ts", "export", byCli], {
      cwd: path.resolve(import.meta.dirname, "../.."),
      env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL, DIGEST_STORE: "", NODE_OPTIONS: "", CONTENT_DIR: contentDir() },
    });
    expect(stdout).toContain("5 post(s) exported");
    const names = (await readdir(byCli)).sort();
    expect(names).toEqual((await readdir(byFunction)).sort());
    for (const name of names) {
      expect(await readFile(path.join(byCli, name), "utf8")).toBe(await readFile(path.join(byFunction, name), "utf8"));
    }
  });

  it("exports over the folder's own file for a post instead of leaving two files with one slug", async () => {
    const folder = path.join(root, "content");
    await mkdir(folder);
    const stale = "---\ntitle: 旧的\ndate: 2026-01-10\nslug: kubernetes-ai\n---\n旧的正文。\n";
    await writeFile(path.join(folder, "2026-01-10-old-name.md"), stale);
    await writeFile(path.join(folder, "2026-02-01-云原生周报.md"), "---\ntitle: 旧的 md\ndate: 2026-02-01\n---\n旧的。\n");
    await writeFile(path.join(folder, "2020-01-01-unrelated.md"), "---\ntitle: 不相关\ndate: 2020-01-01\n---\n留着。\n");

    await exportPosts(dbA, folder, { contentDir: contentDir() });
    const names = (await readdir(folder)).sort();
    expect(names).toContain("2026-01-10-old-name.md");
    expect(names).toContain("2026-02-01-云原生周报.mdx");
    expect(names).not.toContain("2026-02-01-云原生周报.md");
    expect(names).not.toContain("2026-01-26-kubernetes-ai.md");
    expect(names).toContain("2020-01-01-unrelated.md");

    const loaded = await loadPostDirectory(folder, { warn: () => undefined });
    expect(loaded.problems).toEqual([]);
    const bySlug = new Map(loaded.posts.map((post) => [post.slug, inputFromPost(post)]));
    for (const [slug, expected] of inputsA) expect(bySlug.get(slug)).toEqual(expected);
  });

  it("imports the export into a fresh database with every field equal", async () => {
    await databaseA.close();
    [databaseB] = testDatabases({});
    dbB = await databaseB.open();
    storeB = createDatabaseStore(dbB, { dialect: searchDialect("sqlite"), mirror: null });
    const deps = { db: dbB, dialect: searchDialect("sqlite"), contentDir: contentDir() };
    const result = await importPosts(deps, path.join(root, "by-cli"));
    expect(result.problems).toEqual([]);
    expect(result.created).toBe(inputsA.size);

    for (const [slug, expected] of inputsA) {
      const stored = await storeB.getStored(slug);
      expect(stored?.deletedAt).toBeNull();
      expect(inputFromPost(stored!.post)).toEqual(expected);
    }
    for (const post of EDITED) expect(inputsA.get(post.slug)).toEqual(post);
    expect(await storeB.getStored("deleted-one")).toBeNull();

    // Importing the same folder again changes nothing.
    const again = await importPosts(deps, path.join(root, "by-cli"));
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: inputsA.size });
    // The imported posts got their files in CONTENT_DIR (write-through), one per post.
    expect((await readdir(contentDir())).filter((f) => !f.startsWith(".")).length).toBe(inputsA.size);
  });

  it("updates changed posts and brings back deleted ones on import", async () => {
    const current = await storeB.getStored("kubernetes-ai");
    await storeB.remove("kubernetes-ai", current!.versionToken, alice);

    const folder = path.join(root, "changed");
    await mkdir(folder);
    await writeFile(
      path.join(folder, "2026-01-26-kubernetes-ai.md"),
      "---\ntitle: 改过的标题\ndate: 2026-01-26 10:00:00 +0800\n---\n改过的正文。\n",
    );
    const result = await importPosts({ db: dbB, dialect: searchDialect("sqlite"), contentDir: contentDir() }, folder);
    expect(result.updated).toBe(1);
    const stored = await storeB.getStored("kubernetes-ai");
    expect(stored).toMatchObject({ deletedAt: null, post: { title: "改过的标题", body: "改过的正文。\n" } });
  });

  it("imports hand-written front matter through the tolerant reader and reports each repair, one line each", async () => {
    const folder = path.join(root, "repairs");
    await mkdir(folder);
    const file = path.join(folder, "2018-07-25-envoy-threading.md");
    await writeFile(file, '---\ntitle: "Envoy线程模型”\n原文链接：https://example.com/envoy\n---\n正文。\n');
    const { stdout } = await run("npx", ["--no-install", "tsx", "scripts/content-transfer.ts", "import", folder], {
      cwd: path.resolve(import.meta.dirname, "../.."),
      env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL, DIGEST_STORE: "", NODE_OPTIONS: "", CONTENT_DIR: contentDir() },
    });
    expect(stdout.split("\n").filter((line) => line.startsWith(file))).toEqual([
      `${file}:2: warning: closing quote ” read as "`,
      `${file}:3: warning: full-width colon ： read as :`,
      `${file}:3: warning: key 原文链接 read as source`,
      `${file}: warning: date is missing; using 2018-07-25 from the file name`,
    ]);
    expect(stdout).toContain("created 1, updated 0, unchanged 0, skipped 0");
    expect((await storeB.getStored("envoy-threading"))?.post).toMatchObject({ title: "Envoy线程模型", source: "https://example.com/envoy" });

    const again = await importPosts({ db: dbB, dialect: searchDialect("sqlite"), contentDir: contentDir() }, folder);
    expect(again).toMatchObject({ unchanged: 1, problems: [] });
    expect(again.warnings.map((warning) => warning.line)).toEqual([2, 3, 3, null]);
  });
});
