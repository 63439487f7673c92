import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabases } from "@/lib/db/testing";
import type { Db, DbTransaction } from "@/lib/db/client";
import { createDatabaseStore } from "./database";
import { searchDialect } from "./sql/search-dialect";
import { ConflictError, PostNotFoundError, SlugTakenError, type PostInput, type PostStore } from "./types";
import { alice, bob, samplePostInput } from "./testing";

function input(overrides: Partial<PostInput> = {}): PostInput {
  return samplePostInput({
    tags: ["Kubernetes", "AI"],
    format: "mdx",
    body: "# 云原生技术动态：第一期\n\n本期介绍 Kubernetes 的新版本。\n\n第二段。",
    extra: { layout: "post", weight: 3 },
    ...overrides,
  });
}

/** The database as a rename sees it when another post takes the new slug just after the rename checked it is free. */
function lateToTheSlug(db: Db): Db {
  const isFreeSlugCheck = (args: { select?: object | null }) => args.select != null && Object.keys(args.select).join() === "id";
  const post = (tx: DbTransaction): DbTransaction["post"] =>
    new Proxy(tx.post, {
      get: (target, key) =>
        key === "findUnique" ? (args: Parameters<typeof target.findUnique>[0]) => (isFreeSlugCheck(args) ? Promise.resolve(null) : target.findUnique(args)) : Reflect.get(target, key),
    });
  const transaction = (tx: DbTransaction): DbTransaction => new Proxy(tx, { get: (target, key) => (key === "post" ? post(target) : Reflect.get(target, key)) });
  return new Proxy(db, {
    get: (target, key) =>
      key === "$transaction"
        ? (body: (tx: DbTransaction) => Promise<unknown>) => target.$transaction((tx) => body(transaction(tx)))
        : Reflect.get(target, key),
  });
}

