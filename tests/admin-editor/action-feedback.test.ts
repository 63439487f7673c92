import { describe, expect, it } from "vitest";
import { failureMessage, firstFieldErrors } from "@/components/admin/action-feedback";
import { adminTranslator } from "@/lib/i18n/catalogue";

const zh = adminTranslator("zh-CN");
const en = adminTranslator("en");

describe("failureMessage", () => {
  it("explains an expired session and promises the text is kept, in the editor's language", () => {
    expect(failureMessage({ ok: false, error: "unauthorized" }, zh)).toBe("登录已过期，请重新登录；你的文字保留在这个浏览器中。");
    expect(failureMessage({ ok: false, error: "unauthorized" }, en)).toMatch(/session has expired.*your text is kept/);
  });

  it("translates the codes it knows and passes other messages through", () => {
    expect(failureMessage({ ok: false, error: "forbidden" }, zh)).toBe("你的账号无权这样做。");
    expect(failureMessage({ ok: false, code: "slug-taken", error: 'The slug "a" is already used by another post.' }, zh)).toBe(
      "这个 Slug 已被另一篇文章使用。",
    );
    expect(failureMessage({ ok: false, code: "unavailable", error: "The store cannot be reached right now." }, en)).toBe(
      "The store cannot be reached right now. Nothing was saved.",
    );
    expect(failureMessage({ ok: false, code: "new-code", error: "A message only the server knows." }, zh)).toBe("A message only the server knows.");
  });
});

describe("firstFieldErrors", () => {
  it("keeps the first message per field, nested paths included, translating schema keys", () => {
    expect(
      firstFieldErrors(
        {
          ok: false,
          code: "invalid",
          error: "Check the highlighted fields.",
          fieldErrors: { title: ["titleRequired", "titleTooLong"], "tags.1": ["Too long"], "tags.2": ["Other"] },
        },
        zh,
      ),
    ).toEqual({ title: "标题不能为空。", tags: "Too long" });
    expect(firstFieldErrors({ ok: false, error: "x" }, en)).toEqual({});
  });

  it("puts a taken slug on the slug field in the editor's language", () => {
    expect(firstFieldErrors({ ok: false, code: "slug-taken", error: "…", fieldErrors: { slug: ["The slug…"] } }, en)).toEqual({
      slug: "That slug is already used by another post.",
    });
  });
});
