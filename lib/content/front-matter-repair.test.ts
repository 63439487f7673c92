import { describe, expect, it } from "vitest";
import { parsePostSource, parseStrictPostSource } from "./front-matter";
import { repairFrontMatter, repairPostSource } from "./front-matter-repair";
import type { ContentProblem, Post } from "./types";

/** A file the strict reader refuses, read by the tolerant one: the post, and the repairs as `line: message`. */
function repaired(file: string, raw: string): { post: Post; warnings: string[] } {
  expect(parseStrictPostSource(file, raw).ok, "the strict reader must refuse this fixture").toBe(false);
  const result = parsePostSource(file, raw);
  if (!result.ok) throw new Error(`expected a repaired post, got ${result.problem.line}: ${result.problem.message}`);
  return { post: result.post, warnings: result.warnings.map(lineMessage) };
}

function lineMessage(warning: ContentProblem): string {
  return `${warning.line ?? "-"}: ${warning.message}`;
}

function fields(post: Post) {
  const { slug, title, date, author, source, description, tags, categories, draft, extra } = post;
  return { slug, title, date, author, source, description, tags, categories, draft, extra };
}

const base = {
  author: null,
  source: null,
  description: "正文。",
  tags: [],
  categories: [],
  draft: false,
  extra: {},
};

describe("closing Chinese quotes", () => {
  it("ends an ASCII-quoted title, description and flow-list items", () => {
    const raw = [
      "---",
      'title: "Envoy线程模型”',
      "date: 2018-07-25",
      'description: "本文介绍 Envoy 的线程模型。”',
      'tags: ["gRPC-Web”,"istio", \'envoy’]',
      "---",
      "正文。",
    ].join("\n");
    const { post, warnings } = repaired("2018-07-25-envoy.md", raw);
    expect(fields(post)).toEqual({
      ...base,
      slug: "envoy",
      title: "Envoy线程模型",
      date: "2018-07-25T00:00:00.000Z",
      description: "本文介绍 Envoy 的线程模型。",
      tags: ["gRPC-Web", "istio", "envoy"],
    });
    expect(warnings).toEqual([
      '2: closing quote ” read as "',
      '4: closing quote ” read as "',
      '5: closing quote ” read as "',
      "5: closing quote ’ read as '",
    ]);
  });

  it("keeps Chinese quotes that are part of the text", () => {
    const raw = '---\ntitle: "他说“你好”就走了”\ndate: 2020-01-01\ntags: ["a”，"b"]\n---\n正文。';
    const { post, warnings } = repaired("x.md", raw);
    expect(post.title).toBe("他说“你好”就走了");
    expect(post.tags).toEqual(["a", "b"]);
    expect(warnings).toEqual(['2: closing quote ” read as "', '4: closing quote ” read as "', "4: full-width comma ， read as ,"]);
  });

  it("repairs quotes in nested values and block-list items", () => {
    const raw = '---\ntitle: t\ndate: 2020-01-01\ntags:\n  - "服务网格”\nparams:\n  subtitle: "副标题”\n---\n正文。';
    const { post, warnings } = repaired("x.md", raw);
    expect(post.tags).toEqual(["服务网格"]);
    expect(post.extra).toEqual({ params: { subtitle: "副标题" } });
    expect(warnings).toEqual(['5: closing quote ” read as "', '7: closing quote ” read as "']);
  });
});

