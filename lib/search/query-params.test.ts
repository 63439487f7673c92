import { describe, expect, it } from "vitest";
import { parseSearchParams } from "@/lib/search/query-params";

describe("parseSearchParams", () => {
  it("reads q and page", () => {
    expect(parseSearchParams(new URLSearchParams("q=%20KV%20缓存%20&page=2"))).toEqual({ q: "KV 缓存", page: 2 });
  });

  it("degrades bad input to defaults instead of failing", () => {
    expect(parseSearchParams({ q: ["a", "b"], page: "abc" })).toEqual({ q: "a", page: 1 });
    expect(parseSearchParams({ page: "-3" })).toEqual({ q: "", page: 1 });
    expect(parseSearchParams({ q: "x".repeat(500) }).q).toHaveLength(200);
  });
});
