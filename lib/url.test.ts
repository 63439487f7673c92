import { describe, expect, it } from "vitest";
import { decodeOrKeep, decodePathSegment, isDecodablePath } from "./url";

describe("decoding path segments", () => {
  it("decodes well-formed escapes, Chinese included", () => {
    expect(decodePathSegment("%E4%BA%91%E5%8E%9F%E7%94%9F")).toBe("云原生");
    expect(decodePathSegment("plain-slug")).toBe("plain-slug");
  });

  it("answers null for malformed escapes instead of throwing", () => {
    for (const raw of ["%E0%A4%A", "%FF", "%", "a%2", "%C3%28"]) expect(decodePathSegment(raw), raw).toBeNull();
  });

  it("keeps text it cannot decode", () => {
    expect(decodeOrKeep("%FF")).toBe("%FF");
  });

  it("tells whether every segment of a path decodes", () => {
    expect(isDecodablePath("/posts/%E4%BA%91")).toBe(true);
    expect(isDecodablePath("/posts/plain")).toBe(true);
    for (const path of ["/posts/%E0%A4%A", "/tags/%FF", "/categories/%", "/tags/%FF/page/2", "/admin/posts/%/edit"]) {
      expect(isDecodablePath(path), path).toBe(false);
    }
  });
});
