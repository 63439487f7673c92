import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parsePostSource } from "./front-matter";
import { loadPostDirectory, serializePostFile } from "./load";
import type { Post } from "./types";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "digest-load-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const post = (title: string, date: string, extra = "") => `---\ntitle: ${title}\ndate: ${date}\n${extra}---\n正文\n`;

describe("loadPostDirectory", () => {
  it("hands back the exact text each post was parsed from, so callers need not read the files again", async () => {
    const raw = post("Kept", "2026-01-01", "tags: [a]\n");
    await writeFile(path.join(dir, "2026-01-01-kept.md"), raw);
    await writeFile(path.join(dir, "2026-01-02-broken.md"), "---\ntitle: [unclosed\n---\n");
    const result = await loadPostDirectory(dir, { warn: () => undefined });
    const kept = result.posts[0];
    expect(kept.origin.kind === "file" && result.sources.get(kept.origin.path)).toBe(raw);
    expect(result.posts).toHaveLength(1);
  });

  it("reads top-level posts and bundles, newest first, drafts included", async () => {
    await writeFile(path.join(dir, "2026-01-01-old.md"), post("Old", "2026-01-01"));
    await writeFile(path.join(dir, "2026-02-01-new.mdx"), post("New", "2026-02-01", "draft: true\n"));
    await writeFile(path.join(dir, "2026-01-15-mid.markdown"), post("Mid", "2026-01-15"));
    await writeFile(path.join(dir, "2026-01-15-also-mid.md"), post("Also", "2026-01-15"));
    await mkdir(path.join(dir, "2026-01-20-bundle"));
    await writeFile(path.join(dir, "2026-01-20-bundle", "index.md"), post("Bundle", "2026-01-20"));
    await writeFile(path.join(dir, "notes.txt"), "not a post");
    await writeFile(path.join(dir, ".hidden.md"), "not a post either");
    await mkdir(path.join(dir, "images"));

    const lines: string[] = [];
    const result = await loadPostDirectory(dir, { warn: (line) => lines.push(line) });
    expect(result.problems).toEqual([]);
    expect(lines).toEqual([]);
    expect(result.posts.map((p) => p.slug)).toEqual(["new", "bundle", "also-mid", "mid", "old"]);
    expect(result.posts[0]).toMatchObject({ draft: true, format: "mdx", origin: { kind: "file", path: path.join(dir, "2026-02-01-new.mdx") } });
  });

  it("skips a broken file with one warning line naming file and line", async () => {
    await writeFile(path.join(dir, "2026-01-01-good.md"), post("Good", "2026-01-01"));
    await writeFile(path.join(dir, "2026-01-02-bad.md"), "---\ntitle: Bad\ndate: 2026-01-02\n  oops: x\n---\n");
    const lines: string[] = [];
    const result = await loadPostDirectory(dir, { warn: (line) => lines.push(line) });
    expect(result.posts.map((p) => p.slug)).toEqual(["good"]);
    const file = path.join(dir, "2026-01-02-bad.md");
    expect(result.problems).toEqual([{ file, line: 4, message: "front matter: bad indentation of a mapping entry" }]);
    expect(lines).toEqual([`[content] skipped ${file}:4: front matter: bad indentation of a mapping entry`]);
  });

  it("logs through console.warn by default", async () => {
    await writeFile(path.join(dir, "x.md"), "no front matter");
    const original = console.warn;
    const lines: unknown[] = [];
    console.warn = (line: unknown) => lines.push(line);
    try {
      await loadPostDirectory(dir);
    } finally {
      console.warn = original;
    }
    expect(lines).toEqual([`[content] skipped ${path.join(dir, "x.md")}:1: title is required`]);
  });

  it("keeps the first of two posts with one slug, by file name", async () => {
    await writeFile(path.join(dir, "2026-01-02-same.md"), post("Second by name", "2026-03-01"));
    await writeFile(path.join(dir, "2026-01-01-same.md"), post("First by name", "2026-01-01"));
    const result = await loadPostDirectory(dir, { warn: () => {} });
    expect(result.posts.map((p) => p.title)).toEqual(["First by name"]);
    expect(result.problems).toEqual([
      { file: path.join(dir, "2026-01-02-same.md"), line: null, message: `slug "same" is already used by ${path.join(dir, "2026-01-01-same.md")}` },
    ]);
  });

  it("reports a file it cannot read", async () => {
    // A folder named like a bundle's index.md: listed as a post, but reading it fails (EISDIR) even as root.
    await mkdir(path.join(dir, "2026-01-01-odd", "index.md"), { recursive: true });
    await writeFile(path.join(dir, "2026-01-02-fine.md"), post("Fine", "2026-01-02"));
    const result = await loadPostDirectory(dir, { warn: () => {} });
    expect(result.posts.map((p) => p.slug)).toEqual(["fine"]);
    expect(result.problems).toEqual([
      { file: path.join(dir, "2026-01-01-odd", "index.md"), line: null, message: expect.stringMatching(/^cannot read file: EISDIR/) },
    ]);
  });

  it("reports a missing directory instead of throwing", async () => {
    const missing = path.join(dir, "nope");
    const result = await loadPostDirectory(missing, { warn: () => {} });
    expect(result).toEqual({ posts: [], problems: [{ file: missing, line: null, message: "content directory does not exist" }], warnings: [], sources: new Map() });
  });

  it("returns warnings for posts that loaded with a guess", async () => {
    await writeFile(path.join(dir, "2026-01-05-undated.md"), "---\ntitle: Undated\n---\n");
    const result = await loadPostDirectory(dir, { warn: () => {} });
    expect(result.posts[0].date).toBe("2026-01-05T00:00:00.000Z");
    expect(result.warnings).toHaveLength(1);
  });
});