describe("full-width colons and Chinese keys", () => {
  const fieldLines = [
    "原文链接：https://medium.com/@jerry/envoy-threading-model",
    "作者：Jeronimo (Jerry) Garcia",
    "译者：maiyang",
    "审校：宋净超",
    "发布时间：2018-07-25",
  ];

  it("reads 键：值 lines as fields, Chinese keys as ours, others kept as extra fields", () => {
    const raw = ["---", "标题：Envoy 的线程模型", ...fieldLines, "标签：Envoy，服务网格", "分类：翻译", "摘要：一篇译文", "---", "正文。"].join("\n");
    const { post, warnings } = repaired("envoy.md", raw);
    expect(fields(post)).toEqual({
      slug: "envoy",
      title: "Envoy 的线程模型",
      date: "2018-07-25T00:00:00.000Z",
      author: "Jeronimo (Jerry) Garcia",
      source: "https://medium.com/@jerry/envoy-threading-model",
      description: "一篇译文",
      tags: ["Envoy", "服务网格"],
      categories: ["翻译"],
      draft: false,
      extra: { 译者: "maiyang", 审校: "宋净超" },
    });
    expect(warnings).toEqual([
      "2: full-width colon ： read as :",
      "2: key 标题 read as title",
      "3: full-width colon ： read as :",
      "3: key 原文链接 read as source",
      "4: full-width colon ： read as :",
      "4: key 作者 read as author",
      "5: full-width colon ： read as :",
      "6: full-width colon ： read as :",
      "7: full-width colon ： read as :",
      "7: key 发布时间 read as date",
      "8: full-width colon ： read as :",
      "8: key 标签 read as tags",
      "9: full-width colon ： read as :",
      "9: key 分类 read as categories",
      "10: full-width colon ： read as :",
      "10: key 摘要 read as description",
    ]);
  });

  it.each([
    ["日期", "date"],
    ["原文地址", "source"],
    ["原文", "source"],
    ["描述", "description"],
  ])("maps %s to %s", (key, field) => {
    const value = field === "date" ? "2018-07-25" : "https://example.com/a";
    const raw = `---\ntitle: t\n${key}：${value}\n---\n正文。`;
    const { post } = repaired("2018-07-25-x.md", raw);
    const expected = field === "date" ? "2018-07-25T00:00:00.000Z" : value;
    expect(post[field as "date" | "source" | "description"]).toBe(expected);
  });

  it("reads the fields after an empty line", () => {
    const raw = ["---", "", "title: 译文", ...fieldLines, "---", "正文。"].join("\n");
    const { post, warnings } = repaired("x.md", raw);
    expect(fields(post)).toMatchObject({ title: "译文", author: "Jeronimo (Jerry) Garcia", date: "2018-07-25T00:00:00.000Z" });
    expect(warnings[0]).toBe("4: full-width colon ： read as :");
  });

  it("reads the fields after a second --- line that closed an empty front matter", () => {
    const raw = ["---", "---", "title: 译文", ...fieldLines, "---", "", "正文。"].join("\n");
    const { post, warnings } = repaired("x.md", raw);
    expect(fields(post)).toEqual({
      ...base,
      slug: "x",
      title: "译文",
      date: "2018-07-25T00:00:00.000Z",
      author: "Jeronimo (Jerry) Garcia",
      source: "https://medium.com/@jerry/envoy-threading-model",
      extra: { 译者: "maiyang", 审校: "宋净超" },
    });
    expect(post.body).toBe("\n正文。");
    expect(warnings[0]).toBe("2: --- after an empty front matter ignored: lines 3–8 are read as front matter");
  });

  it("takes a missing title from the heading that opens the body", () => {
    const raw = ["---", ...fieldLines, "---", "", "# Envoy 的线程模型", "", "正文。"].join("\n");
    const { post, warnings } = repaired("x.md", raw);
    expect(post.title).toBe("Envoy 的线程模型");
    expect(post.body).toBe("\n# Envoy 的线程模型\n\n正文。");
    expect(warnings.at(-1)).toBe("9: title is missing; using this heading: Envoy 的线程模型");
  });

  it("puts a title from the heading among TOML's top-level keys, not into a table", () => {
    const raw = '+++\n作者：张三\ndate = 2020-01-01\n[params]\n  weight = 1\n+++\n# TOML 标题\n正文。';
    const { post } = repaired("x.md", raw);
    expect(post).toMatchObject({ title: "TOML 标题", author: "张三", extra: { params: { weight: 1 } } });
    expect(repairFrontMatter("x.md", raw)?.text).toBe('+++\nauthor = "张三"\ndate = 2020-01-01\ntitle = "TOML 标题"\n[params]\n  weight = 1\n+++\n# TOML 标题\n正文。');
  });

  it("never lets a Chinese key shadow the field written in English", () => {
    const raw = "---\ntitle: 英文键\n标题：中文键\ndate: 2020-01-01\n---\n正文。";
    const { post, warnings } = repaired("x.md", raw);
    expect(post.title).toBe("英文键");
    expect(post.extra).toEqual({ 标题: "中文键" });
    expect(warnings).toEqual(["3: full-width colon ： read as :"]);
  });

  it("maps Chinese keys written with an ASCII colon when the file needs repair anyway", () => {
    const { post, warnings } = repaired("x.md", "---\n标题: 中文键\n日期: 2020-01-01\n---\n正文。");
    expect(post).toMatchObject({ title: "中文键", date: "2020-01-01T00:00:00.000Z" });
    expect(warnings).toEqual(["2: key 标题 read as title", "3: key 日期 read as date"]);
  });

  it("quotes a value YAML would misread, and keeps a value YAML reads as written", () => {
    const raw = "---\n标题：Istio: 是一只鸟吗？\n作者：@宋净超\n发布时间：2018-07-25\n---\n正文。";
    const { post } = repaired("x.md", raw);
    expect(post).toMatchObject({ title: "Istio: 是一只鸟吗？", author: "@宋净超", date: "2018-07-25T00:00:00.000Z" });
  });
});

