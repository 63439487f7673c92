import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { inputFromPost } from "@/lib/content/post-input";
import type { FileIndex } from "./file-index";
import { ConflictError, PostNotFoundError, SlugTakenError, type PostStore } from "./types";
import { alice, bob, openTestFileStore, samplePostInput } from "./testing";

const input = samplePostInput;

/** A hand-written Jekyll post with keys Digest does not know, which a save must keep. */
const HAND_WRITTEN = `---
layout: post
title: "手写的文章"
date: 2026-01-20 10:00:00 +0800
tags: [kubernetes, ai]
toc: true
cover:
  image: /img/cover.png
  alt: 封面
---
第一段。

第二段。
`;

let root: string;
let dir: string;
let store: PostStore;
let index: FileIndex;
let close: () => Promise<void>;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "digest-files-"));
  ({ store, index, dir, close } = await openTestFileStore(root));
});

afterEach(async () => {
  await close();
  await rm(root, { recursive: true, force: true });
});

/** Only post files (the temp files of atomic writes never linger). */

async function contentFiles(): Promise<string[]> {
  return (await readdir(dir)).filter((name) => !name.startsWith(".tmp")).sort();
}

describe("files post store", () => {
  it("creates a Markdown file that reads back as the same post", async () => {
    const created = await store.create(input(), alice);
    expect(await contentFiles()).toEqual(["2026-01-26-hello.md"]);
    expect(created.deletedAt).toBeNull();
    expect(created.post).toMatchObject({
      slug: "hello",
      title: "云原生技术动态：第一期",
      tags: ["Kubernetes", "service mesh"],
      description: "本期介绍 Kubernetes 的新版本。",
      origin: { kind: "file", path: path.join(dir, "2026-01-26-hello.md") },
    });
    expect(created.post.updatedAt).not.toBeNull();
    const read = await store.getStored("hello");
    expect(read).toEqual(created);
    expect(inputFromPost(read!.post)).toEqual(input());
    expect(await store.getStored("missing")).toBeNull();
  });

  it("refuses a second post with a taken slug", async () => {
    await store.create(input(), alice);
    await expect(store.create(input({ title: "again", date: "2026-02-01T00:00:00.000Z" }), alice)).rejects.toBeInstanceOf(SlugTakenError);
    expect(await contentFiles()).toEqual(["2026-01-26-hello.md"]);
  });

  it("saves into the existing file and keeps front-matter keys it does not know", async () => {
    await writeFile(path.join(await ensureDir(), "2026-01-20-hand.md"), HAND_WRITTEN);
    await index.refresh();
    const before = await store.getStored("hand");
    expect(before?.post.extra).toEqual({ toc: true, cover: { image: "/img/cover.png", alt: "封面" } });

    const saved = await store.update("hand", { ...inputFromPost(before!.post), body: "改过的正文。\n" }, before!.versionToken, alice);
    expect(await contentFiles()).toEqual(["2026-01-20-hand.md"]);
    const raw = await readFile(path.join(dir, "2026-01-20-hand.md"), "utf8");
    expect(raw).toMatch(/^toc: true$/m);
    expect(raw).toMatch(/^cover:\n {2}image: \/img\/cover\.png\n {2}alt: 封面$/m);
    expect(raw.endsWith("---\n改过的正文。\n")).toBe(true);
    expect(saved.post).toMatchObject({
      title: "手写的文章",
      date: "2026-01-20T02:00:00.000Z",
      tags: ["kubernetes", "ai"],
      extra: { toc: true, cover: { image: "/img/cover.png", alt: "封面" } },
    });
    expect(saved.versionToken).not.toBe(before!.versionToken);
    expect(await store.getStored("hand")).toEqual(saved);
  });

  it("refuses a stale version token with a ConflictError carrying the current post", async () => {
    const created = await store.create(input(), alice);
    const updated = await store.update("hello", input({ title: "新标题" }), created.versionToken, bob);

    const stale = store.update("hello", input({ title: "Lost" }), created.versionToken, alice);
    const error = await stale.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).current?.post.title).toBe("新标题");
    expect((await store.getStored("hello"))?.post.title).toBe("新标题");
    await expect(store.setDraft("hello", true, created.versionToken, alice)).rejects.toBeInstanceOf(ConflictError);
    await expect(store.remove("hello", created.versionToken, alice)).rejects.toBeInstanceOf(ConflictError);
    expect((await store.getStored("hello"))?.versionToken).toBe(updated.versionToken);
    await expect(store.update("nobody", input({ slug: "nobody" }), "x", alice)).rejects.toBeInstanceOf(PostNotFoundError);
  });

  it("lets exactly one of two concurrent saves from the same version win", async () => {
    const created = await store.create(input(), alice);
    const results = await Promise.allSettled([
      store.update("hello", input({ body: "Alice 的版本。\n" }), created.versionToken, alice),
      store.update("hello", input({ body: "Bob 的版本。\n" }), created.versionToken, bob),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    const winner = (won[0] as PromiseFulfilledResult<Awaited<ReturnType<PostStore["update"]>>>).value;
    expect((await store.getStored("hello"))?.post.body).toBe(winner.post.body);
  });

  it("publishes and unpublishes", async () => {
    const created = await store.create(input({ draft: true }), alice);
    expect(await readFile(path.join(dir, "2026-01-26-hello.md"), "utf8")).toMatch(/^draft: true$/m);
    const published = await store.setDraft("hello", false, created.versionToken, alice);
    expect(published.post.draft).toBe(false);
    expect(await readFile(path.join(dir, "2026-01-26-hello.md"), "utf8")).not.toMatch(/^draft:/m);
    const hidden = await store.setDraft("hello", true, published.versionToken, alice);
    expect(hidden.post.draft).toBe(true);
    expect((await store.listRevisions("hello")).map((r) => r.action)).toEqual(["unpublish", "publish", "create"]);
  });

  it("renames to a new file and keeps the old URL through aliases", async () => {
    const created = await store.create(input(), alice);
    const renamed = await store.update("hello", input({ slug: "hello-world" }), created.versionToken, alice);
    expect(renamed.post.slug).toBe("hello-world");
    expect(await contentFiles()).toEqual(["2026-01-26-hello-world.md"]);
    expect(renamed.post.extra.aliases).toEqual(["/posts/hello"]);
    expect(await store.getStored("hello")).toBeNull();
    expect(await store.resolveRedirect("hello")).toBe("hello-world");
    expect(await store.resolveRedirect("hello-world")).toBeNull();
    expect(await store.resolveRedirect("unknown")).toBeNull();

    // A second rename keeps the first old URL too; renaming back drops the alias that now is the post itself.
    const again = await store.update("hello-world", { ...inputFromPost(renamed.post), slug: "hello-2" }, renamed.versionToken, alice);
    expect(await store.resolveRedirect("hello")).toBe("hello-2");
    expect(await store.resolveRedirect("hello-world")).toBe("hello-2");
    const back = await store.update("hello-2", { ...inputFromPost(again.post), slug: "hello" }, again.versionToken, alice);
    expect(back.post.extra.aliases).toEqual(["/posts/hello-world", "/posts/hello-2"]);
    expect(await store.resolveRedirect("hello")).toBeNull();
  });

  it("refuses to rename onto a taken slug and leaves both files alone", async () => {
    const first = await store.create(input(), alice);
    await store.create(input({ slug: "other", date: "2026-01-27T00:00:00.000Z" }), alice);
    await expect(store.update("hello", input({ slug: "other" }), first.versionToken, alice)).rejects.toBeInstanceOf(SlugTakenError);
    expect(await contentFiles()).toEqual(["2026-01-26-hello.md", "2026-01-27-other.md"]);
  });

  it("removes into the trash (listed with deletedAt, not live) and restores", async () => {
    const created = await store.create(input(), alice);
    await store.create(input({ slug: "kept", date: "2026-01-27T00:00:00.000Z" }), alice);
    const before = Date.now();
    await store.remove("hello", created.versionToken, bob);

    expect(await contentFiles()).toEqual([".trash", "2026-01-27-kept.md"]);
    const trashed = await store.getStored("hello");
    expect(trashed?.deletedAt).not.toBeNull();
    expect(Date.parse(trashed!.deletedAt!)).toBeGreaterThanOrEqual(before - 1000);
    expect((await store.listPosts({})).posts.map((p) => p.slug)).toEqual(["kept"]);
    expect((await store.listAdmin({ status: "deleted" })).rows.map((r) => r.slug)).toEqual(["hello"]);
    // A deleted post keeps its slug until it is restored or purged, as a database tombstone does.
    await expect(store.create(input(), alice)).rejects.toBeInstanceOf(SlugTakenError);
    await expect(store.remove("hello", created.versionToken, bob)).rejects.toBeInstanceOf(PostNotFoundError);

    const restored = await store.restore("hello", alice);
    expect(restored.deletedAt).toBeNull();
    expect(restored.post.origin).toEqual({ kind: "file", path: path.join(dir, "2026-01-26-hello.md") });
    expect(await store.getStored("hello")).toEqual(restored);
    expect(await contentFiles()).toEqual([".trash", "2026-01-26-hello.md", "2026-01-27-kept.md"]);
    expect((await store.listAdmin({ status: "deleted" })).rows).toEqual([]);
    // Restoring a live post changes nothing (as in the database store).
    expect((await store.restore("hello", alice)).deletedAt).toBeNull();
    await expect(store.restore("nobody", alice)).rejects.toBeInstanceOf(PostNotFoundError);
    expect((await store.listRevisions("hello")).map((r) => [r.action, r.editor])).toEqual([
      ["restore", "alice@example.com"],
      ["delete", "bob@example.com"],
      ["create", "alice@example.com"],
    ]);
  });

  it("does not edit a deleted post (as the database refuses to)", async () => {
    const created = await store.create(input(), alice);
    await store.remove("hello", created.versionToken, alice);
    const trashed = await store.getStored("hello");
    await expect(store.update("hello", input({ title: "复活" }), trashed!.versionToken, alice)).rejects.toBeInstanceOf(PostNotFoundError);
    await expect(store.setDraft("hello", true, trashed!.versionToken, alice)).rejects.toBeInstanceOf(PostNotFoundError);
    expect(await contentFiles()).toEqual([".trash"]);
  });

  it("records revisions with snapshots and restores one as a new version", async () => {
    const created = await store.create(input(), alice);
    const second = await store.update("hello", input({ title: "第二版", body: "第二版正文。\n" }), created.versionToken, bob);

    const revisions = await store.listRevisions("hello");
    expect(revisions.map((r) => [r.version, r.action, r.editor])).toEqual([
      [2, "update", "bob@example.com"],
      [1, "create", "alice@example.com"],
    ]);
    expect(revisions[0]).not.toHaveProperty("snapshot");
    const first = await store.getRevision(revisions[1].id);
    expect(first?.snapshot).toEqual(input());
    expect(await store.getRevision("file-missing")).toBeNull();
    expect(await store.listRevisions("nobody")).toEqual([]);

    await expect(store.restoreRevision("hello", revisions[1].id, created.versionToken, alice)).rejects.toBeInstanceOf(ConflictError);
    await expect(store.restoreRevision("hello", "file-missing", second.versionToken, alice)).rejects.toBeInstanceOf(PostNotFoundError);
    const reverted = await store.restoreRevision("hello", revisions[1].id, second.versionToken, alice);
    expect(inputFromPost(reverted.post)).toEqual(input());
    expect((await store.listRevisions("hello")).map((r) => [r.version, r.action])).toEqual([
      [3, "revert"],
      [2, "update"],
      [1, "create"],
    ]);
  });

  it("names an update that changes what readers see a publish or an unpublish, and restores with the state asked for", async () => {
    const created = await store.create(input({ draft: true }), alice);
    const published = await store.update("hello", input({ draft: false, body: "发布时也改了正文。\n" }), created.versionToken, alice);
    const edited = await store.update("hello", input({ draft: false, body: "只改正文。\n" }), published.versionToken, alice);
    const hidden = await store.update("hello", input({ draft: true }), edited.versionToken, alice);
    const revisions = await store.listRevisions("hello");
    expect(revisions.map((r) => r.action)).toEqual(["unpublish", "update", "publish", "create"]);

    const asDraft = await store.restoreRevision("hello", revisions[2].id, hidden.versionToken, alice, { draft: true });
    expect([asDraft.post.draft, asDraft.post.body]).toEqual([true, "发布时也改了正文。\n"]);
    const andPublish = await store.restoreRevision("hello", revisions[2].id, asDraft.versionToken, alice, { draft: false });
    expect(andPublish.post.draft).toBe(false);
    const own = await store.restoreRevision("hello", revisions[3].id, andPublish.versionToken, alice);
    expect(own.post.draft).toBe(true);
  });

  it("saves, renames and keeps the history of a post with the longest Chinese slug allowed", async () => {
    // 66 Chinese characters: 198 bytes as a file name, 594 percent-encoded (over the 255-byte limit of a name).
    const longest = "长".repeat(66);
    const created = await store.create(input({ slug: longest }), alice);
    expect(await contentFiles()).toEqual([`2026-01-26-${longest}.md`]);
    const updated = await store.update(longest, input({ slug: longest, title: "改" }), created.versionToken, alice);
    expect((await store.listRevisions(longest)).map((r) => r.action)).toEqual(["update", "create"]);
    const renamed = `${"短".repeat(65)}-2`;
    await store.update(longest, input({ slug: renamed }), updated.versionToken, alice);
    expect((await store.listRevisions(renamed)).map((r) => r.action)).toEqual(["update", "update", "create"]);
  });

  it("keeps a post's revisions across a rename", async () => {
    const created = await store.create(input(), alice);
    const renamed = await store.update("hello", input({ slug: "hello-world", title: "改名" }), created.versionToken, alice);
    const revisions = await store.listRevisions("hello-world");
    expect(revisions.map((r) => [r.version, r.action])).toEqual([
      [2, "update"],
      [1, "create"],
    ]);
    const reverted = await store.restoreRevision("hello-world", revisions[1].id, renamed.versionToken, alice);
    // The content comes back; the URL stays where it is now, as in the database store.
    expect(reverted.post.slug).toBe("hello-world");
    expect(reverted.post.title).toBe(input().title);
  });

  it("lists hand-written posts and skips files it cannot read", async () => {
    const folder = await ensureDir();
    await writeFile(path.join(folder, "2026-01-20-hand.md"), HAND_WRITTEN);
    await writeFile(path.join(folder, "broken.md"), "---\ntitle: [unclosed\n---\n");
    const report = await index.refresh();
    expect(report.problems.map((p) => p.file)).toEqual(["broken.md"]);
    expect((await store.listAdmin({})).rows.map((r) => r.slug)).toEqual(["hand"]);
  });
});

async function ensureDir(): Promise<string> {
  await mkdir(dir, { recursive: true });
  return dir;
}
