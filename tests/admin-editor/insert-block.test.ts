import { describe, expect, it } from "vitest";
import { applyFormat, imageMarkdown, insertBlock } from "@/components/admin/markdown-commands";

const insertAt = (text: string, at: number, block: string) => {
  const result = insertBlock(text, { from: at, to: at }, block);
  return { text: applyFormat(text, result), cursor: result.selection.head };
};

describe("insertBlock", () => {
  it("makes the image a paragraph of its own in the middle of a line", () => {
    const { text, cursor } = insertAt("第一句。第二句。", 4, "![图](/media/a.png)");
    expect(text).toBe("第一句。\n\n![图](/media/a.png)\n\n第二句。");
    expect(text.slice(cursor)).toBe("第二句。");
  });

  it("adds no blank lines the text already has", () => {
    expect(insertAt("上文\n\n", 4, "![x](/m.png)").text).toBe("上文\n\n![x](/m.png)\n\n");
    expect(insertAt("", 0, "![x](/m.png)").text).toBe("![x](/m.png)\n\n");
    expect(insertAt("上文\n\n下文", 4, "![x](/m.png)").text).toBe("上文\n\n![x](/m.png)\n\n下文");
  });

  it("replaces a selection", () => {
    const text = "保留 替换我 保留";
    expect(applyFormat(text, insertBlock(text, { from: 3, to: 6 }, "![x](/m.png)"))).toBe("保留 \n\n![x](/m.png)\n\n 保留");
  });
});

describe("imageMarkdown", () => {
  it("uses the file name as alt text, without brackets that would end it", () => {
    expect(imageMarkdown("/media/abc.png", "架构图 [v2].png")).toBe("![架构图 v2](/media/abc.png)");
    expect(imageMarkdown("/media/abc.png", "image")).toBe("![image](/media/abc.png)");
  });
});
