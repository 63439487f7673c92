import { describe, expect, it } from "vitest";
import type { Post } from "@/lib/content/types";
import { makePost } from "@/lib/content/testing";
import { mergePosts } from "./merge";
import type { StoredPost } from "./types";

const T1 = "2026-02-01T10:00:00.000Z";
const T2 = "2026-02-02T10:00:00.000Z";
const T3 = "2026-02-03T10:00:00.000Z";

function post(slug: string, overrides: Partial<Post> = {}): Post {
  return makePost({ slug, date: "2026-01-26T00:00:00.000Z", origin: { kind: "file", path: `/content/${slug}.md` }, ...overrides });
}

function file(slug: string, updatedAt: string | null, options: { deletedAt?: string; title?: string; date?: string } = {}): StoredPost {
  return {
    post: post(slug, { updatedAt, title: options.title ?? `file ${slug}`, ...(options.date ? { date: options.date } : {}) }),
    versionToken: `sha-${slug}`,
    deletedAt: options.deletedAt ?? null,
    ownerId: null,
  };
}

function row(slug: string, updatedAt: string, options: { deletedAt?: string; title?: string; date?: string } = {}): StoredPost {
  return {
    post: post(slug, {
      updatedAt,
      title: options.title ?? `row ${slug}`,
      origin: { kind: "database", id: `id-${slug}`, version: 2 },
      ...(options.date ? { date: options.date } : {}),
    }),
    versionToken: "2",
    deletedAt: options.deletedAt ?? null,
    ownerId: null,
  };
}

function summary(merged: ReturnType<typeof mergePosts>) {
  return merged.map((m) => ({ slug: m.post.slug, title: m.post.title, source: m.source, needsSync: m.needsSync, deletedAt: m.deletedAt }));
}

describe("mergePosts", () => {
  it("serves files alone when there are no rows", () => {
    expect(summary(mergePosts([file("a", null), file("b", T1)], []))).toEqual([
      { slug: "a", title: "file a", source: "file", needsSync: false, deletedAt: null },
      { slug: "b", title: "file b", source: "file", needsSync: false, deletedAt: null },
    ]);
  });

  it("lets a database row override the file with the same slug", () => {
    const merged = mergePosts([file("a", T1), file("b", null)], [row("a", T2), row("c", T1)]);
    expect(summary(merged)).toEqual([
      { slug: "a", title: "row a", source: "database", needsSync: false, deletedAt: null },
      { slug: "b", title: "file b", source: "file", needsSync: false, deletedAt: null },
      { slug: "c", title: "row c", source: "database", needsSync: false, deletedAt: null },
    ]);
    expect(merged[0].versionToken).toBe("2");
  });

  it("lets a row win over a hand-written file that has no updated time", () => {
    expect(summary(mergePosts([file("a", null)], [row("a", T1)]))[0]).toMatchObject({ source: "database", needsSync: false });
  });

  it("hides a file behind the row's tombstone", () => {
    const merged = mergePosts([file("a", T1)], [row("a", T1, { deletedAt: T2 })]);
    expect(summary(merged)).toEqual([{ slug: "a", title: "row a", source: "database", needsSync: false, deletedAt: T2 }]);
  });

  it("lets a file saved after the row win, flagged for syncing back", () => {
    const merged = mergePosts([file("a", T3)], [row("a", T2)]);
    expect(summary(merged)).toEqual([{ slug: "a", title: "file a", source: "file", needsSync: true, deletedAt: null }]);
    expect(merged[0].versionToken).toBe("sha-a");
  });

  it("lets a file saved after the row's tombstone bring the post back, flagged for syncing", () => {
    const merged = mergePosts([file("a", T3)], [row("a", T1, { deletedAt: T2 })]);
    expect(summary(merged)).toEqual([{ slug: "a", title: "file a", source: "file", needsSync: true, deletedAt: null }]);
  });

  it("lets a file trashed after the row's last change win, so the deletion is synced", () => {
    const merged = mergePosts([file("a", T1, { deletedAt: T3 })], [row("a", T2)]);
    expect(summary(merged)).toEqual([{ slug: "a", title: "file a", source: "file", needsSync: true, deletedAt: T3 }]);
  });

  it("keeps the row when the file was trashed before the row changed", () => {
    const merged = mergePosts([file("a", T1, { deletedAt: T2 })], [row("a", T3)]);
    expect(summary(merged)).toEqual([{ slug: "a", title: "row a", source: "database", needsSync: false, deletedAt: null }]);
  });

  it("keeps the row on a tie", () => {
    expect(summary(mergePosts([file("a", T2)], [row("a", T2)]))[0]).toMatchObject({ source: "database", needsSync: false });
  });

  it("sorts newest first, then by slug", () => {
    const merged = mergePosts(
      [file("b", null, { date: "2026-01-01T00:00:00.000Z" }), file("a", null, { date: "2026-01-01T00:00:00.000Z" })],
      [row("c", T1, { date: "2026-03-01T00:00:00.000Z" })],
    );
    expect(merged.map((m) => m.post.slug)).toEqual(["c", "a", "b"]);
  });
});
