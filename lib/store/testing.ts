import type { EditorRef, PostInput } from "./types";

/** Shared fixtures for the store tests: two editors and a Chinese post to vary per test. */
export const alice: EditorRef = { id: "u1", email: "alice@example.com" };
export const bob: EditorRef = { id: "u2", email: "bob@example.com" };

export function samplePostInput(overrides: Partial<PostInput> = {}): PostInput {
  return {
    slug: "hello",
    title: "云原生技术动态：第一期",
    date: "2026-01-26T00:00:00.000Z",
    author: "云原生观察",
    source: "https://example.com/a",
    description: null,
    tags: ["Kubernetes", "service mesh"],
    categories: ["cloud-native"],
    draft: false,
    format: "md",
    body: "本期介绍 Kubernetes 的新版本。\n\n第二段。\n",
    extra: { weight: 3 },
    ...overrides,
  };
}
