import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { expandHugoShortcodes } from "./hugo-shortcodes";
import { renderPost } from "./index";
import { expectSafe } from "./testing/expect-safe";

async function render(body: string) {
  return renderToStaticMarkup((await renderPost({ body, format: "md" })).content);
}

describe("Hugo shortcodes in Markdown", () => {
  it("turns figure into figure/img/figcaption, in every spelling the corpus uses", async () => {
    const html = await render(
      [
        '{{< figure src="/images/a.png" alt="架构图" caption="图 1：架构" >}}',
        "",
        '<center>{{<figure width="600" src="/images/b.png">}}</center>',
        "",
        "{{< figure",
        '    src="/images/c.svg"',
        '    alt="多行" >}}',
        "紧接着的段落 *强调*",
      ].join("\n"),
    );
    expect(html).toContain(
      '<figure><img src="/images/a.png" alt="架构图" loading="lazy" decoding="async"/><figcaption>图 1：架构</figcaption></figure>',
    );
    expect(html).toContain('<figure><img src="/images/b.png" alt="" width="600" loading="lazy" decoding="async"/></figure>');
    expect(html).toContain('<img src="/images/c.svg" alt="多行" loading="lazy" decoding="async"/>');
    expect(html).toContain("<p>紧接着的段落 <em>强调</em></p>");
    expect(html).not.toContain("{{");
  });

  it("turns note/caution/warning/alert into labelled callouts whose content is Markdown", async () => {
    const html = await render(
      [
        "{{< note >}}",
        "<!--",
        "English original.",
        "-->",
        "中文 **说明** 内容。",
        "{{< /note >}}",
        "",
        "{{< caution >}}小心 `subPath`。{{< /caution >}}",
        "",
        "{{< warning >}}",
        "危险",
        "{{< /warning >}}",
        "",
        '{{% alert title="注意事项" color="warning" %}}',
        "提醒内容",
        "{{% /alert %}}",
        "",
        "后续段落",
      ].join("\n"),
    );
    expect(html).toMatch(
      /<blockquote class="callout callout-note"><p class="callout-title"><strong>说明：<\/strong><\/p>\s*<p>中文 <strong>说明<\/strong> 内容。<\/p>\s*<\/blockquote>/,
    );
    expect(html).not.toContain("English original");
    expect(html).toMatch(/<blockquote class="callout callout-caution">.*?<strong>注意：<\/strong>.*?<code>subPath<\/code>/s);
    expect(html).toMatch(/<blockquote class="callout callout-warning"><p class="callout-title"><strong>警告：<\/strong><\/p>\s*<p>危险<\/p>/);
    expect(html).toMatch(/<blockquote class="callout callout-warning"><p class="callout-title"><strong>注意事项：<\/strong><\/p>\s*<p>提醒内容<\/p>/);
    expect(html).toMatch(/<\/blockquote>\s*<p>后续段落<\/p>$/);
  });

  it("replaces glossary_tooltip by its text, also across lines", async () => {
    const html = await render(
      '支持对{{< glossary_tooltip text="边车容器" term_id="sidecar-container" >}}进行调整，\n以及 {{< glossary_tooltip text="API 组"\nterm_id="api-group" >}}。',
    );
    expect(html).toBe("<p>支持对边车容器进行调整，\n以及 API 组。</p>");
  });

  it("turns youtube into a link to the video", async () => {
    const html = await render('{{< youtube dQw4w9WgXcQ >}}\n\n看 {{< youtube id="abcdefGHIJ1" title="演讲" >}} 吧');
    expect(html).toContain('<a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ" rel="noopener noreferrer">YouTube 视频：dQw4w9WgXcQ</a>');
    expect(html).toContain('看 <a href="https://www.youtube.com/watch?v=abcdefGHIJ1" rel="noopener noreferrer">YouTube 视频：演讲</a> 吧');
  });

  it("turns mermaid into a verbatim code block", async () => {
    const diagram = ["sequenceDiagram", "    Client->>API_Server_A: 1. Request *not* emphasis", '"静态" : 16'];
    const html = await render(["前文", "{{< mermaid >}}", ...diagram, "{{< /mermaid >}}", "后文"].join("\n"));
    expect(html).toContain(
      '<pre><code class="language-mermaid">sequenceDiagram\n    Client-&gt;&gt;API_Server_A: 1. Request *not* emphasis\n&quot;静态&quot; : 16\n</code></pre>',
    );
    expect(html).toMatch(/<p>前文<\/p>[\s\S]*<p>后文<\/p>/);
  });

  it("leaves unknown shortcodes visible as literal text", async () => {
    const html = await render('{{< imgproc photo Fit "800x450" >}}\n说明文字\n{{< /imgproc >}}\n\n{{<unknown arg>}} 和 {{% foo %}}');
    expect(html).toContain("{{&lt; imgproc photo Fit &quot;800x450&quot; &gt;}}\n说明文字\n{{&lt; /imgproc &gt;}}");
    expect(html).toContain("{{&lt;unknown arg&gt;}} 和 {{% foo %}}");
  });

  it("does not touch shortcodes inside code", async () => {
    const body = ["```", '{{< figure src="x.png" >}}', "```", "", 'Inline `{{< note >}}` stays.'].join("\n");
    expect(expandHugoShortcodes(body)).toBe(body);
    const html = await render(body);
    expect(html).toContain("<pre><code>{{&lt; figure src=&quot;x.png&quot; &gt;}}\n</code></pre>");
    expect(html).toContain("<code>{{&lt; note &gt;}}</code> stays.");
  });

  it("escapes attribute values, and the sanitizer still has the last word", async () => {
    const html = await render(
      [
        `{{< figure src="javascript:alert(1)" alt='"><script>alert(1)</script>' caption="<img src=x onerror=alert(1)>" >}}`,
        "",
        '{{< glossary_tooltip text="<script>alert(1)</script>" term_id="x" >}}',
        "",
        '{{< figure src="/ok.png" link="javascript:alert(1)" >}}',
        "",
        "{{< broken",
        '<img src=x onerror=alert(1)> "unclosed quote >}}',
      ].join("\n"),
    );
    expectSafe(html);
    expect(html).toContain('<figure><img alt="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" loading="lazy" decoding="async"/>');
    expect(html).toContain("<figcaption>&lt;img src=x onerror=alert(1)&gt;</figcaption>");
    expect(html).toContain("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
    expect(html).toContain('<a><img src="/ok.png" alt="" loading="lazy" decoding="async"/></a>');
  });
});
