import { mkdir, mkdtemp, open, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from "vitest";
import { writeFileAtomic } from "./atomic-write";
import { inputFromPost } from "@/lib/content/post-input";
import { openTestFileStore } from "./testing";
import { StoreUnavailableError, type EditorRef } from "./types";

// Failures are injected into the real file system calls, one call at a time; everything else runs for real.
vi.mock("node:fs/promises", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:fs/promises")>();
  return { ...actual, rename: vi.fn(actual.rename), open: vi.fn(actual.open) };
});

const actual = await vi.importActual<typeof import("node:fs/promises")>("node:fs/promises");
const editor: EditorRef = { id: "u1", email: "alice@example.com" };

const ORIGINAL = `---
title: 原来的标题
date: 2026-01-20
custom: kept
---
原来的正文。
`;

let root: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "digest-atomic-"));
});

afterEach(async () => {
  vi.mocked(rename).mockReset().mockImplementation(actual.rename);
  vi.mocked(open).mockReset().mockImplementation(actual.open);
  await rm(root, { recursive: true, force: true });
});

/** Opens the temp file for real but fails after writing part of the content, like a full disk. */
function failHalfwayThroughWriting(): void {
  vi.mocked(open).mockImplementationOnce(async (file, flags, mode) => {
    const handle = await actual.open(file, flags, mode);
    return Object.assign(handle, {
      writeFile: async (data: string) => {
        await handle.write(data.slice(0, 10));
        throw Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" });
      },
    });
  });
}

describe("writeFileAtomic", () => {
  it("writes a new file and replaces an existing one, leaving no temp file", async () => {
    const file = path.join(root, "sub", "a.md");
    await writeFileAtomic(file, "一");
    await writeFileAtomic(file, "二");
    expect(await readFile(file, "utf8")).toBe("二");
    expect(await readdir(path.dirname(file))).toEqual(["a.md"]);
  });

  it("keeps the old file intact and removes the temp file when the rename fails", async () => {
    const file = path.join(root, "a.md");
    await writeFile(file, ORIGINAL);
    vi.mocked(rename).mockRejectedValueOnce(Object.assign(new Error("EIO: i/o error, rename"), { code: "EIO" }));
    await expect(writeFileAtomic(file, "new content")).rejects.toThrow(/EIO/);
    expect(await readFile(file, "utf8")).toBe(ORIGINAL);
    expect(await readdir(root)).toEqual(["a.md"]);
  });

  it("keeps the old file intact and removes the temp file when writing stops halfway", async () => {
    const file = path.join(root, "a.md");
    await writeFile(file, ORIGINAL);
    failHalfwayThroughWriting();
    await expect(writeFileAtomic(file, "a much longer new content")).rejects.toThrow(/ENOSPC/);
    expect(await readFile(file, "utf8")).toBe(ORIGINAL);
    expect(await readdir(root)).toEqual(["a.md"]);
  });
});

describe("files store saves under failure", () => {
  async function setUp() {
    const dir = path.join(root, "content");
    await mkdir(dir);
    await writeFile(path.join(dir, "2026-01-20-post.md"), ORIGINAL);
    const opened = await openTestFileStore(root);
    onTestFinished(opened.close);
    const current = await opened.store.getStored("post");
    if (!current) throw new Error("fixture post not found");
    return { dir, store: opened.store, current };
  }

  it("reports a failed rename as StoreUnavailableError and changes nothing", async () => {
    const { dir, store, current } = await setUp();
    vi.mocked(rename).mockRejectedValueOnce(Object.assign(new Error("EIO: i/o error, rename"), { code: "EIO" }));
    const save = store.update("post", { ...inputFromPost(current.post), body: "新的正文。\n" }, current.versionToken, editor);
    await expect(save).rejects.toBeInstanceOf(StoreUnavailableError);

    expect(await readFile(path.join(dir, "2026-01-20-post.md"), "utf8")).toBe(ORIGINAL);
    expect(await readdir(dir)).toEqual(["2026-01-20-post.md"]);
    expect(await store.listRevisions("post")).toEqual([]);
    // The editor's token still matches, so the same save can simply be tried again.
    const retried = await store.update("post", { ...inputFromPost(current.post), body: "新的正文。\n" }, current.versionToken, editor);
    expect(retried.post.body).toBe("新的正文。\n");
    expect(retried.post.extra).toEqual({ custom: "kept" });
  });

  it("leaves the old file intact when writing stops halfway", async () => {
    const { dir, store, current } = await setUp();
    failHalfwayThroughWriting();
    const save = store.update("post", { ...inputFromPost(current.post), title: "新的标题" }, current.versionToken, editor);
    await expect(save).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(await readFile(path.join(dir, "2026-01-20-post.md"), "utf8")).toBe(ORIGINAL);
    expect(await readdir(dir)).toEqual(["2026-01-20-post.md"]);
    expect((await store.getStored("post"))?.versionToken).toBe(current.versionToken);
  });
});