describe.each(testDatabases())("database post store on $kind", (database) => {
  let db: Db;
  let store: PostStore;

  beforeAll(async () => {
    db = await database.open();
    store = createDatabaseStore(db, { dialect: searchDialect(database.kind), mirror: null });
  });

  afterAll(async () => {
    await database.close();
  });

  it("creates a post and reads it back as a Post", async () => {
    const created = await store.create(input(), alice);
    expect(created.versionToken).toBe("1");
    expect(created.deletedAt).toBeNull();
    const { post } = created;
    expect(post).toMatchObject({
      slug: "hello",
      title: "云原生技术动态：第一期",
      date: "2026-01-26T00:00:00.000Z",
      author: "云原生观察",
      tags: ["Kubernetes", "AI"],
      categories: ["cloud-native"],
      format: "mdx",
      extra: { layout: "post", weight: 3 },
      origin: { kind: "database", version: 1 },
    });
    // No explicit description: the first paragraph, not the heading that repeats the title.
    expect(post.description).toBe("本期介绍 Kubernetes 的新版本。");
    expect(post.readingMinutes).toBeGreaterThanOrEqual(1);
    expect(post.updatedAt).not.toBeNull();
    expect(await store.getStored("hello")).toEqual(created);
    expect(await store.getStored("missing")).toBeNull();
  });

  it("records who created a post as its owner, keeps it through later edits by others, or none when asked", async () => {
    const created = await store.create(input({ slug: "owned" }), alice);
    expect(created.ownerId).toBe(alice.id);
    const edited = await store.update("owned", input({ slug: "owned", title: "改过" }), created.versionToken, bob);
    expect(edited.ownerId).toBe(alice.id);
    expect((await store.create(input({ slug: "ownerless" }), bob, { ownerId: null })).ownerId).toBeNull();
  });

  it("refuses a second post with the same slug", async () => {
    await expect(store.create(input({ title: "again" }), alice)).rejects.toBeInstanceOf(SlugTakenError);
  });

  it("updates with the current version and refuses a stale one", async () => {
    await store.create(input({ slug: "update-me" }), alice);
    const updated = await store.update("update-me", input({ slug: "update-me", title: "New title" }), "1", bob);
    expect(updated.versionToken).toBe("2");
    expect(updated.post.title).toBe("New title");

    const stale = store.update("update-me", input({ slug: "update-me", title: "Lost" }), "1", alice);
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    const error = await stale.catch((caught: unknown) => caught);
    expect((error as ConflictError).current?.post.title).toBe("New title");
    expect((await store.getStored("update-me"))?.post.title).toBe("New title");
    await expect(store.update("nobody", input({ slug: "nobody" }), "1", alice)).rejects.toBeInstanceOf(PostNotFoundError);
  });

  it("lets exactly one of two concurrent saves from the same version win", async () => {
    await store.create(input({ slug: "race" }), alice);
    const results = await Promise.allSettled([
      store.update("race", input({ slug: "race", title: "Alice's" }), "1", alice),
      store.update("race", input({ slug: "race", title: "Bob's" }), "1", bob),
    ]);
    const won = results.filter((result) => result.status === "fulfilled");
    const lost = results.filter((result) => result.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    const stored = await store.getStored("race");
    expect(stored?.versionToken).toBe("2");
    expect(stored?.post.title).toBe((won[0] as PromiseFulfilledResult<{ post: { title: string } }>).value.post.title);
    expect((await store.listRevisions("race")).map((revision) => revision.version)).toEqual([2, 1]);
  });

  it("names the slug that was taken when another post takes it between the check and the rename", async () => {
    await store.create(input({ slug: "race-a" }), alice);
    await store.create(input({ slug: "race-b" }), alice);
    // The other rename commits after this one looked: its "is the new slug free?" check sees nothing, and the
    // unique index on slug refuses the update instead.
    const racing = createDatabaseStore(lateToTheSlug(db), { dialect: searchDialect(database.kind), mirror: null });
    const refused = await racing.update("race-a", input({ slug: "race-b" }), "1", alice).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SlugTakenError);
    expect(refused).toMatchObject({ slug: "race-b", message: 'The slug "race-b" is already used by another post.' });
    expect((await store.getStored("race-a"))?.versionToken).toBe("1");
  });

  it("renames with a permanent redirect, and keeps redirects pointing at the current slug", async () => {
    await store.create(input({ slug: "first" }), alice);
    await store.create(input({ slug: "occupied" }), alice);

    const second = await store.update("first", input({ slug: "second" }), "1", alice);
    expect(second.post.slug).toBe("second");
    expect(await store.getStored("first")).toBeNull();
    expect(await store.resolveRedirect("first")).toBe("second");

    await store.update("second", input({ slug: "third" }), "2", alice);
    expect(await store.resolveRedirect("first")).toBe("third");
    expect(await store.resolveRedirect("second")).toBe("third");
    expect(await db.slugRedirect.count({ where: { toSlug: "second" } })).toBe(0);

    await expect(store.update("third", input({ slug: "occupied" }), "3", alice)).rejects.toBeInstanceOf(SlugTakenError);
    expect((await store.getStored("third"))?.versionToken).toBe("3");

    // Back to the first slug: it is a live post again, so it no longer redirects.
    await store.update("third", input({ slug: "first" }), "3", alice);
    expect(await store.resolveRedirect("first")).toBeNull();
    expect(await store.resolveRedirect("third")).toBe("first");
    expect(await store.resolveRedirect("second")).toBe("first");
    expect(await store.resolveRedirect("never-existed")).toBeNull();
  });

  it("removes with a tombstone and restores", async () => {
    await store.create(input({ slug: "doomed" }), alice);
    await expect(store.remove("doomed", "7", alice)).rejects.toBeInstanceOf(ConflictError);
    await store.remove("doomed", "1", alice);

    const tombstone = await store.getStored("doomed");
    expect(tombstone?.deletedAt).not.toBeNull();
    expect(tombstone?.versionToken).toBe("2");
    expect((await store.listAdmin({ status: "deleted" })).rows.map((row) => row.slug)).toContain("doomed");
    expect(await store.getPublished("doomed")).toBeNull();
    await expect(store.update("doomed", input({ slug: "doomed" }), "2", alice)).rejects.toBeInstanceOf(PostNotFoundError);
    // The slug stays taken while the tombstone exists.
    await expect(store.create(input({ slug: "doomed" }), alice)).rejects.toBeInstanceOf(SlugTakenError);

    const restored = await store.restore("doomed", bob);
    expect(restored.deletedAt).toBeNull();
    expect(restored.versionToken).toBe("3");
    expect(restored.post.title).toBe(input().title);
    await expect(store.restore("nothing-here", bob)).rejects.toBeInstanceOf(PostNotFoundError);
  });

  it("publishes and unpublishes with revisions", async () => {
    await store.create(input({ slug: "drafty", draft: true }), alice);
    const published = await store.setDraft("drafty", false, "1", bob);
    expect(published.post.draft).toBe(false);
    const unpublished = await store.setDraft("drafty", true, "2", bob);
    expect(unpublished.post.draft).toBe(true);
    await expect(store.setDraft("drafty", false, "2", bob)).rejects.toBeInstanceOf(ConflictError);
    const actions = (await store.listRevisions("drafty")).map((revision) => revision.action);
    expect(actions).toEqual(["unpublish", "publish", "create"]);
  });

  it("records every write as a revision and restores one as a new version", async () => {
    await store.create(input({ slug: "history", body: "First body." }), alice);
    await store.update("history", input({ slug: "history", body: "Second body.", tags: ["Go"] }), "1", bob);

    const revisions = await store.listRevisions("history");
    expect(revisions.map((revision) => [revision.version, revision.action, revision.editor])).toEqual([
      [2, "update", bob.email],
      [1, "create", alice.email],
    ]);
    const first = await store.getRevision(revisions[1].id);
    expect(first?.snapshot).toEqual(input({ slug: "history", body: "First body." }));
    expect(await store.getRevision("no-such-revision")).toBeNull();

    await expect(store.restoreRevision("history", revisions[1].id, "1", alice)).rejects.toBeInstanceOf(ConflictError);
    const reverted = await store.restoreRevision("history", revisions[1].id, "2", alice);
    expect(reverted.versionToken).toBe("3");
    expect(reverted.post.body).toBe("First body.");
    expect(reverted.post.tags).toEqual(["Kubernetes", "AI"]);
    const latest = (await store.listRevisions("history"))[0];
    expect([latest.version, latest.action]).toEqual([3, "revert"]);

    await store.create(input({ slug: "other" }), alice);
    await expect(store.restoreRevision("other", revisions[1].id, "1", alice)).rejects.toBeInstanceOf(PostNotFoundError);
  });

  it("names an update that changes what readers see a publish or an unpublish, and restores with the state asked for", async () => {
    await store.create(input({ slug: "truth", draft: true, body: "草稿。" }), alice);
    await store.update("truth", input({ slug: "truth", draft: false, body: "发布时也改了正文。" }), "1", alice);
    await store.update("truth", input({ slug: "truth", draft: false, body: "只改正文。" }), "2", alice);
    await store.update("truth", input({ slug: "truth", draft: true, body: "改回草稿。" }), "3", alice);
    const revisions = await store.listRevisions("truth");
    expect(revisions.map((revision) => revision.action)).toEqual(["unpublish", "update", "publish", "create"]);

    // Version 2 was published; the post is a draft now. Restoring it as a draft keeps readers out.
    const published = revisions[2];
    const asDraft = await store.restoreRevision("truth", published.id, "4", alice, { draft: true });
    expect([asDraft.post.draft, asDraft.post.body]).toEqual([true, "发布时也改了正文。"]);
    const andPublish = await store.restoreRevision("truth", published.id, asDraft.versionToken, alice, { draft: false });
    expect(andPublish.post.draft).toBe(false);
    // Without a choice the revision's own state comes back (version 1 was a draft).
    const own = await store.restoreRevision("truth", revisions[3].id, andPublish.versionToken, alice);
    expect(own.post.draft).toBe(true);
    expect((await store.listRevisions("truth")).slice(0, 3).map((revision) => revision.action)).toEqual(["revert", "revert", "revert"]);
  });

  it("keeps tag and category rows in step so posts can be found by term without reading bodies", async () => {
    await store.create(input({ slug: "t1", tags: ["Kubernetes", "kubernetes", " Service Mesh "], categories: ["云原生"] }), alice);
    await store.create(input({ slug: "t2", tags: ["ｋｕｂｅｒｎｅｔｅｓ"], categories: ["Cloud-Native"] }), alice);
    await store.create(input({ slug: "t3", tags: ["eBPF"], categories: ["云原生"] }), alice);

    // Case- and width-insensitive, deduplicated per post, first spelling kept, in the editor's order.
    expect((await store.getStored("t1"))?.post.tags).toEqual(["Kubernetes", "Service Mesh"]);
    const byTag = await db.post.findMany({
      where: { slug: { in: ["t1", "t2", "t3"] }, tags: { some: { key: "kubernetes" } } },
      select: { slug: true },
      orderBy: { slug: "asc" },
    });
    expect(byTag.map((post) => post.slug)).toEqual(["t1", "t2"]);
    const byCategory = await db.postCategory.findMany({ where: { key: "云原生" }, select: { post: { select: { slug: true } } } });
    expect(byCategory.map((row) => row.post.slug).sort()).toEqual(["t1", "t3"]);

    await store.update("t1", input({ slug: "t1", tags: ["eBPF"], categories: [] }), "1", alice);
    expect(await db.postTag.count({ where: { post: { slug: "t1" } } })).toBe(1);
    expect(await db.postTag.count({ where: { key: "ebpf" } })).toBe(2);
    expect(await db.postCategory.count({ where: { post: { slug: "t1" } } })).toBe(0);
  });
});
