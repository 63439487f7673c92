import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { renderPost } from "./index";

async function render(body: string, format: "md" | "mdx" = "md") {
  const { content, toc } = await renderPost({ body, format });
  return { html: renderToStaticMarkup(content), toc };
}

describe("renderPost: Markdown", () => {
  it("renders GFM tables, strikethrough, task lists and autolinks", async () => {
    const { html } = await render(
      ["| 名称 | 版本 |", "| --- | ---: |", "| Istio | 1.0 |", "", "~~旧的~~", "", "- [x] 完成", "- [ ] 待办", "", "见 https://istio.io 和 www.example.com"].join("\n"),
    );
    expect(html).toContain("<table>");
    expect(html).toMatch(/<th>名称<\/th>/);
    expect(html).toMatch(/<td align="right">1.0<\/td>|<td style="text-align:right">1.0<\/td>/);
    expect(html).toContain("<del>旧的</del>");
    expect(html).toMatch(/<input type="checkbox" disabled="" checked=""\/> 完成/);
    expect(html).toMatch(/<input type="checkbox" disabled=""\/> 待办/);
    expect(html).toContain('<a href="https://istio.io" rel="noopener noreferrer">https://istio.io</a>');
    expect(html).toContain('<a href="http://www.example.com" rel="noopener noreferrer">www.example.com</a>');
  });

  it("renders footnotes whose links reach their targets", async () => {
    const { html, toc } = await render("正文[^note]。\n\n[^note]: 注释内容。\n");
    const ref = /<a href="#([^"]+)" id="([^"]+)"[^>]*data-footnote-ref/.exec(html);
    expect(ref).not.toBeNull();
    const [, target, refId] = ref ?? [];
    expect(html).toContain(`<li id="${target}">`);
    expect(html).toContain(`href="#${refId}"`);
    expect(html).toContain("注释内容");
    // The screen-reader-only footnotes heading is neither in the TOC nor given an anchor.
    expect(toc).toEqual([]);
    expect(html).not.toMatch(/sr-only[^>]*>[^<]*<a class="heading-anchor"/);
  });

  it("gives headings ids (Chinese kept), anchor links, and a TOC of h2/h3", async () => {
    const { html, toc } = await render(
      ["# 标题", "", "## 服务网格 简介", "", "### Istio *架构*", "", "#### 细节", "", "## 服务网格 简介", ""].join("\n"),
    );
    expect(html).toContain('<h2 id="服务网格-简介">');
    expect(html).toContain('<h3 id="istio-架构">');
    expect(html).toContain('<h2 id="服务网格-简介-1">');
    expect(html).toContain('<a class="heading-anchor" aria-label="链接到此标题" href="#服务网格-简介">');
    expect(toc).toEqual([
      { depth: 2, id: "服务网格-简介", text: "服务网格 简介" },
      { depth: 3, id: "istio-架构", text: "Istio 架构" },
      { depth: 2, id: "服务网格-简介-1", text: "服务网格 简介" },
    ]);
  });

  it("takes Hugo {#custom-id} as the heading id and removes it from the text", async () => {
    for (const format of ["md", "mdx"] as const) {
      const { html, toc } = await render("## 为什么一致性读如此重要   {#why-consistent-reads-matter}\n\n### 度量指标 {#metrics}\n", format);
      expect(html).toContain('<h2 id="why-consistent-reads-matter">为什么一致性读如此重要<a');
      expect(html).not.toContain("{#");
      expect(toc).toEqual([
        { depth: 2, id: "why-consistent-reads-matter", text: "为什么一致性读如此重要" },
        { depth: 3, id: "metrics", text: "度量指标" },
      ]);
    }
  });

  it("highlights code on the server and tolerates unknown languages", async () => {
    const { html } = await render(
      ["```go", "func main() {}", "```", "", "```no-such-language", "plain <b>text</b>", "```", "", "```", "no language", "```"].join("\n"),
    );
    expect(html).toContain('<code class="hljs language-go"><span class="hljs-function"><span class="hljs-keyword">func</span>');
    expect(html).toContain("plain &lt;b&gt;text&lt;/b&gt;");
    expect(html).toContain("<pre><code>no language\n</code></pre>");
  });

  it("marks external links and lazy-loads images", async () => {
    const { html } = await render("[外部](https://example.com/a) [内部](/posts/x) [锚点](#top)\n\n![图](/img/a.png)\n");
    expect(html).toContain('<a href="https://example.com/a" rel="noopener noreferrer">外部</a>');
    expect(html).toContain('<a href="/posts/x">内部</a>');
    expect(html).toContain('<a href="#top">锚点</a>');
    expect(html).toContain('<img src="/img/a.png" alt="图" loading="lazy" decoding="async"/>');
  });

  it("renders braces, angle brackets, Liquid/Hugo text and comments in plain Markdown as text", async () => {
    const body = [
      "If a < b and {x} or } happens, {% raw %}{{ site.title }}{% endraw %} stays.",
      "",
      "Run `kubectl logs <pod-name>` or kubectl logs <pod-name> --previous, then crictl start <CONTAINER_ID>.",
      "",
      "<!-- hidden comment -->",
      "Visible after comment.",
      "",
      "<!--",
      "unterminated comment ->",
      "",
    ].join("\n");
    const { html } = await render(body);
    expect(html).toContain("If a &lt; b and {x} or } happens, {% raw %}{{ site.title }}{% endraw %} stays.");
    expect(html).toContain("<code>kubectl logs &lt;pod-name&gt;</code> or kubectl logs &lt;pod-name&gt; --previous");
    expect(html).toContain("crictl start &lt;CONTAINER_ID&gt;");
    expect(html).not.toContain("hidden comment");
    expect(html).not.toContain("unterminated");
    expect(html).toContain("Visible after comment.");
  });

  it("keeps safe raw HTML", async () => {
    const body = [
      "<details><summary>展开</summary>",
      "",
      "隐藏的 **内容**",
      "",
      "</details>",
      "",
      "按 <kbd>Ctrl</kbd>+<kbd>C</kbd>，H<sub>2</sub>O，x<sup>2</sup>",
      "",
      '<img src="https://example.com/a.png" alt="示意图" width="300">',
      "",
      "<center><i>Kubeflow architecture, pre-Ambassador</center></i>",
      "",
      "<table><tr><td>单元格</td></tr></table>",
    ].join("\n");
    const { html } = await render(body);
    expect(html).toContain("<details><summary>展开</summary>");
    expect(html).toContain("隐藏的 <strong>内容</strong>");
    expect(html).toContain("<kbd>Ctrl</kbd>+<kbd>C</kbd>，H<sub>2</sub>O，x<sup>2</sup>");
    expect(html).toContain('<img src="https://example.com/a.png" alt="示意图" width="300" loading="lazy" decoding="async"/>');
    expect(html).toContain("<i>Kubeflow architecture, pre-Ambassador</i>");
    expect(html).not.toContain("<center");
    expect(html).toContain("<td>单元格</td>");
  });

  it("reads CRLF bodies like LF ones", async () => {
    const lf = await render("## 标题 {#t}\n\n段落一\n第二行\n\n{{< note >}}\n内容\n{{< /note >}}\n");
    const crlf = await render("## 标题 {#t}\r\n\r\n段落一\r\n第二行\r\n\r\n{{< note >}}\r\n内容\r\n{{< /note >}}\r\n");
    expect(crlf).toEqual(lf);
  });
});

