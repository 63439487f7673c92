import { describe, expect, it } from "vitest";
import { postCover } from "./cover";

describe("postCover", () => {
  it("shows http(s) URLs and site-absolute paths, trimmed", () => {
    expect(postCover({ cover: "https://img.example/a.png" })).toBe("https://img.example/a.png");
    expect(postCover({ cover: "/covers/b.png" })).toBe("/covers/b.png");
    expect(postCover({ cover: " https://img.example/c.jpg " })).toBe("https://img.example/c.jpg");
  });

  it("returns null when there is none or it is not a URL a page can show safely", () => {
    expect(postCover({})).toBeNull();
    expect(postCover({ cover: null })).toBeNull();
    for (const bad of ["javascript:alert(1)", "data:image/png;base64,AAAA", "images/local.png", "//evil.example/x.png", "https://"]) {
      expect(postCover({ cover: bad }), bad).toBeNull();
    }
  });
});
