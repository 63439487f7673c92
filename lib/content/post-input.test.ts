import { describe, expect, it } from "vitest";
import { inputFromPost, postFromInput } from "./post-input";
import { samplePostInput } from "@/lib/store/testing";
import type { PostInput } from "./types";

const base: PostInput = samplePostInput({
  draft: true,
  format: "mdx",
  body: "# 云原生技术动态：第一期\n\n本期介绍 Kubernetes 的新版本。\n\n第二段。\n",
  extra: { toc: true, cover: { image: "/a.png" } },
});

describe("post input", () => {
  it("derives the description from the first paragraph when none is given, and reports it back as derived", () => {
    const post = postFromInput(base, { kind: "file", path: "/c/hello.mdx" }, "2026-02-01T00:00:00.000Z");
    expect(post).toMatchObject({
      description: "本期介绍 Kubernetes 的新版本。",
      origin: { kind: "file", path: "/c/hello.mdx" },
      updatedAt: "2026-02-01T00:00:00.000Z",
    });
    expect(post.readingMinutes).toBeGreaterThanOrEqual(1);
    expect(inputFromPost(post)).toEqual(base);
  });

  it("keeps an explicit description", () => {
    const input = { ...base, description: "手写的摘要" };
    const post = postFromInput(input, { kind: "database", id: "x", version: 1 }, null);
    expect(post.description).toBe("手写的摘要");
    expect(inputFromPost(post)).toEqual(input);
  });

  it("copies lists and extra so editing one object never changes the other", () => {
    const post = postFromInput(base, { kind: "file", path: "/c/hello.mdx" }, null);
    post.tags.push("changed");
    post.extra.toc = false;
    expect(base.tags).toEqual(["Kubernetes", "service mesh"]);
    expect(base.extra.toc).toBe(true);
    const input = inputFromPost(post);
    input.categories.push("changed");
    expect(post.categories).toEqual(["cloud-native"]);
  });
});
