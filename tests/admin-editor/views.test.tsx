import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { lineDiff } from "@/components/admin/line-diff";
import { LineDiffView } from "@/components/admin/line-diff-view";
import { noticeFrom } from "@/components/admin/editor-notice";
import { editPath, revisionsPath } from "@/components/admin/paths";
import { revisionActionLabel } from "@/components/admin/revision-labels";
import { StoreBanner } from "@/components/admin/store-banner";
import { adminTranslator } from "@/lib/i18n/catalogue";

const zh = adminTranslator("zh-CN");
const en = adminTranslator("en");

describe("LineDiffView", () => {
  it("marks changes with +/− for the eye and words for screen readers", () => {
    const html = renderToStaticMarkup(
      <LineDiffView t={en} diff={lineDiff("旧的一行\n同样\n", "新的一行\n同样\n")} caption="Changes" oldLabel="old" newLabel="new" />,
    );
    expect(html).toContain("Changes: 1 line added, 1 line removed.");
    expect(html).toMatch(/data-change="removed".*<span aria-hidden="true">−<\/span><span class="sr-only">Removed: <\/span>.*旧/);
    expect(html).toMatch(/data-change="added".*<span aria-hidden="true">\+<\/span><span class="sr-only">Added: <\/span>.*新/);
  });

  it("marks the changed characters inside an edited Chinese paragraph", () => {
    const before = "Kubernetes 1.35 发布了新的调度器，提升了大规模集群的性能。\n";
    const after = "Kubernetes 1.36 发布了新的调度器，显著提升了超大规模集群的性能。\n";
    const html = renderToStaticMarkup(<LineDiffView t={zh} diff={lineDiff(before, after)} caption="变化" oldLabel="旧" newLabel="新" />);
    expect(html).toContain("变化：增加 1 行，删除 1 行。");
    const deleted = [...html.matchAll(/<del[^>]*>([^<]*)<\/del>/g)].map((match) => match[1]);
    const inserted = [...html.matchAll(/<ins[^>]*>([^<]*)<\/ins>/g)].map((match) => match[1]);
    expect(deleted).toEqual(["35"]);
    expect(inserted).toEqual(["36", "显著", "超"]);
  });

  it("says so when there is nothing to show", () => {
    const html = renderToStaticMarkup(<LineDiffView t={zh} diff={lineDiff("a\n", "a\n")} caption="变化" oldLabel="o" newLabel="n" />);
    expect(html).toContain("变化：没有差异。");
    expect(html).not.toContain("<table");
  });
});

describe("StoreBanner", () => {
  it("is silent for a healthy database and speaks the editor's language for files or a degraded store", () => {
    expect(renderToStaticMarkup(<StoreBanner t={zh} status={{ kind: "database", degraded: false, message: null }} />)).toBe("");
    const degraded = { kind: "files", degraded: true, message: "The SQLite database cannot be reached." } as const;
    expect(renderToStaticMarkup(<StoreBanner t={zh} status={degraded} />)).toContain("数据库无法连接");
    // In English the store's own, more precise sentence is shown.
    expect(renderToStaticMarkup(<StoreBanner t={en} status={degraded} />)).toContain("The SQLite database cannot be reached.");
    expect(renderToStaticMarkup(<StoreBanner t={en} status={{ kind: "files", degraded: false, message: null }} />)).toContain(
      "saved to the Markdown files",
    );
  });
});

describe("revision labels", () => {
  it("say what each revision did, in both languages, and name an action this build does not know", () => {
    const actions = ["create", "update", "publish", "unpublish", "delete", "restore", "revert", "import", "sync", "conflict"];
    expect(actions.map((action) => revisionActionLabel(action, en))).toEqual([
      "created",
      "edited",
      "published",
      "unpublished",
      "deleted",
      "restored from deletion",
      "restored an earlier version",
      "imported",
      "saved during an outage",
      "saved during an outage (conflict)",
    ]);
    expect(revisionActionLabel("sync", zh)).toBe("停机期间保存");
    expect(revisionActionLabel("merge", zh)).toBe("其他（merge）");
    expect(revisionActionLabel("unknown", en)).toBe("other (unknown)");
    expect(revisionActionLabel("a.b", en)).toBe("other (a.b)");
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
