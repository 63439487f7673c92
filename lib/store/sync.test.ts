/**
 * The write-through mirror and the sync back after an outage, on SQLite and PostgreSQL: by version, never by clock,
 * never losing what anyone typed.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { inputFromPost } from "@/lib/content/post-input";
import { closeLocalSqlite, type Db } from "@/lib/db/client";
import { testDatabases } from "@/lib/db/testing";
import { createDatabaseStore } from "./database";
import { createFileIndex, type FileIndex } from "./file-index";
import { createFileStore } from "./files";
import { createMirror } from "./mirror";
import { searchDialect, type SearchDialect } from "./sql/search-dialect";
import { syncFilesToDatabase } from "./sync";
import { alice, bob, samplePostInput } from "./testing";
import type { PostStore } from "./types";

describe.each(testDatabases())("mirror and sync on $kind", (database) => {
  let db: Db;
  let dialect: SearchDialect;
  let root: string;
  let dir: string;
  let index: FileIndex;
  /** The database, writing through to the files. */
  let store: PostStore;
  /** Another instance's view: the same database, its mirror somewhere else. */
  let elsewhere: PostStore;
  /** What serves while the database is away. */
  let fallback: PostStore;
  let n = 0;

  beforeAll(async () => {
    db = await database.open();
    dialect = searchDialect(database.kind);
  });

  afterAll(async () => {
    await database.close();
  });

  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "digest-sync-"));
    dir = path.join(root, "content");
    await mkdir(dir, { recursive: true });
    index = createFileIndex({ dir, file: path.join(root, "index.db"), log: () => undefined });
    store = createDatabaseStore(db, { dialect, mirror: createMirror(dir) });
    elsewhere = createDatabaseStore(db, { dialect, mirror: null });
    fallback = createFileStore({ index, db: await index.db(), lockDir: root });
    n += 1;
  });

  afterEach(async () => {
    await closeLocalSqlite(index.file);
    await rm(root, { recursive: true, force: true });
  });

  const sync = () => syncFilesToDatabase({ db, dialect, dir, mirror: createMirror(dir) });
  const slugOf = (label: string) => `${label}-${n}`;
  const fileOf = async (slug: string) => {
    const name = (await readdir(dir)).find((f) => f.endsWith(`-${slug}.md`));
    if (!name) throw new Error(`no file for ${slug}`);
    return path.join(dir, name);
  };
  const revisionActions = async (slug: string) => (await store.listRevisions(slug)).map((r) => r.action);

  it("writes every change through to the post's Markdown file, with the row's version", async () => {
    const slug = slugOf("mirror");
    const created = await store.create(samplePostInput({ slug }), alice);
    let raw = await readFile(await fileOf(slug), "utf8");
    expect(raw).toMatch(/^digest_version: 1$/m);
    const updated = await store.update(slug, samplePostInput({ slug, title: "第二版" }), created.versionToken, bob);
    raw = await readFile(await fileOf(slug), "utf8");
    expect(raw).toMatch(/^title: 第二版$/m);
    expect(raw).toMatch(/^digest_version: 2$/m);
    const hidden = await store.setDraft(slug, true, updated.versionToken, bob);
    expect(await readFile(await fileOf(slug), "utf8")).toMatch(/^draft: true$/m);
    await store.remove(slug, hidden.versionToken, bob);
    expect((await readdir(dir)).some((f) => f.endsWith(`-${slug}.md`))).toBe(false);
    expect((await readdir(path.join(dir, ".trash"))).some((f) => f.endsWith(`-${slug}.md`))).toBe(true);
  });

  it("row changed only: the file already mirrors it, nothing to sync", async () => {
    const slug = slugOf("row-only");
    const created = await store.create(samplePostInput({ slug }), alice);
    await store.update(slug, samplePostInput({ slug, title: "数据库里的修改" }), created.versionToken, alice);
    const report = await sync();
    expect(report.synced).not.toContain(slug);
    expect(report.conflicts).not.toContain(slug);
    expect(await revisionActions(slug)).toEqual(["update", "create"]);
  });

  it("file changed only (saved during an outage): written back as a new revision", async () => {
    const slug = slugOf("file-only");
    await store.create(samplePostInput({ slug }), alice);
    await index.refresh();
    const during = await fallback.getStored(slug);
    await fallback.update(slug, { ...inputFromPost(during!.post), body: "停机期间写的正文。\n" }, during!.versionToken, bob);

    const report = await sync();
    expect(report.synced).toEqual([slug]);
    const row = await store.getStored(slug);
    expect(row?.post.body).toBe("停机期间写的正文。\n");
    expect(row?.versionToken).toBe("2");
    expect(await revisionActions(slug)).toEqual(["sync", "create"]);
    // The file mirrors the new version again, and a second sync finds nothing to do.
    expect(await readFile(await fileOf(slug), "utf8")).toMatch(/^digest_version: 2$/m);
    const again = await sync();
    expect(again.synced).toEqual([]);
    expect(await revisionActions(slug)).toEqual(["sync", "create"]);
  });

  it("both changed: the row stays, the file's text is kept as a conflict the admin shows", async () => {
    const slug = slugOf("both");
    const created = await store.create(samplePostInput({ slug }), alice);
    await index.refresh();
    const during = await fallback.getStored(slug);
    await fallback.update(slug, { ...inputFromPost(during!.post), body: "停机期间的版本。\n" }, during!.versionToken, bob);
    // Meanwhile another instance, still reaching the database, saved too.
    await elsewhere.update(slug, samplePostInput({ slug, body: "数据库里的版本。\n" }), created.versionToken, alice);

    const report = await sync();
    expect(report.conflicts).toEqual([slug]);
    expect((await store.getStored(slug))?.post.body).toBe("数据库里的版本。\n");
    const revisions = await store.listRevisions(slug);
    expect(revisions.map((r) => r.action)).toEqual(["conflict", "update", "create"]);
    expect(revisions[0].resolvedAt).toBeNull();
    expect((await store.getRevision(revisions[0].id))?.snapshot.body).toBe("停机期间的版本。\n");
    const row = (await store.listAdmin({ q: "" })).rows.find((r) => r.slug === slug);
    expect(row?.conflicts).toBe(1);
    // The file mirrors the row again; the outage text lives on in the conflict revision.
    expect(await readFile(await fileOf(slug), "utf8")).toContain("数据库里的版本。");
    expect((await sync()).conflicts).toEqual([]);
    expect(await revisionActions(slug)).toEqual(["conflict", "update", "create"]);

    await store.resolveConflict(slug, revisions[0].id, alice);
    expect((await store.listAdmin({})).rows.find((r) => r.slug === slug)?.conflicts).toBe(0);
  });

  it("a file dated in the future changes nothing by itself, and never undoes an edit made in /admin", async () => {
    const slug = slugOf("future");
    const created = await store.create(samplePostInput({ slug }), alice);
    const file = await fileOf(slug);
    const raw = await readFile(file, "utf8");
    await writeFile(file, raw.replace(/^updated: .*$/m, "updated: 2099-01-01T00:00:00.000Z"));
    expect((await sync()).synced).toEqual([]);
    const edited = await store.update(slug, samplePostInput({ slug, title: "后台的修改" }), created.versionToken, bob);
    expect((await sync()).synced).toEqual([]);
    expect((await store.getStored(slug))?.post.title).toBe("后台的修改");
    expect((await store.getStored(slug))?.versionToken).toBe(edited.versionToken);
    expect(await revisionActions(slug)).toEqual(["update", "create"]);
  });

  it("a delete and an unpublish during an outage: readers of the files see them, and so does the database after", async () => {
    const gone = slugOf("outage-delete");
    const hidden = slugOf("outage-unpublish");
    await store.create(samplePostInput({ slug: gone }), alice);
    await store.create(samplePostInput({ slug: hidden }), alice);
    await index.refresh();
    expect(await fallback.getPublished(gone)).not.toBeNull();

    await fallback.remove(gone, (await fallback.getStored(gone))!.versionToken, bob);
    await fallback.setDraft(hidden, true, (await fallback.getStored(hidden))!.versionToken, bob);
    expect(await fallback.getPublished(gone)).toBeNull();
    expect(await fallback.getPublished(hidden)).toBeNull();
    expect((await fallback.listPosts({})).posts.map((p) => p.slug)).not.toContain(hidden);

    const report = await sync();
    expect(report.synced.sort()).toEqual([gone, hidden].sort());
    expect(await store.getPublished(gone)).toBeNull();
    expect((await store.getStored(gone))?.deletedAt).not.toBeNull();
    expect((await store.getStored(hidden))?.post.draft).toBe(true);
  });

  it("a deleted or unpublished row stays so for readers of the files (the mirror wrote it)", async () => {
    const slug = slugOf("mirrored-delete");
    const created = await store.create(samplePostInput({ slug }), alice);
    await store.remove(slug, created.versionToken, alice);
    await index.refresh();
    expect(await fallback.getPublished(slug)).toBeNull();
    expect((await fallback.listPosts({})).posts.map((p) => p.slug)).not.toContain(slug);
  });

  it("two syncs at once write one revision", async () => {
    const slug = slugOf("twice");
    await store.create(samplePostInput({ slug }), alice);
    await index.refresh();
    const during = await fallback.getStored(slug);
    await fallback.update(slug, { ...inputFromPost(during!.post), title: "停机时改的标题" }, during!.versionToken, bob);
    const reports = await Promise.all([sync(), sync()]);
    expect(reports.flatMap((r) => r.synced)).toEqual([slug]);
    expect(await revisionActions(slug)).toEqual(["sync", "create"]);
  });

  it("a new file becomes a post; a file that is only a stale copy of an older version is refreshed, not a conflict", async () => {
    const fresh = slugOf("new-file");
    await writeFile(path.join(dir, `2026-03-01-${fresh}.md`), `---\ntitle: 新文件\ndate: 2026-03-01\n---\n手写的新文章。\n`);
    const stale = slugOf("stale-copy");
    const created = await store.create(samplePostInput({ slug: stale }), alice);
    const oldText = await readFile(await fileOf(stale), "utf8");
    await store.update(stale, samplePostInput({ slug: stale, title: "新版本" }), created.versionToken, alice);
    await writeFile(await fileOf(stale), oldText);

    const report = await sync();
    expect(report.created).toContain(fresh);
    expect((await store.getPublished(fresh))?.title).toBe("新文件");
    expect(report.conflicts).not.toContain(stale);
    expect(report.refreshed).toContain(stale);
    expect(await readFile(await fileOf(stale), "utf8")).toMatch(/^title: 新版本$/m);
  });
});