describe("dates a person typed", () => {
  it.each([
    ["2018/10/16", "2018-10-16T00:00:00.000Z", "date 2018/10/16 read as 2018-10-16"],
    ["2018年10月16日", "2018-10-16T00:00:00.000Z", "date 2018年10月16日 read as 2018-10-16"],
    ["018-10-16，2018-10-24", "2018-10-16T00:00:00.000Z", "date 018-10-16，2018-10-24 read as 2018-10-16 (2018-10-24 ignored)"],
    ["２０１８－１０－１６", "2018-10-16T00:00:00.000Z", "date ２０１８－１０－１６ read as 2018-10-16"],
    ['"2018/10/16 09：30 +0800"', "2018-10-16T01:30:00.000Z", "date 2018/10/16 09：30 +0800 read as 2018-10-16 09:30:00 +08:00"],
    ["2019-02-30", "2019-02-01T00:00:00.000Z", "date 2019-02-30 is not a date; using 2019-02-01 from the file name"],
    ["上周二", "2019-02-01T00:00:00.000Z", "date 上周二 is not a date; using 2019-02-01 from the file name"],
  ])("reads date: %s", (value, iso, warning) => {
    const { post, warnings } = repaired("2019-02-01-x.md", `---\ntitle: t\ndate: ${value}\n---\n正文。`);
    expect(post.date).toBe(iso);
    expect(warnings).toEqual([`3: ${warning}`]);
  });

  it("reads 2019-2-19 strictly already (no repair, no warning)", () => {
    const result = parseStrictPostSource("x.md", "---\ntitle: t\ndate: 2019-2-19\n---\n");
    expect(result.ok && result.post.date).toBe("2019-02-19T00:00:00.000Z");
    expect(result.ok && result.warnings).toEqual([]);
  });

  it("still refuses a date it cannot read when the file name has none, on the date's line", () => {
    expect(parsePostSource("x.md", "---\ntitle: t\ndate: 上周二\n---\n")).toEqual({
      ok: false,
      problem: { file: "x.md", line: 3, message: 'date is not a date: "上周二"' },
    });
  });
});

describe("other hand-written quirks", () => {
  it("reads a value holding a bare ': ' as text", () => {
    const { post, warnings } = repaired("2020-01-01-x.md", "---\ntitle: Istio: 是一只鸟吗？ # 注释\n---\n正文。");
    expect(post.title).toBe("Istio: 是一只鸟吗？");
    expect(warnings).toEqual(['2: value of title read as text (it holds ": ")', "-: date is missing; using 2020-01-01 from the file name"]);
  });

  it("reads a title that starts with [译] as text", () => {
    const { post, warnings } = repaired("2020-01-01-x.md", "---\ntitle: [译] Envoy 线程模型\ndate: 2020-01-01\n---\n正文。");
    expect(post.title).toBe("[译] Envoy 线程模型");
    expect(warnings).toEqual(["2: value of title read as text (it starts with [)"]);
  });

  it("reads tab indentation as spaces", () => {
    const raw = "---\ntitle: t\ndate: 2020-01-01\ntags:\n\t- istio\n\t- envoy\nauthor: >\n\t张三\n\t(ServiceMesher)\n---\n正文。";
    const { post, warnings } = repaired("x.md", raw);
    expect(post.tags).toEqual(["istio", "envoy"]);
    expect(post.author).toBe("张三 (ServiceMesher)");
    expect(warnings).toEqual([5, 6, 8, 9].map((line) => `${line}: tab indentation read as spaces`));
  });

  it("reads a full-width space after the colon as a space", () => {
    const { post, warnings } = repaired("x.md", "---\ntitle:\u3000全角空格\ndate: 2020-01-01\n---\n正文。");
    expect(post.title).toBe("全角空格");
    expect(warnings).toEqual(["2: full-width space after title: read as a space"]);
  });

  it("repairs a file with a BOM and CRLF line endings, keeping both", () => {
    const raw = '\uFEFF---\r\ntitle: "CRLF 文章”\r\n作者：张三\r\ndate: 2018/10/16\r\n---\r\n正文。\r\n第二行\r\n';
    const { post, warnings } = repaired("x.md", raw);
    expect(fields(post)).toMatchObject({ title: "CRLF 文章", author: "张三", date: "2018-10-16T00:00:00.000Z" });
    expect(post.body).toBe("正文。\n第二行\n");
    expect(warnings).toEqual([
      '2: closing quote ” read as "',
      "3: full-width colon ： read as :",
      "3: key 作者 read as author",
      "4: date 2018/10/16 read as 2018-10-16",
    ]);
    const repair = repairFrontMatter("x.md", raw);
    expect(repair?.text).toBe('\uFEFF---\r\ntitle: "CRLF 文章"\r\nauthor: 张三\r\ndate: 2018-10-16\r\n---\r\n正文。\r\n第二行\r\n');
  });

  it("repairs Hugo TOML front matter", () => {
    const raw = '+++\ntitle = "TOML 文章”\n作者：张三\n日期 = 2018/10/16\n译者 = "李四"\n[params]\n  subtitle = "副标题”\n+++\n正文。';
    const { post, warnings } = repaired("x.md", raw);
    expect(fields(post)).toEqual({
      ...base,
      slug: "x",
      title: "TOML 文章",
      author: "张三",
      date: "2018-10-16T00:00:00.000Z",
      extra: { 译者: "李四", params: { subtitle: "副标题" } },
    });
    expect(warnings).toEqual([
      '2: closing quote ” read as "',
      "3: full-width colon ： read as =",
      "3: key 作者 read as author",
      "4: key 日期 read as date",
      "4: date 2018/10/16 read as 2018-10-16",
      "5: key 译者 quoted (TOML needs quotes around it)",
      '7: closing quote ” read as "',
    ]);
  });
});

