import { describe, expect, it } from "vitest";
import { relatedPosts } from "@/lib/search/related";
import { makePost } from "@/lib/content/testing";

describe("relatedPosts", () => {
  const self = makePost({ slug: "self", title: "Istio 服务网格实践", tags: ["Istio", "service-mesh"], body: "Istio 流量管理与 Envoy。" });
  const twoTags = makePost({ slug: "two-tags", title: "周报", tags: ["istio", "Service-Mesh"], date: "2025-01-01T00:00:00.000Z" });
  const oneTagSimilar = makePost({ slug: "one-tag-similar", title: "Istio 服务网格入门", tags: ["istio"], body: "Istio 流量管理。" });
  const oneTag = makePost({ slug: "one-tag", title: "无关的标题", tags: ["istio"], date: "2026-06-01T00:00:00.000Z" });
  const textOnly = makePost({ slug: "text-only", title: "服务网格与 Envoy 流量管理", tags: ["envoy"] });
  const unrelated = makePost({ slug: "unrelated", title: "数据库备份", tags: ["postgres"], body: "定期备份。" });
  const draft = makePost({ slug: "draft", title: "Istio 服务网格实践（草稿）", tags: ["istio", "service-mesh"], draft: true });
  const posts = [self, twoTags, oneTagSimilar, oneTag, textOnly, unrelated, draft];

  it("ranks by shared tags (case-insensitive), then text similarity; never itself, drafts or unrelated posts", () => {
    expect(relatedPosts(posts, self).map((p) => p.slug)).toEqual(["two-tags", "one-tag-similar", "one-tag", "text-only"]);
    expect(relatedPosts(posts, self, 10).map((p) => p.slug)).not.toContain("unrelated");
  });

  it("respects the limit", () => {
    expect(relatedPosts(posts, self, 2).map((p) => p.slug)).toEqual(["two-tags", "one-tag-similar"]);
    expect(relatedPosts(posts, self, 0)).toEqual([]);
  });
});
