import { describe, expect, it } from "vitest";
import { adminTranslator, catalogues } from "./catalogue";
import { localeFromAcceptLanguage, negotiateLocale } from "./locales";
import { createTranslator, type MessageTree } from "./translate";

describe("negotiateLocale", () => {
  it("prefers the editor's cookie, then the browser, then Chinese", () => {
    expect(negotiateLocale({ cookie: "en", acceptLanguage: "zh-CN" })).toBe("en");
    expect(negotiateLocale({ cookie: "zh-CN", acceptLanguage: "en-US" })).toBe("zh-CN");
    expect(negotiateLocale({ cookie: undefined, acceptLanguage: "en-US,en;q=0.9" })).toBe("en");
    expect(negotiateLocale({ cookie: null, acceptLanguage: null })).toBe("zh-CN");
    // A cookie naming no language we have is ignored, not trusted.
    expect(negotiateLocale({ cookie: "fr", acceptLanguage: "en" })).toBe("en");
    expect(negotiateLocale({ cookie: "<script>", acceptLanguage: "" })).toBe("zh-CN");
  });

  it("reads Accept-Language by weight, then order, and maps regional tags to ours", () => {
    expect(localeFromAcceptLanguage("fr-FR,en;q=0.5,zh-TW;q=0.8")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("de, en-GB;q=0.7, zh;q=0.7")).toBe("en");
    expect(localeFromAcceptLanguage("zh-Hant-TW")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("en;q=0, zh;q=0.1")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("fr, de")).toBeNull();
    expect(localeFromAcceptLanguage("*;q=abc, ;;;, en;q=nope")).toBeNull();
  });
});

describe("createTranslator", () => {
  const messages = {
    plain: "你好",
    nested: { greeting: "Hello, {name}!", count: { one: "{count} post", other: "{count} posts" } },
  } satisfies MessageTree;

  it("looks up dotted keys and fills parameters", () => {
    const t = createTranslator("en", messages);
    expect(t("plain")).toBe("你好");
    expect(t("nested.greeting", { name: "编辑" })).toBe("Hello, 编辑!");
    // An unknown parameter stays visible instead of vanishing.
    expect(t("nested.greeting")).toBe("Hello, {name}!");
  });

  it("chooses the plural form for the locale and formats the count", () => {
    expect(createTranslator("en", messages)("nested.count", { count: 1 })).toBe("1 post");
    expect(createTranslator("en", messages)("nested.count", { count: 1200 })).toBe("1,200 posts");
    expect(createTranslator("zh-CN", messages)("nested.count", { count: 1 })).toBe("1 posts");
  });

  it("answers whether a key exists, and shows a missing key instead of failing", () => {
    const t = createTranslator("en", messages);
    expect(t.has("nested.greeting")).toBe(true);
    expect(t.has("nested")).toBe(false);
    expect(t.has("nested.greeting.deeper")).toBe(false);
    expect((t as (key: string) => string)("missing.key")).toBe("missing.key");
    expect(t.locale).toBe("en");
  });
});

describe("catalogues", () => {
  function leaves(tree: object, prefix = ""): string[] {
    return Object.entries(tree).flatMap(([key, value]) =>
      typeof value === "string" || (typeof value === "object" && value !== null && "other" in value)
        ? [`${prefix}${key}`]
        : leaves(value as object, `${prefix}${key}.`),
    );
  }

  it("have the same keys in both languages and no empty message", () => {
    expect(leaves(catalogues.en).sort()).toEqual(leaves(catalogues["zh-CN"]).sort());
    for (const locale of ["zh-CN", "en"] as const) {
      const t = adminTranslator(locale);
      for (const key of leaves(catalogues[locale])) expect(t(key as never, { count: 2 }).trim(), key).not.toBe("");
    }
  });

  it("use the labels the design note gives", () => {
    const zh = adminTranslator("zh-CN");
    const en = adminTranslator("en");
    const labels = ["fields.title", "fields.slug", "fields.date", "fields.author", "fields.source", "fields.tags", "fields.categories", "fields.body", "fields.draft"] as const;
    expect(labels.map((key) => zh(key))).toEqual(["标题", "Slug", "日期", "作者", "来源", "标签", "分类", "正文", "草稿"]);
    expect(labels.map((key) => en(key))).toEqual(["Title", "Slug", "Date", "Author", "Source", "Tags", "Categories", "Body", "Draft"]);
    const buttons = ["editor.save", "editor.publish", "editor.unpublish", "editor.delete", "login.submit", "shell.signOut"] as const;
    expect(buttons.map((key) => zh(key))).toEqual(["保存", "发布", "取消发布", "删除", "登录", "退出"]);
    expect(buttons.map((key) => en(key))).toEqual(["Save", "Publish", "Unpublish", "Delete", "Sign in", "Sign out"]);
  });
});
