import { describe, expect, it } from "vitest";
import { adminFiltersFrom, hasActiveFilters } from "@/components/admin/admin-filters";
import { termSuggestions } from "@/components/admin/term-suggestions";

describe("adminFiltersFrom", () => {
  it("reads the filters, trimming text and dropping empty values", () => {
    expect(adminFiltersFrom({ status: "draft", tag: " 人工智能 ", category: "", q: ["kube", "x"] })).toEqual({
      status: "draft",
      tag: "人工智能",
      q: "kube",
    });
  });

  it("ignores an unknown status instead of failing", () => {
    expect(adminFiltersFrom({ status: "secret" })).toEqual({});
    expect(hasActiveFilters({})).toBe(false);
    expect(hasActiveFilters({ status: "all" })).toBe(false);
    expect(hasActiveFilters({ q: "k" })).toBe(true);
  });
});

describe("termSuggestions", () => {
  const known = ["kubernetes", "Kafka", "人工智能", "istio"];

  it("completes the last entry and skips terms already present", () => {
    expect(termSuggestions("", known)).toEqual(known);
    expect(termSuggestions("k", known)).toEqual(["kubernetes", "Kafka"]);
    expect(termSuggestions("kubernetes, ", known)).toEqual(["kubernetes, Kafka", "kubernetes, 人工智能", "kubernetes, istio"]);
    expect(termSuggestions("Kubernetes，人", known)).toEqual(["Kubernetes， 人工智能"]);
  });
});
