import { describe, expect, it } from "vitest";
import { characterDiff, lineDiff } from "@/components/admin/line-diff";
import { postSnapshotText } from "@/components/admin/post-snapshot-text";

describe("lineDiff", () => {
  it("marks added and removed lines with their line numbers", () => {
    const result = lineDiff("a\nb\nc\n", "a\nB\nc\nd\n");
    expect(result.added).toBe(2);
    expect(result.removed).toBe(1);
    expect(result.rows).toEqual([
      { kind: "same", text: "a", oldLine: 1, newLine: 1 },
      { kind: "removed", text: "b", oldLine: 2, newLine: null },
      { kind: "added", text: "B", oldLine: null, newLine: 2 },
      { kind: "same", text: "c", oldLine: 3, newLine: 3 },
      { kind: "added", text: "d", oldLine: null, newLine: 4 },
    ]);
  });

  it("folds long unchanged runs around a change", () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join("\n");
    const after = before.replace("line 10", "第十行");
    const { rows } = lineDiff(before, after, 2);
    expect(rows[0]).toEqual({ kind: "skipped", count: 7 });
    expect(rows.filter((row) => row.kind === "removed")).toHaveLength(1);
    expect(rows.at(-1)).toEqual({ kind: "skipped", count: 8 });
  });

  it("reports no change for equal texts", () => {
    const result = lineDiff("same\n", "same\n");
    expect(result.added + result.removed).toBe(0);
  });
});

describe("characterDiff", () => {
  it("marks single changed characters inside a Chinese sentence", () => {
    expect(characterDiff("第一版正文。", "第二版正文。")).toEqual({
      before: [
        { text: "第", changed: false },
        { text: "一", changed: true },
        { text: "版正文。", changed: false },
      ],
      after: [
        { text: "第", changed: false },
        { text: "二", changed: true },
        { text: "版正文。", changed: false },
      ],
    });
  });

  it("splits Latin words from the Chinese around them when there are no spaces", () => {
    const result = characterDiff("# 云原生：Kubernetes成为AI基础设施核心", "# 云原生：Kubernetes成为人工智能基础设施核心");
    expect(result?.before.filter((s) => s.changed).map((s) => s.text)).toEqual(["AI"]);
    expect(result?.after.filter((s) => s.changed).map((s) => s.text)).toEqual(["人工智能"]);
  });

  it("compares Latin words whole, and leaves lines with little in common unmarked", () => {
    expect(characterDiff("run kubectl apply now", "run kubectl delete now")?.after).toEqual([
      { text: "run kubectl ", changed: false },
      { text: "delete", changed: true },
      { text: " now", changed: false },
    ]);
    expect(characterDiff("完全不同的一行", "another line entirely")).toBeNull();
    expect(characterDiff("", "x")).toBeNull();
  });

  it("pairs each removed line with the added line in the same place", () => {
    const { rows } = lineDiff("甲一\n乙一\n", "甲二\n乙二\n");
    const marked = rows.map((row) =>
      row.kind === "added" || row.kind === "removed" ? `${row.kind}:${(row.segments ?? []).filter((s) => s.changed).map((s) => s.text).join("")}` : row.kind,
    );
    expect(marked).toEqual([
      "removed:一",
      "removed:一",
      "added:二",
      "added:二",
    ]);
  });
});

describe("postSnapshotText", () => {
  it("puts the fields before the body so metadata changes show in the diff", () => {
    const post = {
      slug: "a",
      title: "标题",
      date: "2026-01-26T00:00:00.000Z",
      author: null,
      source: null,
      description: "多行\n描述",
      tags: ["k8s", "ai"],
      categories: [],
      draft: true,
      publishAt: null,
      cover: null,
      seoTitle: null,
      seoDescription: null,
      format: "mdx" as const,
      body: "正文",
      extra: {},
    };
    const text = postSnapshotText(post, "Asia/Shanghai");
    expect(text).toContain("title: 标题\n");
    expect(text).toContain("date: 2026-01-26\n");
    expect(text).toContain("tags: k8s, ai\n");
    expect(text).toContain("description: 多行 描述\n");
    expect(text).toContain("draft: yes\n");
    expect(text.endsWith("---\n正文\n")).toBe(true);
    const changed = lineDiff(text, postSnapshotText({ ...post, tags: ["k8s"] }, "Asia/Shanghai"));
    expect(changed.rows.filter((row) => row.kind === "added")).toEqual([
      { kind: "added", text: "tags: k8s", oldLine: null, newLine: 7, segments: [{ text: "tags: k8s", changed: false }] },
    ]);
    expect(changed.rows.find((row) => row.kind === "removed")).toMatchObject({
      segments: [
        { text: "tags: k8s", changed: false },
        { text: ", ai", changed: true },
      ],
    });
  });
});
