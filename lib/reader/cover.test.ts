import { describe, expect, it } from "vitest";
import { postCover } from "./cover";

describe("postCover", () => {
  it("takes the post's own cover first, then front matter cover, then image", () => {
    expect(postCover({ cover: "https://img.example/a.png", extra: { cover: "/b.png" } })).toBe("https://img.example/a.png");
    expect(postCover({ extra: { cover: "/covers/b.png", image: "/c.png" } })).toBe("/covers/b.png");
    expect(postCover({ extra: { image: " https://img.example/c.jpg " } })).toBe("https://img.example/c.jpg");
  });

  it("returns null when there is none or it is not a URL a page can show safely", () => {
    expect(postCover({ extra: {} })).toBeNull();
    expect(postCover({ cover: null })).toBeNull();
    for (const bad of ["javascript:alert(1)", "data:image/png;base64,AAAA", "images/local.png", "//evil.example/x.png", "https://", 42]) {
      expect(postCover({ extra: { cover: bad } }), String(bad)).toBeNull();
    }
  });
});
