import { describe, expect, it } from "vitest";
import { highlight, queryNeedles, snippet } from "@/lib/search/highlight";

const marked = (parts: { text: string; match: boolean }[]) => parts.map((p) => (p.match ? `[${p.text}]` : p.text)).join("");

describe("highlight", () => {
  it("marks Chinese phrases and English words, keeping the original characters; a found phrase is marked whole only", () => {
    expect(marked(highlight("Kubernetes 调度器与 KUBERNETES 的调度", queryNeedles("kubernetes 调度器")))).toBe(
      "[Kubernetes] [调度器]与 [KUBERNETES] 的调度",
    );
  });

  it("matches full-width text against a half-width query and shows the full-width original", () => {
    expect(marked(highlight("使用ＫＶ缓存", queryNeedles("kv 缓存")))).toBe("使用[ＫＶ缓存]");
    expect(marked(highlight("缓存的部分：缓和存储", queryNeedles("缓存储")))).toBe("[缓存]的部分：缓和[存储]");
  });

  it("matches whole words, and the last word as a prefix", () => {
    expect(marked(highlight("kubectl and kube and cube", queryNeedles("cube kube")))).toBe("[kubectl] and [kube] and [cube]");
    expect(marked(highlight("kubectl and kube and cube", queryNeedles("kube cube")))).toBe("kubectl and [kube] and [cube]");
  });

  it("returns the text as one unmarked part when nothing matches", () => {
    expect(highlight("<b>不是 HTML</b>", queryNeedles("istio"))).toEqual([{ text: "<b>不是 HTML</b>", match: false }]);
  });
});

describe("snippet", () => {
  const long = `${"前言部分没有关键词。".repeat(30)}这里讲 Istio 的服务网格。${"中间的填充内容。".repeat(30)}结尾再提服务网格一次。`;

  it("cuts a window around the densest cluster of matches, with ellipses", () => {
    const parts = snippet(long, queryNeedles("istio 服务网格"), 80);
    const text = marked(parts);
    expect(text.startsWith("…")).toBe(true);
    expect(text.endsWith("…")).toBe(true);
    expect(text).toContain("[Istio] 的[服务网格]");
    expect(parts.map((p) => p.text).join("").length).toBeLessThanOrEqual(82);
  });

  it("starts at the beginning when nothing matches", () => {
    expect(marked(snippet(long, queryNeedles("envoy"), 20))).toBe("前言部分没有关键词。前言部分没有关键词。…");
  });

  it("shows short text whole", () => {
    expect(marked(snippet("关于服务网格", queryNeedles("服务网格")))).toBe("关于[服务网格]");
  });
});
