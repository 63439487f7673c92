import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { checkPostBody, renderPost } from "./index";
import { expectSafe } from "./testing/expect-safe";

async function render(body: string, format: "md" | "mdx") {
  return renderToStaticMarkup((await renderPost({ body, format })).content);
}


// Each vector is tried as Markdown and as MDX; some are not valid MDX, which exercises the Markdown fallback too.
const VECTORS: Record<string, string> = {
  script: "<script>alert(1)</script>",
  "script in paragraph": "text <script>alert(1)</script> text",
  "img onerror (HTML)": "<img src=x onerror=alert(1)>",
  "img onError (JSX)": '<img src="x.png" onError="alert(1)" />',
  "div onclick": '<div onclick="alert(1)">x</div>',
  "details ontoggle": '<details open ontoggle="alert(1)"><summary>s</summary></details>',
  "javascript href (HTML)": '<a href="javascript:alert(1)">x</a>',
  "javascript href, mixed case and spaces": '<a href=" JaVaScRiPt:alert(1)">x</a>',
  "javascript href, entity-encoded": '<a href="&#106;avascript:alert(1)">x</a>',
  "javascript href (Markdown link)": "[x](javascript:alert(1))",
  "javascript autolink": "<javascript:alert(1)>",
  "javascript reference link": "[x][r]\n\n[r]: javascript:alert(1)",
  "vbscript href": '<a href="vbscript:msgbox(1)">x</a>',
  "data: image": '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+" alt="x" />',
  "data: href": '<a href="data:text/html,<script>alert(1)</script>">x</a>',
  iframe: '<iframe src="https://evil.example"></iframe>',
  object: '<object data="evil.swf"></object>',
  embed: '<embed src="evil.swf" />',
  style: "<style>body { display: none }</style>",
  "svg onload": '<svg onload="alert(1)"><script>alert(1)</script></svg>',
  "form action": '<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">b</button></form>',
  "meta refresh": '<meta http-equiv="refresh" content="0;url=javascript:alert(1)" />',
  "base href": '<base href="javascript:alert(1)//" />',
  "mutation XSS": "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
  "JSX attribute expression": '<a href={"javascript:alert(1)"} onClick={() => alert(1)}>x</a>',
  "JSX spread": '<div {...{ onClick: () => alert(1), dangerouslySetInnerHTML: { __html: "<script>alert(1)</script>" } }}>x</div>',
  "dangerouslySetInnerHTML literal": '<div dangerouslySetInnerHTML="<script>alert(1)</script>">x</div>',
  "component with handler": '<Foo onClick="alert(1)" href="javascript:alert(1)">kept text</Foo>',
};

describe("renderPost never emits executable markup", () => {
  for (const [name, vector] of Object.entries(VECTORS)) {
    for (const format of ["md", "mdx"] as const) {
      it(`${name} (${format})`, async () => {
        expectSafe(await render(`前文\n\n${vector}\n\n后文`, format));
      });
    }
  }

  it("leaves escaped text, not markup, where a vector is not HTML in its format", async () => {
    const html = await render(VECTORS["component with handler"], "md");
    expect(html).toContain("&lt;Foo onClick=&quot;alert(1)&quot; href=&quot;javascript:alert(1)&quot;&gt;kept text&lt;/Foo&gt;");
  });

  it("keeps the text of an unknown component", async () => {
    expect(await render(VECTORS["component with handler"], "mdx")).toContain("kept text");
  });
});

describe("MDX JavaScript never runs", () => {
  const flags = globalThis as typeof globalThis & { __renderProbe?: string };
  afterEach(() => {
    delete flags.__renderProbe;
    delete process.env.DIGEST_RENDER_SECRET;
    vi.restoreAllMocks();
  });

  const EXPRESSIONS: Record<string, string> = {
    "process.exit": "{process.exit(1)}",
    "process.env": "{globalThis.process.env.DIGEST_RENDER_SECRET}",
    "throwing IIFE": '{(() => { throw new Error("boom") })()}',
    "global write": '{globalThis.__renderProbe = "expression"}',
    "attribute expression": '<div title={globalThis.__renderProbe = "attribute"}>x</div>',
    "export": 'export const x = (globalThis.__renderProbe = "export")',
    "import": 'import fs from "fs"\nimport { exec } from "node:child_process"',
    "constructor escape": '{[].constructor.constructor("globalThis.__renderProbe = \'constructor\'")()}',
  };

  for (const [name, code] of Object.entries(EXPRESSIONS)) {
    it(`${name}: compiles, renders, and has no effect`, async () => {
      process.env.DIGEST_RENDER_SECRET = "s3cr3t-value";
      const exit = vi.spyOn(process, "exit").mockImplementation(() => undefined as never);
      const body = `# 标题\n\n${code}\n\n<Marker>正文</Marker>\n`;
      // The body is valid MDX, so this is the MDX pipeline at work, not the Markdown fallback.
      expect(await checkPostBody({ body, format: "mdx" })).toEqual({ ok: true });
      const html = await render(body, "mdx");
      expect(html).toContain("正文");
      expect(html).not.toContain("Marker");
      expect(html).not.toContain("s3cr3t-value");
      expect(html).not.toMatch(/process|globalThis|constructor|boom/);
      expect(exit).not.toHaveBeenCalled();
      expect(flags.__renderProbe).toBeUndefined();
    });
  }
});
