import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { testDatabases } from "@/lib/db/testing";
import { createDatabaseStore } from "./database";
import { createFileStore } from "./files";
import { inputFromPost } from "./post-input";
import { mergeAndSync } from "./sync";
import type { EditorRef, PostInput, PostStore } from "./types";

const alice: EditorRef = { id: "u1", email: "alice@example.com" };

function input(slug: string, overrides: Partial<PostInput> = {}): PostInput {
  return {
    slug,
    title: `云原生技术动态：${slug}`,
    date: "2026-01-26T00:00:00.000Z",
    author: "云原生观察",
    source: null,
    description: null,
    tags: ["Kubernetes"],
    categories: [],
    draft: false,
    format: "md",
    body: "最初的正文。\n",
    extra: { weight: 1 },
    ...overrides,
  };
}

/** Timestamps have millisecond resolution; a save "later" must be visibly later. */
function later(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 5));
}

describe.each(testDatabases())("syncing files saved during a database outage ($kind)", (database) => {
  let root: string;
  let files: PostStore;
  let db: PostStore;

  beforeAll(async () => {
    vi.spyOn(console, "info").mockImplementation(() => undefined);
    root = await mkdtemp(path.join(os.tmpdir(), "digest-sync-"));
    files = createFileStore({ dir: path.join(root, "content"), revisionsDir: path.join(root, "revisions") });
    db = createDatabaseStore(await database.open());
  });

  afterAll(async () => {
    await database.close();
    await rm(root, { recursive: true, force: true });
    vi.restoreAllMocks();
  });

  /** A `content/` post that also has a database row, edited in the database since (the usual state). */
  async function postInBoth(slug: string) {
    const file = await files.create(input(slug), alice);
    await later();
    const created = await db.create(inputFromPost(file.post), alice);
    return db.update(slug, input(slug, { body: "数据库里的正文。\n" }), created.versionToken, alice);
  }

  it("writes a save made to the file during the outage back to the database, with a revision", async () => {
    await postInBoth("outage");
    const before = await mergeAndSync(db, files);
    expect(before.find((m) => m.post.slug === "outage")).toMatchObject({ source: "database", post: { body: "数据库里的正文。\n" } });

    // Outage: the editor saves through the files store (the only one reachable).
    await later();
    const onFile = await files.get("outage");
    await files.update("outage", input("outage", { title: "停机期间的标题", body: "停机期间写的正文。\n" }), onFile!.versionToken, alice);

    // The database is back.
    const merged = await mergeAndSync(db, files);
    const entry = merged.find((m) => m.post.slug === "outage");
    expect(entry).toMatchObject({ source: "database", needsSync: false, post: { title: "停机期间的标题", body: "停机期间写的正文。\n" } });
    const row = await db.get("outage");
    expect(row?.post.body).toBe("停机期间写的正文。\n");
    expect(row?.post.title).toBe("停机期间的标题");
    expect(row?.versionToken).toBe("3");
    const revisions = await db.listRevisions("outage");
    expect(revisions[0]).toMatchObject({ action: "update", editor: "sync@digest", version: 3 });
    expect((await db.getRevision(revisions[0].id))?.snapshot.body).toBe("停机期间写的正文。\n");

    // Synced once: the next read finds nothing to do.
    await mergeAndSync(db, files);
    expect(await db.listRevisions("outage")).toHaveLength(3);
  });

  it("carries a deletion made during the outage over to the database", async () => {
    await postInBoth("trashed");
    await later();
    const onFile = await files.get("trashed");
    await files.remove("trashed", onFile!.versionToken, alice);

    const entry = (await mergeAndSync(db, files)).find((m) => m.post.slug === "trashed");
    expect(entry?.deletedAt).not.toBeNull();
    expect(entry?.source).toBe("database");
    expect((await db.get("trashed"))?.deletedAt).not.toBeNull();
    expect((await db.listRevisions("trashed"))[0]).toMatchObject({ action: "delete", editor: "sync@digest" });
  });

  it("brings back a post deleted in the database that was edited on file afterwards", async () => {
    const row = await postInBoth("revived");
    await db.remove("revived", row.versionToken, alice);
    await later();
    const onFile = await files.get("revived");
    await files.update("revived", input("revived", { body: "复活后的正文。\n" }), onFile!.versionToken, alice);

    const entry = (await mergeAndSync(db, files)).find((m) => m.post.slug === "revived");
    expect(entry).toMatchObject({ source: "database", deletedAt: null, post: { body: "复活后的正文。\n" } });
    expect((await db.get("revived"))?.deletedAt).toBeNull();
  });

  it("keeps the database version when the file is older, and serves file-only posts", async () => {
    await postInBoth("steady");
    await files.create(input("only-on-file"), alice);
    const merged = await mergeAndSync(db, files);
    expect(merged.find((m) => m.post.slug === "steady")).toMatchObject({ source: "database", post: { body: "数据库里的正文。\n" } });
    expect(merged.find((m) => m.post.slug === "only-on-file")).toMatchObject({ source: "file", needsSync: false });
    expect(await db.get("only-on-file")).toBeNull();
  });

  it("hands an outage edit of a post renamed in the database over to its new slug", async () => {
    const row = await postInBoth("before-rename");
    await db.update("before-rename", input("after-rename", { body: "数据库里的正文。\n" }), row.versionToken, alice);
    // During the outage only the old file is visible, under its old slug, and the editor saves it.
    await later();
    const onFile = await files.get("before-rename");
    await files.update("before-rename", input("before-rename", { body: "停机期间改的。\n" }), onFile!.versionToken, alice);

    const merged = await mergeAndSync(db, files);
    expect(merged.map((m) => m.post.slug)).not.toContain("before-rename");
    expect(merged.find((m) => m.post.slug === "after-rename")).toMatchObject({ source: "database", post: { body: "停机期间改的。\n" } });
    expect(await db.get("before-rename")).toBeNull();
    expect((await db.listRevisions("after-rename"))[0]).toMatchObject({ editor: "sync@digest" });
  });

  it("leaves a file that could not be synced winning, and syncs it on a later read", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    await postInBoth("flaky");
    await later();
    const onFile = await files.get("flaky");
    await files.update("flaky", input("flaky", { body: "停机期间的。\n" }), onFile!.versionToken, alice);

    const failingOnce: PostStore = { ...db, update: () => Promise.reject(new Error("database went away again")) };
    const first = (await mergeAndSync(failingOnce, files)).find((m) => m.post.slug === "flaky");
    expect(first).toMatchObject({ source: "file", needsSync: true, post: { body: "停机期间的。\n" } });
    expect((await db.get("flaky"))?.post.body).toBe("数据库里的正文。\n");

    const second = (await mergeAndSync(db, files)).find((m) => m.post.slug === "flaky");
    expect(second).toMatchObject({ source: "database", needsSync: false, post: { body: "停机期间的。\n" } });
  });

  it("hides the old file of a post renamed in the database", async () => {
    const row = await postInBoth("old-name");
    await db.update("old-name", input("new-name", { body: "数据库里的正文。\n" }), row.versionToken, alice);
    const slugs = (await mergeAndSync(db, files)).map((m) => m.post.slug);
    expect(slugs).toContain("new-name");
    expect(slugs).not.toContain("old-name");
  });
});
