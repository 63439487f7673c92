/**
 * A crash in the middle of a rename in the files store (issue 9 item 13): the file is moved first and rewritten
 * second, so whatever moment the process dies, the folder holds one post for it, never two.
 */
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { alice, openTestFileStore, samplePostInput } from "./testing";

const crash = vi.hoisted(() => ({ next: false }));
vi.mock("./atomic-write", async (importOriginal) => {
  const actual = await importOriginal<typeof import("./atomic-write")>();
  return {
    ...actual,
    writeFileAtomic: vi.fn(async (file: string, content: string) => {
      if (crash.next) {
        crash.next = false;
        throw Object.assign(new Error("EIO: simulated crash while writing"), { code: "EIO" });
      }
      return actual.writeFileAtomic(file, content);
    }),
  };
});

let root: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "digest-crash-"));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("files store renames", () => {
  it("leave one file and one post when the rewrite after the move fails", async () => {
    const { store, index, dir, close } = await openTestFileStore(root);
    try {
      const created = await store.create(samplePostInput({ slug: "old-name" }), alice);
      crash.next = true;
      await expect(store.update("old-name", samplePostInput({ slug: "new-name", title: "新名字" }), created.versionToken, alice)).rejects.toThrow(/could not write|EIO/i);
      expect((await readdir(dir)).filter((n) => n.endsWith(".md"))).toEqual(["2026-01-26-new-name.md"]);
      await index.refresh();
      const rows = (await store.listAdmin({})).rows;
      // The old text under the new name: one post, whose file still says its old slug.
      expect(rows).toHaveLength(1);
      expect(rows[0].title).toBe(samplePostInput().title);
    } finally {
      await close();
    }
  });
});
