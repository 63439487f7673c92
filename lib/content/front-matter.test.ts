import { describe, expect, it } from "vitest";
import { parsePostSource } from "./front-matter";
import type { Post } from "./types";

function parsed(file: string, raw: string): { post: Post; warnings: string[] } {
  const result = parsePostSource(file, raw);
  if (!result.ok) throw new Error(`expected a post, got ${result.problem.line}: ${result.problem.message}`);
  return { post: result.post, warnings: result.warnings.map((w) => w.message) };
}

function problem(file: string, raw: string) {
  const result = parsePostSource(file, raw);
  if (result.ok) throw new Error("expected a problem");
  return result.problem;
}

const jekyll = `---
layout: post
title: "  云原生技术动态：Kubernetes 成为 AI 基础设施核心  "
date: 2026-01-26
author: "云原生观察"
source: "https://www.cncf.io/blog/x/"
categories:
  - cloud-native
tags:
  - kubernetes
  - Kubernetes
  - AI
---

# 云原生技术动态：Kubernetes 成为 AI 基础设施核心

本周云原生领域迎来重要里程碑。
`;

describe("parsePostSource", () => {
  it("reads a Jekyll post with YAML front matter", () => {
    const { post, warnings } = parsed("content/2026-01-26-kubernetes-ai.md", jekyll);
    expect(warnings).toEqual([]);
    expect(post).toMatchObject({
      slug: "kubernetes-ai",
      title: "云原生技术动态：Kubernetes 成为 AI 基础设施核心",
      date: "2026-01-26T00:00:00.000Z",
      author: "云原生观察",
      source: "https://www.cncf.io/blog/x/",
      categories: ["cloud-native"],
      tags: ["kubernetes", "AI"],
      draft: false,
      format: "md",
      description: "本周云原生领域迎来重要里程碑。",
      extra: {},
      origin: { kind: "file", path: "content/2026-01-26-kubernetes-ai.md" },
      updatedAt: null,
      readingMinutes: 1,
    });
    expect(post.body.startsWith("\n# 云原生技术动态")).toBe(true);
  });

  it("accepts an opener with trailing spaces and CRLF line endings", () => {
    const crlf = "---  \r\ntitle: CRLF\r\ndate: 2024-08-15\r\n---\r\nline one\r\nline two\r\n";
    const { post } = parsed("2024-08-15-crlf.md", crlf);
    expect(post.title).toBe("CRLF");
    expect(post.body).toBe("line one\nline two\n");
  });

  it("reads Hugo TOML front matter", () => {
    const toml = `+++\ntitle = "TOML 文章"\ndate = 2020-01-02T03:04:05+08:00\ntags = ["a", "b"]\nweight = 3\n+++\nBody`;
    const { post } = parsed("toml.md", toml);
    expect(post).toMatchObject({ title: "TOML 文章", date: "2020-01-01T19:04:05.000Z", tags: ["a", "b"], extra: { weight: 3 } });
    expect(post.body).toBe("Body");
  });

  it("reports a TOML syntax error on its line in the file", () => {
    expect(problem("t.md", `+++\ntitle = "x"\ndate = \n+++\n`)).toMatchObject({ line: 3 });
  });

  it.each([
    ["2024-08-15", "2024-08-15T00:00:00.000Z"],
    ["'2019-06-07'", "2019-06-07T00:00:00.000Z"],
    ["2019-12-09 13:00:00 +0800", "2019-12-09T05:00:00.000Z"],
    ["2026-01-08T10:30:00-08:00", "2026-01-08T18:30:00.000Z"],
    ["2024-03-01T00:00:00.000Z", "2024-03-01T00:00:00.000Z"],
    ["2019-12-09T13：00：00-08：00", "2019-12-09T21:00:00.000Z"],
    ["2020-02-03 04:05", "2020-02-03T04:05:00.000Z"],
  ])("reads the date %s", (value, iso) => {
    expect(parsed("x.md", `---\ntitle: t\ndate: ${value}\n---\n`).post.date).toBe(iso);
  });

  it("rejects a date that is not one, on the date's line", () => {
    expect(problem("x.md", "---\ntitle: t\ndate: 2019-02-30\n---\n")).toMatchObject({ line: 3, message: expect.stringContaining("date") });
    expect(problem("x.md", "---\ntitle: t\ndate: next tuesday\n---\n").line).toBe(3);
  });

  it("takes a missing date from the file name, with a warning", () => {
    const dated = parsed("2018-07-10-coredns.md", "---\ntitle: t\n---\n");
    expect(dated.post.date).toBe("2018-07-10T00:00:00.000Z");
    expect(dated.warnings).toEqual([expect.stringContaining("2018-07-10")]);

    expect(parsed("2026__2026-05-21-cves.md", "---\ntitle: t\n---\n").post.date).toBe("2026-05-21T00:00:00.000Z");
    const yearOnly = parsed("2018__dynamic-ingress.md", "---\ntitle: t\n---\n");
    expect(yearOnly.post.date).toBe("2018-01-01T00:00:00.000Z");
    expect(yearOnly.warnings).toHaveLength(1);
  });

  it("requires a date when the file name has none", () => {
    expect(problem("about.md", "---\ntitle: t\n---\n").message).toMatch(/date is required/);
  });

  it("requires a title", () => {
    expect(problem("2020-01-01-a.md", "---\ndate: 2020-01-01\n---\n").message).toBe("title is required");
    expect(problem("2020-01-01-a.md", "---\ntitle: '   '\n---\n").message).toBe("title is required");
    expect(problem("2020-01-01-a.md", "No front matter here").message).toBe("title is required");
    expect(problem("2020-01-01-a.md", "---\ntitle: [a, b]\n---\n")).toMatchObject({ line: 2, message: "title must be text" });
  });

  it("reports a YAML error with its line in the file", () => {
    const raw = "---\ntitle: ok\ndate: 2020-01-01\n  author: bad\n---\nbody\n";
    expect(problem("bad.md", raw)).toEqual({
      file: "bad.md",
      line: 4,
      message: "front matter: bad indentation of a mapping entry",
    });
    expect(problem("bad.md", "---\r\ntitle: ok\r\ntags: [a, b\r\ndate: 2020-01-01\r\n---\r\n").line).toBeGreaterThanOrEqual(3);
  });

  it("reports front matter that never closes", () => {
    expect(problem("open.md", "---\ntitle: t\ndate: 2020-01-01\n\nbody")).toMatchObject({ line: 1, message: "front matter: no closing --- line" });
  });

  it("reports front matter that is not a mapping", () => {
    expect(problem("list.md", "---\n- a\n- b\n---\n").message).toMatch(/mapping/);
  });

  it("lets the last of a repeated key win, with a warning on its line", () => {
    const raw = "---\ntitle: first\ndate: 2020-01-01\ntitle: second\n---\n";
    const result = parsePostSource("dup.md", raw);
    expect(result.ok && result.post.title).toBe("second");
    expect(result.ok && result.warnings).toEqual([
      { file: "dup.md", line: 4, message: 'front matter: repeated key "title" (the last value is used)' },
    ]);
  });

  it.each([
    ["[Go, go, Kubernetes]", ["Go", "Kubernetes"]],
    ["kubernetes  service-mesh", ["kubernetes", "service-mesh"]],
    ["'service mesh, 云原生，Istio'", ["service mesh", "云原生", "Istio"]],
    ["['  a ', '', A, b]", ["a", "b"]],
    ["", []],
  ])("reads tags %s", (value, tags) => {
    expect(parsed("x.md", `---\ntitle: t\ndate: 2020-01-01\ntags: ${value}\n---\n`).post.tags).toEqual(tags);
  });

  it("reads singular tag and category keys", () => {
    const { post } = parsed("x.md", "---\ntitle: t\ndate: 2020-01-01\ncategory: weekly\ntag: istio envoy\n---\n");
    expect(post.categories).toEqual(["weekly"]);
    expect(post.tags).toEqual(["istio", "envoy"]);
  });

  it("rejects tags that are neither a list nor text", () => {
    expect(problem("x.md", "---\ntitle: t\ndate: 2020-01-01\ntags:\n  a: b\n---\n")).toMatchObject({ line: 4, message: expect.stringMatching(/^tags: /) });
  });

  it.each([
    ["draft: true", true],
    ["draft: 'true'", true],
    ["draft: false", false],
    ["published: false", true],
    ["published: true", false],
    ["", false],
  ])("reads %j as draft %s", (line, draft) => {
    expect(parsed("x.md", `---\ntitle: t\ndate: 2020-01-01\n${line}\n---\n`).post.draft).toBe(draft);
  });

  it("rejects a draft flag that is neither true nor false", () => {
    expect(problem("x.md", "---\ntitle: t\ndate: 2020-01-01\ndraft: maybe\n---\n").line).toBe(4);
  });

  it.each([
    ["content/2026-01-26-foo-bar.md", "foo-bar"],
    ["k8s/2020-09-03-warnings__index.md", "warnings"],
    ["k8s/2018__dynamic-ingress-kubernetes.md", "dynamic-ingress-kubernetes"],
    ["k8s/2022__devicemanager-ga.md__index.md", "devicemanager-ga"],
    ["content/foo/index.md", "foo"],
    ["content/2018-01-00-Kubernetes-V19-Beta.md", "kubernetes-v19-beta"],
  ])("derives the slug of %s", (file, slug) => {
    expect(parsed(file, "---\ntitle: t\ndate: 2020-01-01\n---\n").post.slug).toBe(slug);
  });

  it("prefers a front-matter slug, normalised, and rejects one that cannot be a slug", () => {
    expect(parsed("2020-01-01-x.md", "---\ntitle: t\ndate: 2020-01-01\nslug: Custom-Slug\n---\n").post.slug).toBe("custom-slug");
    expect(problem("2020-01-01-x.md", "---\ntitle: t\ndate: 2020-01-01\nslug: '../..'\n---\n")).toMatchObject({ line: 4 });
  });

  it("refuses a slug over the byte limit on its line, and one from a long file name, naming the limit", () => {
    const longest = `${"长".repeat(66)}-2`;
    expect(parsed("2020-01-01-x.md", `---\ntitle: t\ndate: 2020-01-01\nslug: ${longest}\n---\n`).post.slug).toBe(longest);
    expect(problem("2020-01-01-x.md", `---\ntitle: t\ndate: 2020-01-01\nslug: ${"长".repeat(67)}\n---\n`)).toEqual({
      file: "2020-01-01-x.md",
      line: 4,
      message: "slug is 201 bytes long; a slug is at most 200 bytes (a Chinese character takes 3)",
    });
    const longName = `content/2020-01-01-${"长".repeat(70)}.md`;
    expect(problem(longName, "---\ntitle: t\ndate: 2020-01-01\n---\n")).toEqual({
      file: longName,
      line: null,
      message:
        "the slug from the file name is 210 bytes long; a slug is at most 200 bytes (a Chinese character takes 3); set a shorter slug in the front matter",
    });
    expect(parsed(longName, "---\ntitle: t\ndate: 2020-01-01\nslug: short\n---\n").post.slug).toBe("short");
  });

  it("reads an author as a folded block, a list, or nothing", () => {
    const folded = "---\ntitle: t\ndate: 2020-01-01\nauthor: >\n  [Lukas Metzner](https://github.com/lukasmetzner)\n  (Hetzner)\n---\n";
    expect(parsed("x.md", folded).post.author).toBe("[Lukas Metzner](https://github.com/lukasmetzner) (Hetzner)");
    expect(parsed("x.md", "---\ntitle: t\ndate: 2020-01-01\nauthor: [张三, ' 李四 ']\n---\n").post.author).toBe("张三, 李四");
    expect(parsed("x.md", "---\ntitle: t\ndate: 2020-01-01\n---\n").post.author).toBeNull();
    expect(parsed("x.md", "---\ntitle: t\ndate: 2020-01-01\nAuthor: Richard Li (Datawire)\n---\n").post.author).toBe("Richard Li (Datawire)");
  });

  it("uses description or summary, else the first paragraph", () => {
    expect(parsed("x.md", "---\ntitle: t\ndate: 2020-01-01\ndescription: 摘要\n---\n正文").post.description).toBe("摘要");
    expect(parsed("x.md", "---\ntitle: t\ndate: 2020-01-01\nsummary: 概要\n---\n正文").post.description).toBe("概要");
    expect(parsed("x.md", "---\ntitle: t\ndate: 2020-01-01\n---\n<!-- English -->\n正文第一段\n").post.description).toBe("正文第一段");
  });

  it("keeps unknown keys in extra as JSON, drops layout, and sets the format from the extension", () => {
    const raw = "---\ntitle: t\ndate: 2020-01-01\nlayout: blog\nurl: /zh/blog/x\nevergreen: true\nreviewed: 2021-03-04\nmeta:\n  n: 1\n---\n";
    const { post } = parsed("x.mdx", raw);
    expect(post.format).toBe("mdx");
    expect(post.extra).toEqual({ url: "/zh/blog/x", evergreen: true, reviewed: "2021-03-04T00:00:00.000Z", meta: { n: 1 } });
    expect(JSON.parse(JSON.stringify(post.extra))).toEqual(post.extra);
  });

  it("keeps a __proto__ key as data", () => {
    const { post } = parsed("x.md", "---\ntitle: t\ndate: 2020-01-01\n__proto__:\n  polluted: true\n---\n");
    expect(Object.getPrototypeOf(post.extra)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("reads updated or lastmod as updatedAt", () => {
    expect(parsed("x.md", "---\ntitle: t\ndate: 2020-01-01\nlastmod: 2020-02-02\n---\n").post.updatedAt).toBe("2020-02-02T00:00:00.000Z");
  });
});