describe("what the tolerant reader leaves alone", () => {
  it("refuses, with the strict reader's error and line, a file it cannot understand", () => {
    const raw = "---\ntitle: ok\ndate: 2020-01-01\n  author: bad\n---\nbody\n";
    expect(parsePostSource("bad.md", raw)).toEqual({
      ok: false,
      problem: { file: "bad.md", line: 4, message: "front matter: bad indentation of a mapping entry" },
    });
    expect(parsePostSource("open.md", "---\ntitle: t\n")).toMatchObject({ ok: false, problem: { line: 1 } });
    expect(parsePostSource("t.md", '---\ntitle: "never closed\ndate: 2020-01-01\n---\n')).toMatchObject({ ok: false });
  });

  it("keeps a file without a title a problem when nothing else needed repair, even with a heading", () => {
    expect(parsePostSource("2020-01-01-x.md", "---\ndate: 2020-01-01\n---\n# 标题\n")).toMatchObject({
      ok: false,
      problem: { message: "title is required" },
    });
  });

  it("finds nothing to repair in a strictly valid file", () => {
    const valid = '---\ntitle: “基于容器的应用程序设计原理”\ndate: 2018-03-00\nauthor: >\n  张三\n---\n正文：不是字段\n';
    expect(repairFrontMatter("2018-03-00-x.md", valid)).toBeNull();
    expect(repairPostSource("x.md", "no front matter", parseStrictPostSource)).toBeNull();
  });
});

describe("hostile front matter", () => {
  // 100,000 characters: linear work takes milliseconds, quadratic backtracking would take minutes.
  const n = 100_000;
  it.each(
    Object.entries({
      "a long line without a separator": `---\ntitle: t\nx${" ".repeat(n)}y\n---\n`,
      "spaces before a full-width colon": `---\ntitle: t\n键${" ".repeat(n)}值\n---\n`,
      "many Chinese quotes": `---\ntitle: "${"”".repeat(n)}\n---\n`,
      "a long flow list": `---\ntags: [${'"a”,'.repeat(n / 4)}\n---\n`,
      "many bare colons": `---\ntitle: ${"a: ".repeat(n / 3)}\n---\n`,
      "a long date": `---\ntitle: t\ndate: 2018${" ".repeat(n)}x\n---\n`,
      "a long heading": `---\n原文：x\n---\n#${" ".repeat(n)}x${" ".repeat(n)}#\n`,
      "many 键：值 lines": `---\n${"作者：张三\n".repeat(n / 10)}---\n`,
      "TOML quotes": `+++\ntitle = "${"”".repeat(n)}\n+++\n`,
      "TOML spaces in a bare value": `+++\ntitle = x${" ".repeat(n)}y\n+++\n`,
      "spaces in a list item": `---\ntags:\n  - "a${" ".repeat(n)}b”  \n---\n`,
    }),
  )("reads %s in linear time", (_, raw) => {
    const started = performance.now();
    parsePostSource("2020-01-01-x.md", raw);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