describe("serializePostFile", () => {
  const original: Post = {
    slug: "云原生-周报.v2",
    title: `云原生技术动态："引号" 与 'quotes'：冒号`,
    date: "2026-01-26T02:30:00.000Z",
    author: "云原生观察: 编辑部",
    source: "https://example.com/a?b=c#d",
    description: "自定义摘要：不是第一段",
    tags: ["service mesh", "Kubernetes", "AI: 推理", "- dash"],
    categories: ["cloud-native", "云原生"],
    draft: true,
    publishAt: null,
    cover: "/media/cover.png",
    seoTitle: null,
    seoDescription: "给搜索引擎的描述",
    format: "md",
    body: "\n# 标题\n\n第一段：正文 --- 不是分隔线\n---\n\n末尾没有换行",
    readingMinutes: 1,
    extra: { url: "/zh/blog/x", evergreen: true, reviewed: "2021-03-04T00:00:00.000Z", meta: { n: 1, list: ["a"] }, yes: "yes" },
    origin: { kind: "file", path: "2026-01-26-x.md" },
    updatedAt: "2026-02-01T08:00:00.000Z",
  };

  it("round-trips every field", () => {
    const text = serializePostFile(original);
    const result = parsePostSource("2026-01-26-x.md", text);
    if (!result.ok) throw new Error(result.problem.message);
    expect(result.post).toEqual({ ...original, readingMinutes: result.post.readingMinutes });
    expect(result.warnings).toEqual([]);
  });

  it("writes Jekyll-style front matter and omits what would be derived", () => {
    const plain: Post = { ...original, date: "2026-01-26T00:00:00.000Z", draft: false, seoDescription: null, updatedAt: null, extra: {}, body: "第一段。\n" };
    const text = serializePostFile({ ...plain, description: "第一段。" });
    expect(text).toMatch(/^---\ntitle: .*\ndate: 2026-01-26\n/);
    expect(text).not.toMatch(/description:|draft:|updated:/);
    expect(text.endsWith("---\n第一段。\n")).toBe(true);
    const back = parsePostSource("x.md", text);
    expect(back.ok && back.post.description).toBe("第一段。");
  });

  it("does not let extra keys shadow the fields", () => {
    const text = serializePostFile({ ...original, draft: false, extra: { title: "evil", published: false, Tags: "x" } });
    const back = parsePostSource("x.md", text);
    expect(back.ok && back.post.title).toBe(original.title);
    expect(back.ok && back.post.draft).toBe(false);
  });
});
