import { expect, test } from "@playwright/test";
import { bodyValue, clickButton, createPost, editUrl, fillBody, notice, postUrl, signIn, unique } from "./support";

test("an anonymous replay of a captured server-action request writes nothing", async ({ page, playwright, baseURL }) => {
  await signIn(page);
  const slug = await createPost(page, { title: `重放测试 ${unique("replay")}`, body: "原始正文 ORIGINAL" });
  await clickButton(page, "publish");
  await expect(page.getByTestId("editor-status")).toHaveText(notice.published);

  // Capture the Save action exactly as the browser sends it, and keep it from reaching the server.
  let captured: { url: string; headers: Record<string, string>; body: Buffer } | null = null;
  await page.route("**/*", async (route) => {
    const request = route.request();
    // The Save call (it carries the form's originalSlug); the live preview's calls pass through.
    if (request.method() === "POST" && request.headers()["next-action"] && !captured && (request.postData() ?? "").includes("originalSlug")) {
      captured = { url: request.url(), headers: request.headers(), body: request.postDataBuffer() ?? Buffer.from("") };
      await route.abort();
      return;
    }
    await route.continue();
  });
  await page.goto(editUrl(slug));
  await fillBody(page, "被篡改的正文 TAMPERED");
  await clickButton(page, "save");
  await expect.poll(() => captured !== null).toBe(true);
  await page.unroute("**/*");

  // Replay it with no session cookie at all.
  const anonymous = await playwright.request.newContext({ baseURL });
  const { cookie: _cookie, ...headers } = captured!.headers;
  const replay = await anonymous.post(captured!.url, { headers, data: captured!.body });
  expect(replay.status()).toBeLessThan(500);
  expect(await replay.text()).toContain("unauthorized");
  await anonymous.dispose();

  // Nothing changed, for readers or editors.
  const reader = await page.request.get(postUrl(slug));
  const html = await reader.text();
  expect(html).toContain("ORIGINAL");
  expect(html).not.toContain("TAMPERED");
  await page.goto(editUrl(slug));
  await expect(bodyValue(page)).toHaveValue(/ORIGINAL/);
});
