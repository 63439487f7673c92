import { describe, expect, it } from "vitest";
import {
  emptyPostFormValues,
  formDateFromIso,
  postFormData,
  postFormValuesFrom,
  samePostFormValues,
} from "@/components/admin/post-form-values";
import { postFormSchema } from "@/lib/admin/post-schema";
import { postFormValuesSchema as draftBackupValues } from "@/components/admin/post-form-values";
import type { PostInput } from "@/lib/store/types";

const input: PostInput = {
  slug: "k8s-weekly",
  title: "云原生技术动态：Kubernetes",
  date: "2026-01-26T00:00:00.000Z",
  author: null,
  source: "https://example.com/a",
  description: null,
  tags: ["kubernetes", "人工智能"],
  categories: ["cloud-native"],
  draft: false,
  publishAt: null,
  cover: "/images/cover.png",
  seoTitle: "Kubernetes 周报",
  seoDescription: null,
  format: "md",
  body: "# 标题\n\n正文",
  extra: { layout: "post" },
};

describe("postFormValuesFrom", () => {
  it("turns a stored post into the text the inputs show", () => {
    expect(postFormValuesFrom(input, "Asia/Shanghai")).toEqual({
      title: "云原生技术动态：Kubernetes",
      slug: "k8s-weekly",
      date: "2026-01-26",
      author: "",
      source: "https://example.com/a",
      description: "",
      // Every stored term is a finished chip, so the text ends with the separator.
      tags: "kubernetes, 人工智能, ",
      categories: "cloud-native, ",
      format: "md",
      draft: false,
      body: "# 标题\n\n正文",
      publishAt: "",
      cover: "/images/cover.png",
      seoTitle: "Kubernetes 周报",
      seoDescription: "",
    });
  });

  it("round-trips through the form and the schema to the same post", () => {
    const data = postFormData(postFormValuesFrom(input, "Asia/Shanghai"), { originalSlug: "k8s-weekly", versionToken: "1", intent: "save" });
    const parsed = postFormSchema.parse(Object.fromEntries(data.entries()));
    expect(parsed).toMatchObject({
      slug: input.slug,
      title: input.title,
      date: input.date,
      tags: input.tags,
      categories: input.categories,
      cover: "/images/cover.png",
      seoTitle: "Kubernetes 周报",
      seoDescription: null,
    });
  });

  it("reads a backup written before the cover and SEO fields existed", () => {
    expect(draftBackupValues.parse({ ...emptyPostFormValues("2026-02-01"), cover: undefined, seoTitle: undefined, seoDescription: undefined })).toMatchObject({
      cover: "",
      seoTitle: "",
      seoDescription: "",
    });
  });
});

describe("formDateFromIso", () => {
  it("keeps a date-only post date-only and shows a time in China time otherwise", () => {
    expect(formDateFromIso("2026-01-26T00:00:00.000Z", "Asia/Shanghai")).toBe("2026-01-26");
    expect(formDateFromIso("2026-01-26T10:00:00+08:00", "Asia/Shanghai")).toBe("2026-01-26T10:00");
    expect(formDateFromIso("2026-01-26T20:30:15Z", "Asia/Shanghai")).toBe("2026-01-27T04:30:15");
    expect(formDateFromIso("not a date", "Asia/Shanghai")).toBe("not a date");
  });

  it("shows the time in the site's zone, whatever it is", () => {
    expect(formDateFromIso("2026-07-01T08:00:00Z", "Europe/Berlin")).toBe("2026-07-01T10:00");
    expect(formDateFromIso("2026-01-26T09:00:00Z", "Europe/Berlin")).toBe("2026-01-26T10:00");
  });
});

describe("postFormData", () => {
  it("names every field as savePost reads them and sends the checkbox only when checked", () => {
    const values = { ...postFormValuesFrom(input, "Asia/Shanghai"), slug: "  k8s-weekly  " };
    const data = postFormData(values, { originalSlug: "k8s-weekly", versionToken: "7", intent: "publish" });
    expect(data.get("originalSlug")).toBe("k8s-weekly");
    expect(data.get("versionToken")).toBe("7");
    expect(data.get("intent")).toBe("publish");
    expect(data.get("slug")).toBe("k8s-weekly");
    expect(data.get("tags")).toBe("kubernetes, 人工智能, ");
    expect(data.get("cover")).toBe("/images/cover.png");
    expect(data.has("draft")).toBe(false);
    expect(data.get("body")).toBe("# 标题\n\n正文");

    const draft = postFormData({ ...values, draft: true }, { originalSlug: null, versionToken: null, intent: "save" });
    expect(draft.get("draft")).toBe("on");
    expect(draft.get("originalSlug")).toBe("");
    expect(draft.get("versionToken")).toBe("");
  });
});

describe("samePostFormValues", () => {
  it("sees any single changed field", () => {
    const values = emptyPostFormValues("2026-02-01");
    expect(samePostFormValues(values, { ...values })).toBe(true);
    expect(samePostFormValues(values, { ...values, body: "x" })).toBe(false);
    expect(samePostFormValues(values, { ...values, draft: false })).toBe(false);
  });
});
