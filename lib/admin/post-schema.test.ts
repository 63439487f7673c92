import { describe, expect, it } from "vitest";
import { MAX_BODY_CHARS, postFormSchema, previewSchema } from "./post-schema";

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
      body: "正文。",
      intent: "save",
    });
  });

  it("reports a slug that cannot be made valid on the slug field", () => {
    for (const slug of ["///", "..", " - ", "!!!"]) {
      const errors = fieldErrors({ slug });
      expect(Object.keys(errors)).toEqual(["slug"]);
      expect(errors.slug[0]).toMatch(/^Slug:/);
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
    expect(fieldErrors({ slug: "长".repeat(100) })).toEqual({
      slug: ["Slug is at most 200 bytes (a Chinese character takes 3, so about 66 Chinese characters); this one is 300."],
    });
    expect(fieldErrors({ slug: "x".repeat(201) }).slug).toEqual([expect.stringMatching(/^Slug is at most 200 bytes/)]);
    // A long Chinese title never gives a slug over the limit.
    expect(parsed({ slug: "", title: "很长的中文标题".repeat(40) }).slug).toMatch(/^[a-z-]{1,80}$/);
  });

  it("refuses an oversized body with a clear message", () => {
    expect(parsed({ body: "字".repeat(MAX_BODY_CHARS) }).body).toHaveLength(MAX_BODY_CHARS);
    expect(fieldErrors({ body: "字".repeat(MAX_BODY_CHARS + 1) })).toEqual({ body: ["Body is at most 200,000 characters."] });
    expect(previewSchema.safeParse({ body: "x".repeat(MAX_BODY_CHARS + 1) }).success).toBe(false);
  });

  it("requires a title", () => {
    expect(fieldErrors({ title: "" })).toEqual({ title: ["Title is required."] });
    expect(fieldErrors({ title: "   " })).toEqual({ title: ["Title is required."] });
    expect(fieldErrors({ title: undefined })).toEqual({ title: ["Title is required."] });
    expect(parsed({ title: "  标题  " }).title).toBe("标题");
  });

  it("reads a day as UTC midnight and datetime-local as China time", () => {
    expect(parsed({ date: "2026-01-26" }).date).toBe("2026-01-26T00:00:00.000Z");
    expect(parsed({ date: " 2026-01-26 " }).date).toBe("2026-01-26T00:00:00.000Z");
    expect(parsed({ date: "2026-01-26T10:00" }).date).toBe("2026-01-26T02:00:00.000Z");
    expect(parsed({ date: "2026-01-26T07:30:15" }).date).toBe("2026-01-25T23:30:15.000Z");
  });

  it("refuses dates that are not real or not in a form the editor sends", () => {
    expect(fieldErrors({ date: "26/01/2026" })).toEqual({ date: ["Use a date like 2026-01-26."] });
    expect(fieldErrors({ date: "" })).toEqual({ date: ["Use a date like 2026-01-26."] });
    expect(fieldErrors({ date: undefined })).toEqual({ date: ["Date is required."] });
    for (const date of ["2026-02-30", "2026-13-01", "2026-01-26T24:00", "2026-01-26T10:60"]) {
      expect(fieldErrors({ date })).toEqual({ date: ["This is not a real date."] });
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
    expect(fieldErrors({ tags: Array.from({ length: 31 }, (_, i) => `t${i}`).join(",") })).toEqual({ tags: ["At most 30 tags."] });
    expect(fieldErrors({ categories: "x".repeat(61) })).toEqual({ categories: ["Each category is at most 60 characters."] });
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
      expect(fieldErrors({ source })).toEqual({ source: ["Source must be an http(s) URL."] });
    }
  });

  it("turns blank optional text into null and keeps the format choice", () => {
    expect(parsed({ author: "  ", description: "" })).toMatchObject({ author: null, description: null });
    expect(parsed({ author: " 云原生观察 " }).author).toBe("云原生观察");
    expect(parsed({ format: "mdx" }).format).toBe("mdx");
    expect(fieldErrors({ format: "html" })).toEqual({ format: ["Format is md or mdx."] });
  });
});
