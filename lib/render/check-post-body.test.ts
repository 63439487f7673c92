import { describe, expect, it } from "vitest";
import { checkPostBody } from "./index";

describe("checkPostBody", () => {
  it("accepts valid MDX and any Markdown", async () => {
    expect(await checkPostBody({ body: "# 标题\n\n<div>ok</div>\n\n{1 + 1}\n", format: "mdx" })).toEqual({ ok: true });
    expect(await checkPostBody({ body: "a < b {oops <!-- x\n\n<div>", format: "md" })).toEqual({ ok: true });
  });

  it("accepts Hugo heading ids in MDX", async () => {
    expect(await checkPostBody({ body: "## 标题 {#custom}\n", format: "mdx" })).toEqual({ ok: true });
  });

  it("reports an unclosed JSX tag with its position", async () => {
    const result = await checkPostBody({ body: "# 标题\n\n段落\n\n<div>\n未闭合\n", format: "mdx" });
    expect(result).toMatchObject({ ok: false, line: 5, column: 1 });
    if (result.ok) return;
    expect(result.message).toMatch(/closing tag for `<div>`/);
  });

  it("reports a broken expression at its line and column", async () => {
    const result = await checkPostBody({ body: "第一行\n\n第三行 {a b}\n", format: "mdx" });
    expect(result).toMatchObject({ ok: false, line: 3 });
    if (result.ok) return;
    expect(result.column).toBeGreaterThan(4);
    expect(result.message).toMatch(/acorn|expression/i);
  });

  it("reports HTML comments, which MDX does not allow, on their line (CRLF too)", async () => {
    const result = await checkPostBody({ body: "标题\r\n\r\n<!-- 注释 -->\r\n", format: "mdx" });
    expect(result).toMatchObject({ ok: false, line: 3, column: 2 });
  });
});
