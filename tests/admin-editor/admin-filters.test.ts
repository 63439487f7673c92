import { describe, expect, it } from "vitest";
import { adminFiltersFrom, adminListHref, effectiveOrder, hasActiveFilters } from "@/components/admin/admin-filters";

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

describe("the list's order and page from the URL", () => {
  it("reads sort, direction, author and page, and ignores what is malformed", () => {
    expect(adminFiltersFrom({ sort: "title", direction: "desc", author: "张三", page: "3" })).toEqual({
      sort: "title",
      direction: "desc",
      author: "张三",
      page: 3,
    });
    expect(adminFiltersFrom({ sort: "random", direction: "sideways", page: "-2" })).toEqual({});
    expect(adminFiltersFrom({ page: "1" })).toEqual({});
    expect(adminFiltersFrom({ page: "2.5" })).toEqual({});
  });

  it("sorts by date, newest first, unless told otherwise; titles default to A→Z", () => {
    expect(effectiveOrder({})).toEqual({ sort: "date", direction: "desc" });
    expect(effectiveOrder({ sort: "title" })).toEqual({ sort: "title", direction: "asc" });
    expect(effectiveOrder({ sort: "updated", direction: "asc" })).toEqual({ sort: "updated", direction: "asc" });
  });
});

describe("adminListHref", () => {
  it("gives one address per list: defaults left out", () => {
    expect(adminListHref({})).toBe("/admin");
    expect(adminListHref({ sort: "date", direction: "desc", page: 1, status: "all" })).toBe("/admin");
  });

  it("keeps the filters and order when paging", () => {
    const filters = { status: "draft" as const, tag: "云原生", sort: "title" as const };
    expect(adminListHref(filters, { page: 4 })).toBe("/admin?status=draft&tag=%E4%BA%91%E5%8E%9F%E7%94%9F&sort=title&page=4");
  });

  it("goes back to page 1 when the order or a filter changes", () => {
    const filters = { q: "网格", page: 7 };
    expect(adminListHref(filters, { sort: "updated" })).toBe(`/admin?q=${encodeURIComponent("网格")}&sort=updated`);
    expect(adminListHref(filters, { author: "李四" })).toBe(`/admin?author=${encodeURIComponent("李四")}&q=${encodeURIComponent("网格")}`);
    expect(adminListHref({ sort: "title", direction: "desc" }, { direction: "asc" })).toBe("/admin?sort=title");
  });
});
