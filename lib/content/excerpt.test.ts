import { describe, expect, it } from "vitest";
import { excerptFrom, withoutLeadingTitle } from "./excerpt";

describe("excerptFrom", () => {
  it("skips the title heading, other headings, comments, shortcodes, images and code", () => {
    const body = [
      "# 周报",
      "",
      "<!--",
      "English original paragraph.",
      "-->",
      "",
      "{{< figure src=\"/x.png\" alt=\"图\" >}}",
      "",
      "![架构图](/images/a.png)",
      "",
      "```yaml",
      "kind: Pod",
      "```",
      "",
      "## 主要新闻",
      "",
      "本周 **Kubernetes** 发布了 [v1.35](https://kubernetes.io/blog/)，",
      "带来 `kubectl` 的新功能。",
      "",
      "第二段。",
    ].join("\n");
    expect(excerptFrom(body, "周报")).toBe("本周 Kubernetes 发布了 v1.35，带来 kubectl 的新功能。");
  });

  it("skips a front matter block and a byline", () => {
    expect(excerptFrom("---\ntitle: x\n---\n作者: Jordan Liggitt (Google)\n\n真正的第一段", "x")).toBe("真正的第一段");
  });

  it("reads list items and headings inside them", () => {
    expect(excerptFrom("## 【博客】\n\n1. #### Linkerd2 proxy tap 学习笔记\n", "t")).toBe("Linkerd2 proxy tap 学习笔记");
  });

  it("keeps snake_case and decodes entities", () => {
    expect(excerptFrom("Set max_pods &amp; _emphasis_ here", "t")).toBe("Set max_pods & emphasis here");
  });

  it("truncates on a grapheme boundary with an ellipsis", () => {
    const text = "云".repeat(200);
    const excerpt = excerptFrom(text, "t", 160);
    expect([...excerpt]).toHaveLength(160);
    expect(excerpt.endsWith("…")).toBe(true);

    const family = "👨‍👩‍👧".repeat(10);
    const cut = excerptFrom(family, "t", 5);
    expect(cut).toBe(`${"👨‍👩‍👧".repeat(4)}…`);
  });

  it("cuts Latin text at a word boundary", () => {
    const excerpt = excerptFrom("alpha beta gamma delta epsilon zeta eta theta", "t", 20);
    expect(excerpt).toBe("alpha beta gamma…");
  });

  it("returns an empty string when there is no paragraph", () => {
    expect(excerptFrom("# Only a heading\n\n```\ncode\n```\n", "x")).toBe("");
  });
});

describe("withoutLeadingTitle", () => {
  it("removes a first H1 equal to the title and the blank lines after it", () => {
    expect(withoutLeadingTitle("\n# 云原生技术动态：AI\n\n本周…\n", "云原生技术动态：AI")).toBe("本周…\n");
    expect(withoutLeadingTitle("# **Title** #\r\n\r\nBody", "Title")).toBe("Body");
  });

  it("leaves every other body unchanged", () => {
    for (const body of ["# Another title\n\nBody", "## 云原生\n\nBody", "Intro\n# 云原生\n", "#云原生\nBody"]) {
      expect(withoutLeadingTitle(body, "云原生")).toBe(body);
    }
  });
});
