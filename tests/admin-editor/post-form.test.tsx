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
});
