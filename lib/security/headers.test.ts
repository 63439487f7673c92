import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { themeScript } from "@/lib/theme-script-source";
import { commonSecurityHeaders, contentSecurityPolicy, createNonce, THEME_SCRIPT_HASH } from "./headers";
import { cspDirectives } from "@/e2e/support/csp";

// The one policy parser, shared with the browser tests that read the header a real response carried.
const directives = cspDirectives;

describe("security headers", () => {
  it("the theme script's hash is the hash of its text", () => {
    expect(THEME_SCRIPT_HASH).toBe(`'sha256-${createHash("sha256").update(themeScript).digest("base64")}'`);
  });

  it("reader policy: static, inline allowed (Next's flight scripts), everything else locked down", () => {
    const csp = directives(contentSecurityPolicy());
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("script-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
  });

  it("admin policy: the nonce, strict-dynamic and the theme hash, no unsafe-inline or eval in production", () => {
    const nonce = createNonce();
    const script = directives(contentSecurityPolicy({ nonce })).get("script-src");
    expect(script).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", THEME_SCRIPT_HASH]);
    expect(createNonce()).not.toBe(nonce);
    expect(directives(contentSecurityPolicy({ nonce, development: true })).get("script-src")).toContain("'unsafe-eval'");
  });

  it("HSTS only over https", () => {
    const keys = (url: string | undefined) => commonSecurityHeaders(url).map((h) => h.key);
    expect(keys("https://digest.example")).toContain("Strict-Transport-Security");
    expect(keys("http://localhost:3000")).not.toContain("Strict-Transport-Security");
    expect(keys(undefined)).toEqual(["X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy", "X-Frame-Options"]);
  });
});
