import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { e2eSites } from "../sites";
import { addOutageSession } from "../support/session";

// This site's DATABASE_URL points at a port where nothing listens.
const contentDir = e2eSites.find((s) => s.name === "outage")!.env.CONTENT_DIR;
const slug = "kubernetes-llm-inference-kthena";

test("readers are served from the Markdown files while the database is unreachable", async ({ page }) => {
  const home = await page.goto("/");
  expect(home?.status()).toBe(200);
  await expect(page.getByTestId("post-entry")).toHaveCount(2);
  const post = await page.goto(`/posts/${slug}`);
  expect(post?.status()).toBe(200);
  await expect(page.getByTestId("post")).toContainText("Kthena");
  // Readers are not told about the outage.
  await expect(page.getByText(/database/i)).toHaveCount(0);
});

test("an editor's save lands in the Markdown file, and the admin says where writes go", async ({ page, context, baseURL }) => {
  // A session this server checked while the database answered: its local mirror vouches for it now.
  await addOutageSession(context, baseURL!);
  await page.goto(`/admin/posts/${slug}/edit`);
  await expect(page.getByText(/数据库无法连接|cannot be reached/)).toBeVisible();
  const marker = `停机期间的修改 ${Date.now()}`;
  const body = page.getByLabel(/^(正文|Body)$/);
  const saved = page.getByTestId("body-value");
  await expect(page.getByTestId("body-editor")).toBeVisible();
  await body.fill(`${await saved.inputValue()}\n\n${marker}\n`);
  await page.getByRole("button", { name: /^(保存|Save)$/ }).click();
  await expect(page.getByTestId("editor-status")).toHaveText(/^(已保存|Saved)$/);
  // The typed text stays in the form.
  await expect(saved).toHaveValue(new RegExp(marker));

  const files = await readdir(contentDir);
  const file = files.find((f) => f.endsWith(`-${slug}.md`));
  expect(file).toBeTruthy();
  const raw = await readFile(path.join(contentDir, file!), "utf8");
  expect(raw).toContain(marker);
  // Front matter survives the rewrite, with the time of the change for the merge when the database is back.
  expect(raw).toMatch(/^---\ntitle: /);
  expect(raw).toMatch(/\nsource: '?https:\/\/kubernetes\.io\/blog\/2026\/01\/02\/kubernetes-v1-35-restart-all-containers\/'?\n/);
  expect(raw).toMatch(/\ntags:\n {2}- kubernetes\n {2}- llm\n/);
  expect(raw).toMatch(/\nupdated: /);
  expect(files.filter((f) => f.endsWith(".tmp"))).toEqual([]);

  // Readers see it without a rebuild.
  await page.goto(`/posts/${slug}`);
  await expect(page.getByTestId("post")).toContainText(marker);
});

test("a session the local mirror does not know is refused while the database is down: no save, no admin", async ({ page, context, baseURL, playwright }) => {
  // Validly signed with the server's secret, but never seen by this server while the database answered.
  await addOutageSession(context, baseURL!, { mirrored: false });
  await page.goto(`/admin/posts/${slug}/edit`);
  await expect(page).toHaveURL(/\/admin\/login/);

  // And an action posted with that cookie is refused before it reads anything.
  const cookies = await context.cookies();
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: cookies.map((c) => `${c.name}=${c.value}`).join("; ") } });
  const session = await api.get("/api/auth/session");
  expect(await session.json()).toMatchObject({ editor: null });
  await api.dispose();
});

test("a user the mirror last saw disabled is refused while the database is down", async ({ page, context, baseURL }) => {
  await addOutageSession(context, baseURL!, {
    disabled: true,
    user: { id: "outage-disabled", email: "outage-disabled@digest.local", name: "gone", role: "editor" },
  });
  await page.goto(`/admin/posts/${slug}/edit`);
  await expect(page).toHaveURL(/\/admin\/login/);
});
