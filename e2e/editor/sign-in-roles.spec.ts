import { expect, test, type Browser, type Page } from "@playwright/test";
import { e2eAdmin, e2eAuthor, e2eEditor, type E2EUser } from "../sites";
import { createPost, editorStatus, editUrl, fillSignIn, postUrl, SIGN_IN_TIMEOUT, signIn, someAddress, unique } from "./support";

/** Roles (lib/auth/permissions.ts): what an author, an editor and an admin can and cannot do in the admin. */

async function as(browser: Browser, user: E2EUser, next = "/admin"): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, next, user);
  return page;
}

const FORBIDDEN = /\/admin\/forbidden$/;

test("an author writes drafts but cannot publish them", async ({ browser }) => {
  const author = await as(browser, e2eAuthor);
  await expect(author.getByRole("navigation", { name: /Admin|管理/ }).getByRole("link", { name: /^(Users|用户)$/ })).toHaveCount(0);
  const slug = await createPost(author, { title: `作者草稿 ${unique("author")}`, body: "作者写的正文。" });

  await author.getByRole("button", { name: /^(Publish|发布)$/ }).click();
  await expect(editorStatus(author)).toHaveText(/Your account is not allowed to do that\.|无权/);
  // Still a draft: readers do not see it.
  expect((await author.request.get(postUrl(slug))).status()).toBe(404);

  // The author can keep editing their own draft.
  await author.getByLabel(/^(Body|正文)$/).fill("作者改过的正文。");
  await author.getByRole("button", { name: /^(Save|保存)$/ }).click();
  await expect(editorStatus(author)).toHaveText(/Saved|已保存/);
  await author.context().close();
});

test("an author cannot open another's post, nor its revisions, and does not see it listed", async ({ browser }) => {
  const editor = await as(browser, e2eEditor);
  const title = `编辑的稿子 ${unique("theirs")}`;
  const slug = await createPost(editor, { title, body: "编辑写的正文。" });

  const author = await as(browser, e2eAuthor);
  await author.goto(editUrl(slug));
  await expect(author).toHaveURL(FORBIDDEN);
  await expect(author.getByRole("main").getByRole("alert")).toContainText(/author/);
  await author.goto(`/admin/posts/${encodeURIComponent(slug)}/revisions`);
  await expect(author).toHaveURL(FORBIDDEN);
  await author.goto("/admin?status=all");
  await expect(author.getByRole("heading", { level: 1 })).toHaveText(/Posts|文章/);
  await expect(author.getByText(title)).toHaveCount(0);
  // The seed posts came from files: nobody's own, so not the author's either.
  await expect(author.getByText("云原生技术动态：Kubernetes新特性与LLM推理创新")).toHaveCount(0);

  // The editor still can.
  await editor.goto(editUrl(slug));
  await expect(editor.getByLabel(/^(Title|标题)$/)).toHaveValue(title);
  await editor.context().close();
  await author.context().close();
});

test("an editor cannot open /admin/users", async ({ browser }) => {
  const editor = await as(browser, e2eEditor);
  await expect(editor.getByRole("navigation", { name: /Admin|管理/ }).getByRole("link", { name: /^(Users|用户)$/ })).toHaveCount(0);
  await editor.goto("/admin/users");
  await expect(editor).toHaveURL(FORBIDDEN);
  await expect(editor.getByRole("main").getByRole("alert")).toContainText(/editor/);
  await editor.context().close();
});

test("an admin creates a user with a generated password, who can then sign in with it, and changes their role", async ({ browser }) => {
  test.setTimeout(60_000);
  const admin = await as(browser, e2eAdmin);
  await admin.getByRole("navigation", { name: /Admin|管理/ }).getByRole("link", { name: /^(Users|用户)$/ }).click();
  await expect(admin).toHaveURL(/\/admin\/users$/);

  const email = `${unique("new")}@digest.local`;
  const create = admin.getByRole("region", { name: /Create a user|新建用户|创建用户/ });
  await create.getByLabel(/^(Email|邮箱)$/).fill(email);
  await create.getByLabel(/^(Name|名字|姓名)$/).fill("新作者");
  await create.getByLabel(/^(Role|角色)$/).selectOption("author");
  await create.getByRole("button", { name: /Create user|创建用户|新建用户/ }).click();
  await expect(admin.getByTestId("handover-password")).toBeVisible({ timeout: SIGN_IN_TIMEOUT });
  const password = (await admin.getByTestId("handover-password").textContent())?.trim() ?? "";
  expect(password).toMatch(/^\S{4}-\S{4}-\S{4}-\S{4}$/);
  const row = admin.getByRole("row", { name: new RegExp(email.replace(/[.@]/g, "\\$&")) });
  await expect(row).toContainText("never");

  // The new user signs in.
  const newcomer = await (await browser.newContext()).newPage();
  await newcomer.setExtraHTTPHeaders({ "x-forwarded-for": someAddress() });
  await newcomer.goto("/admin/login");
  await fillSignIn(newcomer, email, password);
  await expect(newcomer).toHaveURL(/\/admin$/, { timeout: SIGN_IN_TIMEOUT });
  await newcomer.goto("/admin/account");
  await expect(newcomer.getByTestId("account-role")).toHaveText("author");

  // The admin sees the sign-in, and makes them an editor: it applies at their next request.
  await admin.reload();
  await expect(row).not.toContainText("never");
  await row.getByLabel(/Role of|角色/).selectOption("editor");
  await row.getByRole("button", { name: /Change role|修改角色/ }).click();
  await expect(row.getByRole("status")).toContainText("editor");
  await newcomer.reload();
  await expect(newcomer.getByTestId("account-role")).toHaveText("editor");

  await admin.context().close();
  await newcomer.context().close();
});
