import { describe, expect, it } from "vitest";
import { plainText } from "@/lib/search/plain-text";

describe("plainText", () => {
  it("drops HTML comments (the English originals of translated posts)", () => {
    expect(plainText("<!--\nThe original English\n-->\n中文译文")).toBe("中文译文");
  });

  it("keeps link text but not URLs, bare URLs or images", () => {
    expect(plainText("详见 [Istio 文档](https://istio.io/docs) 与 http://example.com/x ![架构图](a.png)")).toBe(
      "详见 Istio 文档 与",
    );
  });

  it("removes Markdown and HTML markup, Hugo shortcodes and heading ids", () => {
    const body = "## 标题 {#title}\n\n- **加粗** 与 `代码`\n> 引用\n{{< figure src=\"x.png\" alt=\"图\" >}}\n<center><i>居中</i></center>";
    // Lines join as a browser shows them: no space between two Chinese characters.
    expect(plainText(body)).toBe("标题加粗 与 代码引用居中");
  });

  it("keeps code but not fence lines, and decodes entities", () => {
    expect(plainText("```yaml\nkind: Pod\n```\nA &amp; B &#x4E2D;")).toBe("kind: Pod A & B 中");
  });
});