describe("renderPost: MDX", () => {
  it("renders Markdown, GFM and lowercase JSX; unknown components render their children", async () => {
    const body = [
      "## 小节",
      "",
      "| a | b |",
      "| - | - |",
      "| 1 | 2 |",
      "",
      '<div className="note" title="t">在 div 里</div>',
      "",
      "<Callout type=\"warn\">组件里的 **文字**</Callout>",
      "",
      "<Tabs.Item>成员组件</Tabs.Item>",
      "",
      "<>片段</>",
      "",
      '<img src="/a.png" alt="示意" onError="alert(1)" /> <span style="color:red" class="x">红</span>',
      "",
      "<details open><summary>摘要</summary>细节</details>",
    ].join("\n");
    const { html, toc } = await render(body, "mdx");
    expect(html).toContain('<h2 id="小节">');
    expect(html).toContain("<td>1</td>");
    expect(html).toContain('<div title="t">在 div 里</div>');
    expect(html).toContain("组件里的 <strong>文字</strong>");
    expect(html).not.toMatch(/callout|Tabs/i);
    expect(html).toContain("成员组件");
    expect(html).toContain("片段");
    expect(html).toMatch(/<img src="\/a.png" alt="示意" loading="lazy" decoding="async"\/>\s*<span>红<\/span>/);
    expect(html).toContain("<details open=\"\"><summary>摘要</summary>细节</details>");
    expect(toc).toEqual([{ depth: 2, id: "小节", text: "小节" }]);
  });

  it("falls back to Markdown when the MDX does not parse, instead of throwing", async () => {
    const body = "# 标题\n\n<!-- 注释 -->\n\na < b 且 {未闭合\n\n## 小节\n";
    const { html, toc } = await render(body, "mdx");
    expect(html).toContain("a &lt; b 且 {未闭合");
    expect(html).not.toContain("注释");
    expect(toc).toEqual([{ depth: 2, id: "小节", text: "小节" }]);
  });

  it("rejects input that is not a body and a format", async () => {
    await expect(renderPost({ body: "x", format: "html" } as never)).rejects.toThrow();
  });
});

describe("renderPost: ids a post chooses cannot name the page's globals", () => {
  it("prefixes {#id} and heading slugs that would name a framework global, and keeps links to them working", async () => {
    for (const format of ["md", "mdx"] as const) {
      const { html, toc } = await render(
        ["## 一 {#__next_f}", "", "## `__NEXT_DATA__`", "", "## 二 {#$RC}", "", "## 三 {#webpackChunk_N_E}", "", "## 四 {#TURBOPACK}", "", "## next", "", "[跳](#__next_f)", ""].join("\n"),
        format,
      );
      const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
      expect(ids).toEqual([
        "user-content-__next_f",
        "user-content-__next_data__",
        "user-content-$RC",
        "user-content-webpackChunk_N_E",
        "user-content-TURBOPACK",
        "user-content-next",
      ]);
      expect(html).toContain('href="#user-content-__next_f">跳</a>');
      expect(html).toContain('<a class="heading-anchor" aria-label="链接到此标题" href="#user-content-__next_f">');
      expect(toc.map((entry) => entry.id)).toEqual(ids);
    }
  });

  it("leaves ordinary anchors as written", async () => {
    const { html } = await render("## 配置 {#configuration}\n\n## Webpack 配置\n\n## Next steps\n\n## 2026 年\n");
    expect([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1])).toEqual(["configuration", "webpack-配置", "next-steps", "2026-年"]);
  });

  it("no element in any rendered body has an id or name that is not prefixed and starts with _ or $", async () => {
    const body = '<a name="__next_s">x</a> <p id="_N_E">y</p>\n\n## _N_E {#_N_E}\n';
    for (const format of ["md", "mdx"] as const) {
      const { html } = await render(body, format);
      for (const [, , value] of html.matchAll(/ (id|name)="([^"]+)"/g)) expect(value).toMatch(/^(user-content-|[^_$])/);
    }
  });
});
