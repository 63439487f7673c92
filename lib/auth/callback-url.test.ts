import { describe, expect, it } from "vitest";
import { safeCallbackUrl, signInUrl } from "@/lib/auth/callback-url";

describe("safeCallbackUrl", () => {
  it.each([
    ["/admin/posts/new", "/admin/posts/new"],
    ["/admin/posts/2026-01-26-x/edit?tab=body#top", "/admin/posts/2026-01-26-x/edit?tab=body#top"],
    ["/tags/%E4%BA%91%E5%8E%9F%E7%94%9F", "/tags/%E4%BA%91%E5%8E%9F%E7%94%9F"],
    ["/admin/../posts/x", "/posts/x"],
  ])("keeps the same-site path %s", (input, expected) => {
    expect(safeCallbackUrl(input)).toBe(expected);
  });

  it.each([
    "https://evil.example/admin",
    "http://localhost:3000/admin",
    "//evil.example/admin",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "javascript:alert(1)",
    "admin/posts",
    "",
    "/admin/login",
    "/admin/login?callbackUrl=/admin",
  ])("replaces %j with the default", (input) => {
    expect(safeCallbackUrl(input)).toBe("/admin");
  });

  it("falls back for values that are not strings, and honours a given fallback", () => {
    expect(safeCallbackUrl(undefined)).toBe("/admin");
    expect(safeCallbackUrl(["/admin/posts"])).toBe("/admin");
    expect(safeCallbackUrl("https://evil.example", "/")).toBe("/");
  });
});

describe("signInUrl", () => {
  it("asks the sign-in page to come back to the path", () => {
    expect(signInUrl("/admin/posts/new?draft=1")).toBe("/admin/login?callbackUrl=%2Fadmin%2Fposts%2Fnew%3Fdraft%3D1");
    expect(signInUrl("https://evil.example")).toBe("/admin/login?callbackUrl=%2Fadmin");
  });
});
