import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";

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
const { emptyPostFormValues } = await import("@/components/admin/post-form-values");

const terms = { tags: ["kubernetes"], categories: ["cloud-native"] };

/** label text → the control it points at, from the server-rendered HTML. */
function labelledControls(html: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const match of html.matchAll(/<label for="([^"]+)"[^>]*>([^<]+)<\/label>/g)) {
    const [, id, text] = match;
    const control = new RegExp(`<(input|textarea|select)[^>]*id="${id}"`).exec(html);
    if (control) result.set(text, control[1]);
  }
  return result;
}

function buttons(html: string): string[] {
  return [...html.matchAll(/<button[^>]*>([^<]*)<\/button>/g)].map((match) => match[1]);
}

describe("PostForm", () => {
  it("labels every field with the exact names editors (and Playwright) look for", () => {
    const html = renderToStaticMarkup(
      <PostForm
        initial={emptyPostFormValues("2026-02-01")}
        originalSlug={null}
        versionToken={null}
        status={null}
        source={null}
        terms={terms}
        notice={null}
      />,
    );
    expect(Object.fromEntries(labelledControls(html))).toEqual({
      Title: "input",
      Slug: "input",
      Date: "input",
      Author: "input",
      Source: "input",
      Description: "textarea",
      Tags: "input",
      Categories: "input",
      Format: "select",
      Draft: "input",
      Body: "textarea",
    });
    expect(buttons(html)).toEqual(["Save", "Publish", "Preview"]);
    // Until React hydrates, a click would submit natively; the server HTML keeps Save disabled and the form POST-only.
    expect(html).toMatch(/<button type="submit" disabled=""[^>]*>Save<\/button>/);
    expect(html).toMatch(/<form[^>]* method="post"/);
    expect(html).toContain('role="status"');
    expect(html).toContain('aria-live="polite"');
  });

  it("offers Unpublish and Delete for a published post, and says what the last navigation did", () => {
    const html = renderToStaticMarkup(
      <PostForm
        initial={{ ...emptyPostFormValues("2026-02-01"), title: "已发布", slug: "published-post", draft: false }}
        originalSlug="published-post"
        versionToken="3"
        status="published"
        source="database"
        terms={terms}
        notice="published"
      />,
    );
    expect(buttons(html)).toEqual(["Save", "Unpublish", "Preview", "Delete"]);
    expect(html).toMatch(/data-testid="editor-status"[^>]*>Published<\/p>/);
    expect(html).toContain('href="/admin/posts/published-post/revisions"');
    expect(html).toContain('href="/posts/published-post"');
  });
});
