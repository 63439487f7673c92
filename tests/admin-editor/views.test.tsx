import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { lineDiff } from "@/components/admin/line-diff";
import { LineDiffView } from "@/components/admin/line-diff-view";
import { noticeFrom } from "@/components/admin/editor-notice";
import { editPath, revisionsPath } from "@/components/admin/paths";
import { StoreBanner } from "@/components/admin/store-banner";

describe("LineDiffView", () => {
  it("marks changes with +/− for the eye and words for screen readers", () => {
    const html = renderToStaticMarkup(
      <LineDiffView diff={lineDiff("旧的一行\n同样\n", "新的一行\n同样\n")} caption="Changes" oldLabel="old" newLabel="new" />,
    );
    expect(html).toContain("Changes: 1 line added, 1 line removed.");
    expect(html).toMatch(/data-change="removed".*<span aria-hidden="true">−<\/span><span class="sr-only">Removed: <\/span>.*旧的一行/);
    expect(html).toMatch(/data-change="added".*<span aria-hidden="true">\+<\/span><span class="sr-only">Added: <\/span>.*新的一行/);
  });

  it("says so when there is nothing to show", () => {
    const html = renderToStaticMarkup(<LineDiffView diff={lineDiff("a\n", "a\n")} caption="Changes" oldLabel="o" newLabel="n" />);
    expect(html).toContain("no differences");
    expect(html).not.toContain("<table");
  });
});

describe("StoreBanner", () => {
  it("is silent for a healthy database and speaks for files or a degraded store", () => {
    expect(renderToStaticMarkup(<StoreBanner status={{ kind: "database", degraded: false, message: null }} />)).toBe("");
    expect(
      renderToStaticMarkup(<StoreBanner status={{ kind: "files", degraded: true, message: "数据库不可用：写入 Markdown 文件" }} />),
    ).toContain("数据库不可用：写入 Markdown 文件");
    expect(renderToStaticMarkup(<StoreBanner status={{ kind: "files", degraded: false, message: null }} />)).toContain(
      "saved to the Markdown files",
    );
  });
});

describe("admin paths and notices", () => {
  it("encodes Chinese slugs once and accepts only known notices", () => {
    expect(editPath("云原生周报")).toBe(`/admin/posts/${encodeURIComponent("云原生周报")}/edit`);
    expect(editPath("a", "published")).toBe("/admin/posts/a/edit?notice=published");
    expect(revisionsPath("a", "r 1")).toBe("/admin/posts/a/revisions?revision=r+1");
    expect(noticeFrom("saved")).toBe("saved");
    expect(noticeFrom(["published"])).toBe("published");
    expect(noticeFrom("<script>")).toBeNull();
  });
});
