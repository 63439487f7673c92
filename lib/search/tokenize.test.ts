import { describe, expect, it } from "vitest";
import { cjkBigrams, normalizeText, tokenize } from "@/lib/search/tokenize";

describe("tokenize", () => {
  it("splits Chinese into overlapping bigrams so a word meets itself however it is segmented", () => {
    expect(tokenize("调度器")).toEqual(["调度", "度器"]);
    expect(tokenize("缓存")).toEqual(["缓存"]);
  });

  it("keeps a lone Chinese character as a unigram", () => {
    expect(tokenize("云")).toEqual(["云"]);
    expect(tokenize("云 原生")).toEqual(["云", "原生"]);
  });

  it("lowercases English words and drops punctuation", () => {
    expect(tokenize("Kubernetes, Service-Mesh & K8s!")).toEqual(["kubernetes", "service", "mesh", "k8s"]);
  });

  it("separates Latin words from Chinese written without spaces", () => {
    expect(tokenize("Kubernetes成为AI基础设施")).toEqual(["kubernetes", "成为", "ai", "基础", "础设", "设施"]);
    expect(tokenize("Kubernetes 调度器")).toEqual(["kubernetes", "调度", "度器"]);
    expect(tokenize("KV 缓存")).toEqual(["kv", "缓存"]);
  });

  it("folds full-width forms to their ASCII twins (NFKC)", () => {
    expect(tokenize("ＫＶ　缓存，Ｉｓｔｉｏ１２")).toEqual(["kv", "缓存", "istio12"]);
    expect(normalizeText("ＡＰＩ")).toBe("api");
  });

  it("treats Chinese punctuation as a boundary", () => {
    expect(tokenize("服务网格、可观测性。")).toEqual(["服务", "务网", "网格", "可观", "观测", "测性"]);
    expect(tokenize("「」《》——……")).toEqual([]);
  });

  it("keeps supplementary-plane Han characters whole", () => {
    expect(cjkBigrams("𠀀𠀁中")).toEqual(["𠀀𠀁", "𠀁中"]);
  });

  it("bigrams kana and Hangul too", () => {
    expect(tokenize("コンテナ")).toEqual(["コン", "ンテ", "テナ"]);
  });
});
