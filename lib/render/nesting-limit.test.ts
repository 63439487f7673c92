import { describe, expect, it } from "vitest";
import { renderPost } from "@/lib/render";
import { limitNesting, MAX_BRACKET_NESTING, MAX_UNMATCHED_CLOSERS } from "./nesting-limit";

const escapes = (text: string, char: string) => text.split(`\\${char}`).length - 1;

describe("limitNesting: closers no `[` opened", () => {
  it("leaves a paragraph's first stray `]`s alone and escapes the rest, which read the same", () => {
    const few = "] ".repeat(MAX_UNMATCHED_CLOSERS);
    expect(limitNesting(few)).toBe(few);
    const many = "] ".repeat(MAX_UNMATCHED_CLOSERS + 10);
    expect(escapes(limitNesting(many), "]")).toBe(10);
  });

  it("counts per paragraph, and not the `]` that close a link", () => {
    const paragraph = "] ".repeat(MAX_UNMATCHED_CLOSERS);
    expect(limitNesting(`${paragraph}\n\n${paragraph}`)).toBe(`${paragraph}\n\n${paragraph}`);
    const links = "[a](b) ".repeat(MAX_UNMATCHED_CLOSERS * 3);
    expect(limitNesting(links)).toBe(links);
  });

  it("leaves `]` in inline code and fenced code as written", () => {
    const code = `${"`]` ".repeat(MAX_UNMATCHED_CLOSERS * 2)}\n\n\`\`\`\n${"]".repeat(100)}\n\`\`\`\n`;
    expect(limitNesting(code)).toBe(code);
  });

  it("renders escaped and unescaped stray closers as the same text", async () => {
    const body = `前文 ${"](".repeat(MAX_UNMATCHED_CLOSERS + 5)} 后文`;
    const { content } = await renderPost({ body, format: "md" });
    const { renderToStaticMarkup } = await import("react-dom/server");
    const html = renderToStaticMarkup(content);
    expect(html).toContain(`前文 ${"](".repeat(MAX_UNMATCHED_CLOSERS + 5)} 后文`);
    expect(html).not.toContain("\\]");
  });

  it("still bounds `[` nesting as before", () => {
    expect(escapes(limitNesting("[".repeat(MAX_BRACKET_NESTING + 3)), "[")).toBe(3);
  });
});
