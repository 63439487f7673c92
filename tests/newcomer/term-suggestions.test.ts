import { describe, expect, it } from "vitest";
import { suggestTerms, type SuggestableTerm } from "@/components/search/term-suggestions";

const terms: SuggestableTerm[] = [
  { name: "kubernetes", label: "Kubernetes", count: 12 },
  { name: "service-mesh", label: "服务网格", count: 7 },
  { name: "ai", label: "人工智能", count: 5 },
  { name: "cloud-native", label: "云原生", count: 9 },
  { name: "istio", label: "Istio", count: 3 },
];

const names = (query: string) => suggestTerms(query, terms).terms.map((t) => t.name);

describe("suggestTerms", () => {
  it("offers tags whose name or display name is near the query", () => {
    expect(names("网格")).toEqual(["service-mesh"]);
    expect(names("云原生安全")).toEqual(["cloud-native"]);
    expect(names("人工")).toEqual(["ai"]);
    expect(names("mesh")).toEqual(["service-mesh"]);
    expect(suggestTerms("网格", terms).nearby).toBe(true);
  });

  it("forgives a small typo in a Latin word", () => {
    expect(names("kuberntes")).toEqual(["kubernetes"]);
  });

  it("falls back to the most used tags when nothing is near", () => {
    const result = suggestTerms("量子计算", terms, 3);
    expect(result.nearby).toBe(false);
    expect(result.terms.map((t) => t.name)).toEqual(["kubernetes", "cloud-native", "service-mesh"]);
  });
});
