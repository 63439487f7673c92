import { describe, expect, it } from "vitest";
import { siteBaseUrl } from "./site";

describe("siteBaseUrl", () => {
  it("uses SITE_URL when it is set, in any mode, without a trailing slash", () => {
    expect(siteBaseUrl({ NODE_ENV: "production", SITE_URL: "https://digest.example/" })).toBe("https://digest.example");
    expect(siteBaseUrl({ NODE_ENV: "development", SITE_URL: "https://digest.example", PORT: "3100" })).toBe("https://digest.example");
  });

  it("follows the port the development server listens on when SITE_URL is unset", () => {
    expect(siteBaseUrl({ NODE_ENV: "development", PORT: "3100" })).toBe("http://localhost:3100");
    expect(siteBaseUrl({ NODE_ENV: "development", PORT: "3100", __NEXT_PRIVATE_ORIGIN: "http://127.0.0.1:3100" })).toBe(
      "http://127.0.0.1:3100",
    );
  });

  it("never guesses from the port in production", () => {
    expect(siteBaseUrl({ NODE_ENV: "production", PORT: "3100" })).toBe("http://localhost:3000");
  });

  it("ignores a malformed port or origin", () => {
    expect(siteBaseUrl({ NODE_ENV: "development", PORT: "abc", __NEXT_PRIVATE_ORIGIN: "::" })).toBe("http://localhost:3000");
  });
});
