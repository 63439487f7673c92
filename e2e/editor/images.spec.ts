import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { bodyValue, clickButton, createPost, editorStatus, notice, postUrl, signIn, unique } from "./support";

/** A pasted image, as the browser hands it over from the clipboard (a screenshot has no file name of its own). */
async function pasteImage(page: Page, bytes: Buffer, name: string, type: string): Promise<void> {
  await expect(page.getByTestId("body-editor")).toBeVisible();
  await page.getByTestId("body-editor").click();
  await page.evaluate(
    ({ base64, name, type }) => {
      const data = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], name, { type }));
      const target = document.querySelector('[data-testid="body-editor"]');
      if (!target) throw new Error("no body editor");
      target.dispatchEvent(new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }));
    },
    { base64: bytes.toString("base64"), name, type },
  );
}

const mediaLink = /!\[([^\]]*)\]\((\/media\/[0-9a-f]{32}\.png)\)/;

test("an image pasted into the body is uploaded, resized, inserted as Markdown and shows on the public page", async ({ page, request }) => {
  await signIn(page);
  const title = `图片粘贴 ${unique("img")}`;
  const slug = await createPost(page, { title, body: "图片之前的段落。\n" });

  const wide = await sharp({ create: { width: 2400, height: 1200, channels: 3, background: "#2b6cb0" } }).png().toBuffer();
  await pasteImage(page, wide, "集群架构.png", "image/png");
  await expect(bodyValue(page)).toHaveValue(mediaLink);
  const [, alt, url] = mediaLink.exec(await bodyValue(page).inputValue()) ?? [];
  expect(alt).toBe("集群架构");

  // Served with immutable caching, resized to the column's width.
  const image = await request.get(url);
  expect(image.status()).toBe(200);
  expect(image.headers()["content-type"]).toBe("image/png");
  expect(image.headers()["cache-control"]).toContain("immutable");
  expect((await sharp(await image.body()).metadata()).width).toBe(1600);

  await clickButton(page, "publish");
  await expect(editorStatus(page)).toHaveText(notice.published);
  await page.goto(postUrl(slug));
  const shown = page.getByRole("img", { name: "集群架构" });
  await shown.scrollIntoViewIfNeeded();
  await expect(shown).toBeVisible();
  await expect.poll(() => shown.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth)).toBe(1600);

  // The media list shows it and where it is used.
  await page.goto("/admin/media");
  const row = page.locator(`tr[data-media="${url.slice("/media/".length)}"]`);
  await expect(row).toContainText("集群架构.png");
  await expect(row.getByRole("link", { name: title })).toBeVisible();
});

test("an SVG or a file that is not an image is refused with the reason, and the body is left as it was", async ({ page }) => {
  await signIn(page);
  await createPost(page, { title: `图片拒绝 ${unique("img")}`, body: "原文。\n" });
  const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
  await page.getByLabel(/^(选择要插入的图片|Choose images to insert)$/).setInputFiles({ name: "logo.svg", mimeType: "image/svg+xml", buffer: svg });
  await expect(page.getByRole("alert").filter({ hasText: /logo\.svg/ })).toContainText(/SVG/);
  await expect(page.getByRole("alert").filter({ hasText: /logo\.svg/ })).toContainText(/不接受 SVG|SVG images are not accepted/);
  await pasteImage(page, Buffer.from("这不是图片"), "fake.png", "image/png");
  await expect(page.getByRole("alert").filter({ hasText: /fake\.png/ })).toBeVisible();
  await expect(bodyValue(page)).toHaveValue("原文。\n");
});
