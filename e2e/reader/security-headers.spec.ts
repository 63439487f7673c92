import { expect, test } from "@playwright/test";
import { cspDirectives, watchCspViolations } from "../support/csp";

const pages = ["/", "/posts/kubernetes-ai-infrastructure-cncf", "/tags", "/search?q=%E4%BA%91%E5%8E%9F%E7%94%9F", "/?tag=kubernetes"];

for (const path of pages) {
  test(`${path} carries the security headers and runs its scripts without a policy violation`, async ({ page }) => {
    const violations = await watchCspViolations(page);
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    const headers = response!.headers();
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"]).toContain("camera=()");
    expect(headers["x-frame-options"]).toBe("DENY");
    // Served over plain http here: HSTS would be ignored, and is only sent for an https SITE_URL.
    expect(headers["strict-transport-security"]).toBeUndefined();
    const csp = cspDirectives(headers["content-security-policy"] ?? "");
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    // Reader pages stay cached, so their policy is static (no nonce that a cached copy would repeat).
    expect(csp.get("script-src")?.some((source) => source.startsWith("'nonce-"))).toBe(false);

    // The inline theme script ran (the class is set before paint) and React hydrated (the toggle's label is the live one).
    await expect(page.locator("html")).toHaveClass(/\b(light|dark)\b/);
    await expect(page.getByRole("button", { name: /^切换到(深|浅)色模式$/ })).toBeVisible();
    expect(await violations()).toEqual([]);
  });
}

test("feeds and the sitemap carry nosniff and the policy too", async ({ request }) => {
  for (const path of ["/feed.xml", "/atom.xml", "/sitemap.xml"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["x-content-type-options"], path).toBe("nosniff");
    expect(response.headers()["content-security-policy"], path).toContain("default-src 'self'");
  }
});
