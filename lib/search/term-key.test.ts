import { describe, expect, it } from "vitest";
import { isCjkKey, keyLength, termKey } from "@/lib/search/term-key";

describe("termKey", () => {
  it("leaves words alone and spells CJK terms as fixed-width digits", () => {
    expect(termKey("kubernetes")).toBe("kubernetes");
    expect(isCjkKey(termKey("调度"))).toBe(true);
    expect(keyLength(termKey("调度"))).toBe(2);
    expect(keyLength(termKey("𠀀"))).toBe(1);
  });

  it("keeps a character's key a prefix of its bigrams, and distinct characters distinct", () => {
    expect(termKey("调度").startsWith(termKey("调"))).toBe(true);
    expect(termKey("调度")).not.toBe(termKey("度调"));
  });
});
