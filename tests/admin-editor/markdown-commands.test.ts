import { describe, expect, it } from "vitest";
import { applyFormat, continueMarkup, formatMarkdown, type FormatCommand } from "@/components/admin/markdown-commands";

const placeholders = { bold: "粗体文字", italic: "斜体文字", link: "链接文字", code: "代码", heading: "小标题" };

/** `|` marks the selection in the input and the output: "a|b|c" selects "b", "a|bc" is a cursor. */
function run(command: FormatCommand, marked: string): string {
  const from = marked.indexOf("|");
  const second = marked.indexOf("|", from + 1);
  const to = second === -1 ? from : second - 1;
  const text = marked.replace(/\|/g, "");
  const result = formatMarkdown(command, text, { from, to }, placeholders);
  const output = applyFormat(text, result);
  const { anchor, head } = result.selection;
  const [start, end] = [Math.min(anchor, head), Math.max(anchor, head)];
  return start === end ? `${output.slice(0, start)}|${output.slice(start)}` : `${output.slice(0, start)}|${output.slice(start, end)}|${output.slice(end)}`;
}

describe("inline formatting", () => {
  it("wraps the selection, or a placeholder to type over, and unwraps it again", () => {
    expect(run("bold", "云原生|调度器|很快")).toBe("云原生**|调度器|**很快");
    expect(run("bold", "云原生**|调度器|**很快")).toBe("云原生|调度器|很快");
    expect(run("bold", "云原生|**调度器**|很快")).toBe("云原生|调度器|很快");
    expect(run("bold", "写|")).toBe("写**|粗体文字|**");
    expect(run("italic", "中|文|字")).toBe("中*|文|*字");
    expect(run("italic", "中*|文|*字")).toBe("中|文|字");
    expect(run("code", "运行 |kubectl| 命令")).toBe("运行 `|kubectl|` 命令");
  });

  it("does not take bold's stars for italic's", () => {
    expect(run("italic", "**|粗|**")).toBe("***|粗|***");
    expect(run("italic", "|**粗**|")).toBe("*|**粗**|*");
  });
});

describe("code blocks and links", () => {
  it("fences a selection of several lines on lines of its own", () => {
    expect(run("code", "前文\n|a = 1\nb = 2|\n后文")).toBe("前文\n```\n|a = 1\nb = 2|\n```\n后文");
    expect(run("code", "前文|a\nb|后文")).toBe("前文\n```\n|a\nb|\n```\n后文");
  });

  it("makes a link of the selection and selects the address to type", () => {
    expect(run("link", "见|官方博客|。")).toBe("见[官方博客](|https://|)。");
    expect(run("link", "见|")).toBe("见[|链接文字|](https://)");
    expect(run("link", "见 |https://kubernetes.io/blog| 。")).toBe("见 [|链接文字|](https://kubernetes.io/blog) 。");
  });
});

describe("line formatting", () => {
  it("toggles a prefix on every selected line, skipping blank ones", () => {
    expect(run("list", "|第一项\n第二项|")).toBe("- |第一项\n- 第二项|");
    expect(run("list", "|- 第一项\n\n- 第二项|")).toBe("|第一项\n\n第二项|");
    expect(run("quote", "引|用一段话")).toBe("> 引|用一段话");
    expect(run("quote", "> 引|用一段话")).toBe("引|用一段话");
    // A selection that ends at the start of the next line leaves that line alone.
    expect(run("list", "|一\n|二")).toBe("- |一\n|二");
  });

  it("makes a heading level 2 whatever it was, and removes it when it is one", () => {
    expect(run("heading", "主要|新闻")).toBe("## 主要|新闻");
    expect(run("heading", "## 主要|新闻")).toBe("主要|新闻");
    expect(run("heading", "#### 主要|新闻")).toBe("## 主要|新闻");
    expect(run("heading", "第一段\n\n|")).toBe("第一段\n\n## |小标题|");
  });
});

describe("Enter in lists and quotes", () => {
  function enter(marked: string): string | null {
    const at = marked.indexOf("|");
    const text = marked.replace("|", "");
    const result = continueMarkup(text, { from: at, to: at });
    if (!result) return null;
    const output = applyFormat(text, result);
    return `${output.slice(0, result.selection.head)}|${output.slice(result.selection.head)}`;
  }

  it("starts the next item, numbering ordered lists and keeping indentation, quotes and task boxes", () => {
    expect(enter("- 第一项|")).toBe("- 第一项\n- |");
    expect(enter("  * 缩进的项|")).toBe("  * 缩进的项\n  * |");
    expect(enter("9. 第九步|")).toBe("9. 第九步\n10. |");
    expect(enter("1) 第一|")).toBe("1) 第一\n2) |");
    expect(enter("- [x] 已完成|")).toBe("- [x] 已完成\n- [ ] |");
    expect(enter("> 引用的话|")).toBe("> 引用的话\n> |");
    expect(enter("> - 引用里的列表|")).toBe("> - 引用里的列表\n> - |");
    // In the middle of an item, the rest moves to the new one.
    expect(enter("- 前半|后半")).toBe("- 前半\n- |后半");
  });

  it("ends the list on an empty item, and leaves ordinary lines alone", () => {
    expect(enter("- 第一项\n- |")).toBe("- 第一项\n|");
    expect(enter("> 引用\n> |")).toBe("> 引用\n|");
    expect(enter("> - 项\n> - |")).toBe("> - 项\n> |");
    expect(enter("普通的一行|")).toBeNull();
    expect(enter("-不是列表|")).toBeNull();
    expect(enter("2026年|")).toBeNull();
    expect(enter("|- 光标在标记前")).toBeNull();
  });
});
