import { describe, expect, it } from "vitest";
import { adminFiltersFrom, hasActiveFilters } from "@/components/admin/admin-filters";

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
