import { describe, expect, it } from "vitest";
import { MAX_SLUG_BYTES } from "@/lib/content/slug";
import { catalogues } from "@/lib/i18n/catalogue";
import { MAX_BODY_CHARS, postFormSchema, previewDate, previewSchema, previewTerms } from "./post-schema";

const valid = {
  title: "云原生技术动态：第一期",
  slug: "first",
  date: "2026-01-26",
  body: "正文。",
};

function parse(overrides: Record<string, unknown>) {
  return postFormSchema.safeParse({ ...valid, ...overrides });
}

/** The messages per field, as the editor form shows them. */
function fieldErrors(overrides: Record<string, unknown>): Record<string, string[]> {
  const result = parse(overrides);
  if (result.success) throw new Error("expected the form to be refused");
  const errors: Record<string, string[]> = {};
  for (const issue of result.error.issues) (errors[issue.path.join(".")] ??= []).push(issue.message);
  return errors;
}

function parsed(overrides: Record<string, unknown>) {
  const result = parse(overrides);
  if (!result.success) throw new Error(`expected the form to pass: ${JSON.stringify(result.error.issues)}`);
  return result.data;
}

describe("postFormSchema", () => {
  it("accepts a minimal form with defaults", () => {
    expect(parsed({})).toEqual({
      originalSlug: "",
      versionToken: "",
      title: "云原生技术动态：第一期",
      slug: "first",
      date: "2026-01-26T00:00:00.000Z",
      author: null,
      source: null,
      description: null,
      tags: [],
      categories: [],
      format: "md",
      draft: false,
      publishAt: null,
      body: "正文。",
      cover: null,
      seoTitle: null,
      seoDescription: null,
      intent: "save",
    });
  });

  it("reports a slug that cannot be made valid on the slug field", () => {
    for (const slug of ["///", "..", " - ", "!!!"]) {
      const errors = fieldErrors({ slug });
      expect(Object.keys(errors)).toEqual(["slug"]);
      expect(errors.slug).toEqual(["slugInvalid"]);
    }
  });

  it("repairs a slug that can be made valid, and derives one from the title when empty", () => {
    expect(parsed({ slug: "  Hello World/Again " }).slug).toBe("hello-world-again");
    expect(parsed({ slug: "", title: "Kubernetes 1.33 发布了！" }).slug).toBe("kubernetes-1-33-fa-bu-le");
    expect(parsed({ slug: "   ", title: "！！！" }).slug).toBe("post");
    // A Chinese slug typed by the editor stays Chinese.
    expect(parsed({ slug: "云原生周报" }).slug).toBe("云原生周报");
  });

  it("refuses a slug over the byte limit with a message that names the limit", () => {
    expect(parsed({ slug: "长".repeat(66) }).slug).toBe("长".repeat(66));
    expect(fieldErrors({ slug: "长".repeat(100) })).toEqual({ slug: ["slugTooLong"] });
    expect(fieldErrors({ slug: "x".repeat(201) })).toEqual({ slug: ["slugTooLong"] });
    // The message the editor reads names the limit the schema applies.
    for (const locale of ["zh-CN", "en"] as const) expect(catalogues[locale].fieldErrors.slugTooLong).toContain(`${MAX_SLUG_BYTES} `);
    // A long Chinese title never gives a slug over the limit.
    expect(parsed({ slug: "", title: "很长的中文标题".repeat(40) }).slug).toMatch(/^[a-z-]{1,80}$/);
  });

  it("refuses an oversized body with a clear message", () => {
    expect(parsed({ body: "字".repeat(MAX_BODY_CHARS) }).body).toHaveLength(MAX_BODY_CHARS);
    expect(fieldErrors({ body: "字".repeat(MAX_BODY_CHARS + 1) })).toEqual({ body: ["bodyTooLong"] });
    expect(previewSchema.safeParse({ body: "x".repeat(MAX_BODY_CHARS + 1) }).success).toBe(false);
  });

  it("requires a title", () => {
    expect(fieldErrors({ title: "" })).toEqual({ title: ["titleRequired"] });
    expect(fieldErrors({ title: "   " })).toEqual({ title: ["titleRequired"] });
    expect(fieldErrors({ title: undefined })).toEqual({ title: ["titleRequired"] });
    expect(fieldErrors({ title: "长".repeat(301) })).toEqual({ title: ["titleTooLong"] });
    expect(parsed({ title: "  标题  " }).title).toBe("标题");
  });

  it("reads a day as UTC midnight and datetime-local as China time", () => {
    expect(parsed({ date: "2026-01-26" }).date).toBe("2026-01-26T00:00:00.000Z");
    expect(parsed({ date: " 2026-01-26 " }).date).toBe("2026-01-26T00:00:00.000Z");
    expect(parsed({ date: "2026-01-26T10:00" }).date).toBe("2026-01-26T02:00:00.000Z");
    expect(parsed({ date: "2026-01-26T07:30:15" }).date).toBe("2026-01-25T23:30:15.000Z");
  });

  it("takes the publish time as the instant the form computed, or none", () => {
    expect(parsed({ publishAt: "2026-12-05T01:30:00.000Z" }).publishAt).toBe("2026-12-05T01:30:00.000Z");
    expect(parsed({ publishAt: "2026-12-05T09:30:00+08:00" }).publishAt).toBe("2026-12-05T01:30:00.000Z");
    expect(parsed({ publishAt: "" }).publishAt).toBeNull();
    expect(parsed({ publishAt: "  " }).publishAt).toBeNull();
    // Text without a zone is refused rather than read in the server's own zone.
    for (const publishAt of ["2026-12-05T09:30", "tomorrow", "2026-12-05", "2026-13-05T01:30:00Z"]) {
      expect(fieldErrors({ publishAt })).toEqual({ publishAt: ["publishAtInvalid"] });
    }
  });

  it("reads datetime-local in SITE_TIMEZONE, the zone the publish-at control uses, not a fixed +08:00", () => {
    const saved = process.env.SITE_TIMEZONE;
    process.env.SITE_TIMEZONE = "Europe/Berlin";
    try {
      // Summer and winter: the zone's own offset on that day (+02:00, +01:00).
      expect(parsed({ date: "2026-07-01T10:00" }).date).toBe("2026-07-01T08:00:00.000Z");
      expect(parsed({ date: "2026-01-26T10:00" }).date).toBe("2026-01-26T09:00:00.000Z");
    } finally {
      if (saved === undefined) delete process.env.SITE_TIMEZONE;
      else process.env.SITE_TIMEZONE = saved;
    }
  });

  it("refuses dates that are not real or not in a form the editor sends", () => {
    expect(fieldErrors({ date: "26/01/2026" })).toEqual({ date: ["dateFormat"] });
    expect(fieldErrors({ date: "" })).toEqual({ date: ["dateFormat"] });
    expect(fieldErrors({ date: undefined })).toEqual({ date: ["dateRequired"] });
    for (const date of ["2026-02-30", "2026-13-01", "2026-01-26T24:00", "2026-01-26T10:60"]) {
      expect(fieldErrors({ date })).toEqual({ date: ["dateInvalid"] });
    }
  });

  it("splits tags and categories on commas (ASCII or Chinese) or spaces, deduplicated", () => {
    expect(parsed({ tags: "a, b，c" }).tags).toEqual(["a", "b", "c"]);
    expect(parsed({ tags: "service mesh、云原生, Service  Mesh" }).tags).toEqual(["service mesh", "云原生"]);
    expect(parsed({ tags: "kubernetes ai" }).tags).toEqual(["kubernetes", "ai"]);
    expect(parsed({ tags: "  " }).tags).toEqual([]);
    expect(parsed({ categories: "云原生，AI" }).categories).toEqual(["云原生", "AI"]);
    // One field per tag (repeated form fields) arrives as an array.
    expect(parsed({ tags: ["Kubernetes", " kubernetes ", "", "AI"] }).tags).toEqual(["Kubernetes", "AI"]);
  });

  it("limits the number and length of terms", () => {
    expect(fieldErrors({ tags: Array.from({ length: 31 }, (_, i) => `t${i}`).join(",") })).toEqual({ tags: ["tagsTooMany"] });
    expect(fieldErrors({ categories: "x".repeat(61) })).toEqual({ categories: ["categoryTooLong"] });
  });

  it("clears the draft flag when the intent is publish", () => {
    expect(parsed({ draft: "on" }).draft).toBe(true);
    expect(parsed({ draft: "on", intent: "publish" }).draft).toBe(false);
    expect(parsed({ draft: "on", intent: "save" }).draft).toBe(true);
    expect(parsed({ draft: "off" }).draft).toBe(false);
    expect(fieldErrors({ intent: "delete" })).toHaveProperty("intent");
  });

  it("accepts only http(s) sources", () => {
    expect(parsed({ source: "https://example.com/a?b=1" }).source).toBe("https://example.com/a?b=1");
    expect(parsed({ source: " http://example.com " }).source).toBe("http://example.com");
    expect(parsed({ source: "  " }).source).toBeNull();
    for (const source of ["javascript:alert(1)", "ftp://example.com", "example.com", "https://"]) {
      expect(fieldErrors({ source })).toEqual({ source: ["sourceUrl"] });
    }
  });

  it("turns blank optional text into null and keeps the format choice", () => {
    expect(parsed({ author: "  ", description: "" })).toMatchObject({ author: null, description: null });
    expect(parsed({ author: " 云原生观察 " }).author).toBe("云原生观察");
    expect(parsed({ format: "mdx" }).format).toBe("mdx");
    expect(fieldErrors({ format: "html" })).toEqual({ format: ["format"] });
    expect(fieldErrors({ author: "名".repeat(201) })).toEqual({ author: ["authorTooLong"] });
  });

  it("accepts a cover as an http(s) URL or a path on this site, and nothing that leaves it", () => {
    expect(parsed({ cover: " https://example.com/a.png " }).cover).toBe("https://example.com/a.png");
    expect(parsed({ cover: "/images/封面.png" }).cover).toBe("/images/封面.png");
    expect(parsed({ cover: "" }).cover).toBeNull();
    for (const cover of ["javascript:alert(1)", "//evil.example/a.png", "/\\evil.example", "data:image/png;base64,AAAA", "images/a.png", "/a b.png", "https://"]) {
      expect(fieldErrors({ cover }), cover).toEqual({ cover: ["coverUrl"] });
    }
  });

  it("limits the SEO title and description, which are optional", () => {
    expect(parsed({ seoTitle: " 搜索标题 ", seoDescription: "" })).toMatchObject({ seoTitle: "搜索标题", seoDescription: null });
    expect(fieldErrors({ seoTitle: "x".repeat(71) })).toEqual({ seoTitle: ["seoTitleTooLong"] });
    expect(fieldErrors({ seoDescription: "描".repeat(201) })).toEqual({ seoDescription: ["seoDescriptionTooLong"] });
  });
});

describe("previewSchema helpers", () => {
  it("read a half-typed date as no date and the terms as a save would", () => {
    expect(previewDate("2026-01-26")).toBe("2026-01-26T00:00:00.000Z");
    expect(previewDate("2026-01")).toBeNull();
    expect(previewTerms("kubernetes, 服务网格, ", "tag")).toEqual(["kubernetes", "服务网格"]);
    expect(previewTerms(Array.from({ length: 31 }, (_, i) => `t${i}`).join(","), "tag")).toEqual([]);
  });
});
