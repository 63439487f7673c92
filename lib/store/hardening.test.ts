/**
 * Issue 9 items 7, 11, 12 and 13 at the store: redirects never lead to unpublished posts, writes are whole or not at
 * all, revision history is bounded, and the files store holds across processes and crashes.
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import lockfile from "proper-lockfile";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { testDatabases } from "@/lib/db/testing";
import { createDatabaseStore } from "./database";
import { KEEP_EDITS } from "./sql/rows-write";
import { searchDialect } from "./sql/search-dialect";
import { alice, bob, openTestFileStore, samplePostInput } from "./testing";
import type { PostStore } from "./types";

describe.each(testDatabases())("database store hardening on $kind", (database) => {
  let db: Db;
  let store: PostStore;

  beforeAll(async () => {
    db = await database.open();
    store = createDatabaseStore(db, { dialect: searchDialect(database.kind), mirror: null });
  });

  afterAll(async () => {
    await database.close();
  });

  it("a redirect to an unpublished or deleted post leads nowhere (no leaked draft slug)", async () => {
    const a = await store.create(samplePostInput({ slug: "leak-a" }), alice);
    const b = await store.update("leak-a", samplePostInput({ slug: "leak-b" }), a.versionToken, alice);
    expect(await store.resolveRedirect("leak-a")).toBe("leak-b");
    const hidden = await store.setDraft("leak-b", true, b.versionToken, alice);
    expect(await store.resolveRedirect("leak-a")).toBeNull();
    const shown = await store.setDraft("leak-b", false, hidden.versionToken, alice);
    expect(await store.resolveRedirect("leak-a")).toBe("leak-b");
    await store.remove("leak-b", shown.versionToken, alice);
    expect(await store.resolveRedirect("leak-a")).toBeNull();
  });

  it("a redirect to a post scheduled for later leads nowhere until it is published", async () => {
    const a = await store.create(samplePostInput({ slug: "soon-a" }), alice);
    await store.update("soon-a", samplePostInput({ slug: "soon-b", publishAt: "2099-01-01T00:00:00.000Z" }), a.versionToken, alice);
    expect(await store.resolveRedirect("soon-a")).toBeNull();
  });

  it("a write that fails half-way changes nothing: not the row, its terms, its revision nor its search entry", async () => {
    const created = await store.create(samplePostInput({ slug: "whole", tags: ["原子"] }), alice);
    // The database refuses one tag, after the row has been updated inside the transaction.
    if (database.kind === "sqlite") {
      await db.$executeRawUnsafe(`CREATE TRIGGER "refuse_boom" BEFORE INSERT ON "PostTag" WHEN NEW."key" = 'boom' BEGIN SELECT RAISE(ABORT, 'boom refused'); END`);
    } else {
      await db.$executeRawUnsafe(`CREATE FUNCTION refuse_boom() RETURNS trigger AS $$ BEGIN IF NEW."key" = 'boom' THEN RAISE EXCEPTION 'boom refused'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
      await db.$executeRawUnsafe(`CREATE TRIGGER "refuse_boom" BEFORE INSERT ON "PostTag" FOR EACH ROW EXECUTE FUNCTION refuse_boom()`);
    }
    await expect(store.update("whole", samplePostInput({ slug: "whole", title: "新标题", tags: ["新标签", "boom"] }), created.versionToken, alice)).rejects.toThrow(/boom|postTag\.createMany/);
    const after = await store.getStored("whole");
    expect(after?.versionToken).toBe(created.versionToken);
    expect(after?.post.tags).toEqual(["原子"]);
    expect((await store.listRevisions("whole")).map((r) => r.action)).toEqual(["create"]);
    expect((await store.search("新标签")).total).toBe(0);
  });

  it("folds an editing session into one revision and keeps history bounded", async () => {
    let current = await store.create(samplePostInput({ slug: "history", draft: true }), alice);
    // One editor saving again and again within minutes: one revision for the session.
    for (let i = 0; i < 5; i += 1) current = await store.update("history", samplePostInput({ slug: "history", draft: true, body: `第 ${i} 稿\n` }), current.versionToken, alice);
    expect((await store.listRevisions("history")).map((r) => [r.action, r.version])).toEqual([
      ["update", 6],
      ["create", 1],
    ]);
    expect((await store.getRevision((await store.listRevisions("history"))[0].id))?.snapshot.body).toBe("第 4 稿\n");

    // Two editors taking turns: every save is its own revision, but only the newest KEEP_EDITS plain edits of
    // unpublished versions stay; creation and publications stay for ever.
    current = await store.setDraft("history", false, current.versionToken, bob);
    current = await store.setDraft("history", true, current.versionToken, bob);
    for (let i = 0; i < KEEP_EDITS + 10; i += 1) {
      const editor = i % 2 === 0 ? alice : bob;
      current = await store.update("history", samplePostInput({ slug: "history", draft: true, body: `轮流 ${i}\n` }), current.versionToken, editor);
    }
    const revisions = await store.listRevisions("history");
    expect(revisions.filter((r) => r.action === "update")).toHaveLength(KEEP_EDITS);
    expect(revisions.filter((r) => r.action !== "update").map((r) => r.action)).toEqual(["unpublish", "publish", "create"]);
    expect((await store.getRevision(revisions[0].id))?.snapshot.body).toBe(`轮流 ${KEEP_EDITS + 9}\n`);
  }, 120_000);
});

describe("files store hardening", () => {
  let root: string;
  let store: PostStore;
  let close: () => Promise<void>;
  let dir: string;

  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "digest-files-hard-"));
    ({ store, dir, close } = await openTestFileStore(root));
  });

  afterEach(async () => {
    await close();
    await rm(root, { recursive: true, force: true });
  });

  it("waits for another process holding the folder's lock, then checks the version again", async () => {
    const created = await store.create(samplePostInput({ slug: "locked" }), alice);
    // Another process (a second instance, the CLI) holds the lock for a moment.
    const holder = spawn(
      process.execPath,
      [
        "-e",
        `const l = require("proper-lockfile"); l.lock(${JSON.stringify(dir)}, { realpath: false, lockfilePath: ${JSON.stringify(path.join(root, "data", "content.lock"))} }).then((release) => { process.stdout.write("held\\n"); setTimeout(() => release().then(() => process.exit(0)), 700); });`,
      ],
      { cwd: path.resolve(import.meta.dirname, "../..") },
    );
    const exited = new Promise((resolve) => holder.once("exit", resolve));
    await new Promise<void>((resolve) => holder.stdout.once("data", () => resolve()));
    expect(await lockfile.check(dir, { realpath: false, lockfilePath: path.join(root, "data", "content.lock") })).toBe(true);
    const started = Date.now();
    const saved = await store.update("locked", samplePostInput({ slug: "locked", title: "等锁之后" }), created.versionToken, alice);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(saved.post.title).toBe("等锁之后");
    await expect(store.update("locked", samplePostInput({ slug: "locked", title: "过期" }), created.versionToken, bob)).rejects.toThrow(/changed by someone else/);
    await exited;
  });
});
