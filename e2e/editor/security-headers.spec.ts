import { expect, test } from "@playwright/test";
import { cspDirectives, watchCspViolations } from "../support/csp";
import { bodyValue, field, fillBody, openPreview, signIn } from "./support";

test("the admin sends a fresh nonce policy per response, and the editor works under it", async ({ page }) => {
  const violations = await watchCspViolations(page);
  await signIn(page);

  const nonces: string[] = [];
  for (let load = 0; load < 2; load++) {
    const response = await page.goto("/admin/posts/new");
    expect(response?.status()).toBe(200);
    const headers = response!.headers();
    expect(headers["x-content-type-options"]).toBe("nosniff");
    const policies = (headers["content-security-policy"] ?? "").split("\n");
    // One policy only: two would both be enforced (the reader one would block the admin's nonce scripts).
    expect(policies).toHaveLength(1);
    const csp = cspDirectives(policies[0]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    const script = csp.get("script-src") ?? [];
    expect(script).toContain("'strict-dynamic'");
    expect(script).not.toContain("'unsafe-inline'");
    expect(script).not.toContain("'unsafe-eval'");
    const nonce = script.find((source) => source.startsWith("'nonce-"));
    expect(nonce).toBeDefined();
    nonces.push(nonce!);
    // Next put the nonce on its own scripts.
    expect(await page.locator(`script[nonce]`).count()).toBeGreaterThan(0);
  }
  expect(nonces[0]).not.toBe(nonces[1]);

  // Scripts run: CodeMirror replaced the textarea, the live preview renders, the hashed theme script set the class.
  await expect(page.locator("html")).toHaveClass(/\b(light|dark)\b/);
  await field(page, "title").fill("内容安全策略下的编辑器");
  await fillBody(page, "## 小标题\n\n**加粗**的正文");
  await expect(bodyValue(page)).toHaveValue("## 小标题\n\n**加粗**的正文");
  await openPreview(page);
  await expect(page.getByTestId("preview-content").getByRole("heading", { name: "小标题" })).toBeVisible();
  expect(await violations()).toEqual([]);
});
