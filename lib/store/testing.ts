import { mkdir } from "node:fs/promises";
import path from "node:path";
import { closeLocalSqlite } from "@/lib/db/client";
import { createFileIndex, type FileIndex } from "./file-index";
import { createFileStore } from "./files";
import { emptyPostFields } from "@/lib/content/fields";
import type { EditorRef, PostInput, PostStore } from "./types";

/** Shared fixtures for the store tests: two editors and a Chinese post to vary per test. */
export const alice: EditorRef = { id: "u1", email: "alice@example.com" };
export const bob: EditorRef = { id: "u2", email: "bob@example.com" };

export function samplePostInput(overrides: Partial<PostInput> = {}): PostInput {
  return {
    ...emptyPostFields(),
    slug: "hello",
    title: "云原生技术动态：第一期",
    date: "2026-01-26T00:00:00.000Z",
    author: "云原生观察",
    source: "https://example.com/a",
    tags: ["Kubernetes", "service mesh"],
    categories: ["cloud-native"],
    format: "md",
    body: "本期介绍 Kubernetes 的新版本。\n\n第二段。\n",
    extra: { weight: 3 },
    ...overrides,
  };
}

/**
 * A files store over `<root>/content`, its index in `<root>/data`, as files mode runs it. Call `refresh()` after
 * writing files by hand (what files mode does at start and when the folder changes).
 */
export async function openTestFileStore(root: string): Promise<{ store: PostStore; index: FileIndex; dir: string; close: () => Promise<void> }> {
  const dir = path.join(root, "content");
  const data = path.join(root, "data");
  await mkdir(dir, { recursive: true });
  await mkdir(data, { recursive: true });
  const index = createFileIndex({ dir, file: path.join(data, "content-index.db"), log: () => undefined });
  await index.refresh();
  const store = createFileStore({ index, db: await index.db(), lockDir: data });
  return { store, index, dir, close: () => closeLocalSqlite(index.file) };
}
