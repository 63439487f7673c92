import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { catalogues } from "@/lib/i18n/catalogue";
import type { Locale } from "@/lib/i18n/locales";

vi.mock("next/navigation", () => ({ useRouter: () => ({ replace: vi.fn(), refresh: vi.fn(), push: vi.fn() }) }));
vi.mock("@/app/admin/actions", () => ({
  savePost: vi.fn(),
  previewPost: vi.fn(),
  unpublishPost: vi.fn(),
  deletePost: vi.fn(),
  restorePost: vi.fn(),
  restoreRevision: vi.fn(),
}));

const { PostForm } = await import("@/components/admin/post-form");
const { AdminI18nProvider } = await import("@/components/admin/i18n");
const { emptyPostFormValues } = await import("@/components/admin/post-form-values");

const terms = { tags: ["kubernetes"], categories: ["cloud-native"] };

function render(node: ReactNode, locale: Locale = "zh-CN"): string {
  return renderToStaticMarkup(
    <AdminI18nProvider locale={locale} messages={catalogues[locale]}>
      {node}
    </AdminI18nProvider>,
  );
}

/** label text → the control it points at, from the server-rendered HTML (`for`, or `aria-labelledby` on the control). */
function labelledControls(html: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const match of html.matchAll(/<label (?:[^>]*?id="([^"]+)")?[^>]*?for="([^"]+)"[^>]*>([^<]+)<\/label>/g)) {
    const [, , id, text] = match;
    const control = new RegExp(`<(input|textarea|select)[^>]*id="${id}"`).exec(html);
    if (control) result.set(text, control[1]);
  }
  return result;
}

function buttons(html: string): string[] {
  return [...html.matchAll(/<button[^>]*>([^<]*)<\/button>/g)].map((match) => match[1]).filter((text) => text !== "");
}

const form = (props: Partial<Parameters<typeof PostForm>[0]> = {}) => (
  <PostForm
    initial={emptyPostFormValues("2026-02-01")}
    originalSlug={null}
    versionToken={null}
    status={null}
    source={null}
    terms={terms}
    notice={null}
    timeZone="Asia/Shanghai"
    {...props}
  />
);

describe("PostForm", () => {
  it("labels every field in Chinese with the names editors (and Playwright) look for", () => {
    const html = render(form());
    expect(Object.fromEntries(labelledControls(html))).toEqual({
      标题: "input",
      正文: "textarea",
      纯文本编辑: undefined,
      草稿: "input",
      日期: "input",
      发布时间: "input",
      Slug: "input",
      作者: "input",
      来源: "input",
      描述: "textarea",
      标签: "input",
      分类: "input",
      格式: "select",
      封面图片: "input",
      "SEO 标题": "input",
      "SEO 描述": "textarea",
    });
    // The side panel's two tabs and its fold button, then the action bar.
    expect(buttons(html)).toEqual(["插入图片", "预览", "文章设置", "收起", "保存", "发布", "预览"]);
    // Until React hydrates, a click would submit natively; the server HTML keeps Save disabled and the form POST-only.
    expect(html).toMatch(/<button type="submit" disabled=""[^>]*>保存<\/button>/);
    expect(html).toMatch(/<form[^>]* method="post"/);
    expect(html).toContain('role="status"');
    expect(html).toContain('aria-live="polite"');
  });

  it("puts the title and the body before every other field", () => {
    const html = render(form());
    const order = ["post-title", "post-body", "post-draft", "post-date", "post-slug", "post-tags"].map((id) => html.indexOf(`id="${id}"`));
    expect(order.every((position) => position >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it("speaks English when that is the editor's language", () => {
    const html = render(form(), "en");
    expect([...labelledControls(html).keys()]).toEqual(expect.arrayContaining(["Title", "Body", "Slug", "Date", "Author", "Source", "Tags", "Categories", "Draft"]));
    expect(buttons(html)).toEqual(["Insert image", "Preview", "Post settings", "Close", "Save", "Publish", "Preview"]);
  });

  it("offers Unpublish and Delete for a published post, and says what the last navigation did", () => {
    const html = render(
      form({
        initial: { ...emptyPostFormValues("2026-02-01"), title: "已发布", slug: "published-post", draft: false },
        originalSlug: "published-post",
        versionToken: "3",
        status: "published",
        source: "database",
        notice: "published",
      }),
    );
    expect(buttons(html)).toEqual(["插入图片", "预览", "文章设置", "收起", "保存", "取消发布", "预览", "删除"]);
    expect(html).toMatch(/data-testid="editor-status"[^>]*>已发布<\/p>/);
    expect(html).toContain('href="/admin/posts/published-post/revisions"');
    expect(html).toContain('href="/posts/published-post"');
  });

  it("says when a scheduled post goes live, in the site's time zone, and takes it back with Unpublish", () => {
    const html = render(
      form({
        initial: { ...emptyPostFormValues("2026-02-01"), title: "排期", slug: "scheduled-post", draft: false, publishAt: "2099-12-05T01:30:00.000Z" },
        originalSlug: "scheduled-post",
        versionToken: "3",
        status: "scheduled",
        source: "database",
      }),
    );
    expect(html).toMatch(/<input[^>]*type="datetime-local"[^>]*value="2099-12-05T09:30"/);
    expect(html).toMatch(/data-testid="schedule-outcome"[^>]*>将于 2099年12月5日 09:30 \(Asia\/Shanghai\) 发布：在此之前读者看不到/);
    expect(buttons(html)).toContain("取消发布");
    expect(buttons(html)).not.toContain("发布");
    // Nothing to view on the site before its time.
    expect(html).not.toContain('href="/posts/scheduled-post"');
  });

  it("says a post dated in the future is still published at once, and a draft not at all", () => {
    const future = render(form({ initial: { ...emptyPostFormValues("2099-01-01"), draft: false } }));
    expect(future).toMatch(/data-testid="schedule-outcome"[^>]*>发布后立即可见：日期在未来不会推迟发布/);
    const draft = render(form());
    expect(draft).toMatch(/data-testid="schedule-outcome"[^>]*>草稿：不会发布。<\/p>/);
  });
});
