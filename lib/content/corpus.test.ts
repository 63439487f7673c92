import { readdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { corpusFolders, resolveCorpus } from "@/tests/support/corpus";
import { loadPostDirectory } from "./load";

/** Real posts not written for Digest, read in place: ../shared/corpus beside the checkout, else the sample in the repo. */
const corpus = resolveCorpus();

describe.each(corpusFolders)("the %s corpus", (name) => {
  it("yields a post for every file", async () => {
    const dir = corpus.dirs[name];
    const files = (await readdir(dir)).filter((file) => /\.(md|mdx|markdown)$/.test(file));
    const { posts, problems } = await loadPostDirectory(dir, { warn: () => {} });
    for (const problem of problems) console.log(`${problem.file}:${problem.line ?? "?"}: ${problem.message}`);
    expect(problems).toEqual([]);
    expect(posts).toHaveLength(files.length);
    for (const post of posts) {
      expect(post.title).not.toBe("");
      expect(Number.isNaN(Date.parse(post.date))).toBe(false);
      expect(post.description).not.toMatch(/<!--|\{\{[<%]|!\[/);
    }
  });
});

describe("quirks of the k8s-zh-blog corpus", () => {
  it("handles the files the corpus README singles out", async () => {
    const { posts, warnings } = await loadPostDirectory(corpus.dirs["k8s-zh-blog"], { warn: () => {} });
    const byFile = new Map(posts.map((post) => [path.basename(post.origin.kind === "file" ? post.origin.path : ""), post]));
    expect(posts.filter((post) => post.draft)).toHaveLength(3);
    expect(byFile.get("2019-12-09-kubernetes-1.17-release-announcement.md")?.date).toBe("2019-12-09T21:00:00.000Z");
    expect(byFile.get("2026__cluster-api-v1-12-release__index.md")?.title).toBe("Cluster API v1.12：引入就地更新和链式升级");
    expect(byFile.get("2025__seven-kubernetes-pitfalls-and-how-to-avoid.md")?.body).not.toContain("\r");
    expect(byFile.get("2022__devicemanager-ga.md__index.md")?.slug).toBe("devicemanager-ga");
    expect(byFile.get("2026__2026-05-21-reconciling-unfixed-kubernetes-cves.md")?.date).toBe("2026-05-21T00:00:00.000Z");
    expect(warnings.map((warning) => path.basename(warning.file)).sort()).toEqual([
      "2026__2026-05-21-reconciling-unfixed-kubernetes-cves.md",
      "2026__declarative-validation.md",
    ]);
  });
});
