import { describe, expect, it } from "vitest";
import { isValidSlug, normalizeSlug, slugFromFileName, slugFromTitle } from "./slug";

describe("isValidSlug", () => {
  it.each(["foo-bar", "kubernetes-v1.35", "云原生-周报", "a", "snake_case", "_draft", "2026-01-26", "x".repeat(200)])(
    "accepts %s",
    (slug) => expect(isValidSlug(slug)).toBe(true),
  );

  it.each([
    "", "Foo", "foo/bar", "foo\\bar", "a..b", "..", "-foo", "foo-", ".hidden", "foo.", "foo bar", "foo\tbar", "foo\u0000",
    "x".repeat(201), "a?b", "a#b", "a%20b",
  ])("rejects %j", (slug) => expect(isValidSlug(slug)).toBe(false));
});

describe("normalizeSlug", () => {
  it.each([
    ["  Foo Bar  ", "foo-bar"],
    ["../../etc/passwd", "etc-passwd"],
    ["a...b", "a.b"],
    ["-.-x-.-", "x"],
    ["ＫＵＢＥ", "kube"],
    ["云原生 周报", "云原生-周报"],
    ["!!!", ""],
  ])("%j → %j", (input, slug) => {
    expect(normalizeSlug(input)).toBe(slug);
    if (slug !== "") expect(isValidSlug(slug)).toBe(true);
  });

  it("keeps at most 200 characters", () => {
    expect([...normalizeSlug("长".repeat(300))]).toHaveLength(200);
  });
});

describe("slugFromFileName", () => {
  it.each([
    ["2026-01-26-foo-bar.md", "foo-bar"],
    ["/abs/content/2026-01-26-foo-bar.mdx", "foo-bar"],
    ["2020-09-03-warnings__index.md", "warnings"],
    ["2018__dynamic-ingress-kubernetes.md", "dynamic-ingress-kubernetes"],
    ["2022__devicemanager-ga.md__index.md", "devicemanager-ga"],
    ["2026__2026-01-08-watch-based-route.md", "watch-based-route"],
    ["content/foo/index.md", "foo"],
    ["content/2020-09-03-warnings/index.mdx", "warnings"],
    ["about.markdown", "about"],
    ["2026-01-26.md", "2026-01-26"],
  ])("%s → %s", (file, slug) => expect(slugFromFileName(file)).toBe(slug));
});

describe("slugFromTitle", () => {
  it.each([
    ["Kubernetes 1.26：设备管理器正式发布", "kubernetes-1-26-设备管理器正式发布"],
    ["Café Crème & Straße", "cafe-creme-strasse"],
    ["云原生技术动态：Kubernetes成为AI基础设施核心", "云原生技术动态-kubernetes成为ai基础设施核心"],
    ["한국어 제목", "한국어-제목"],
    ["!!!", "post"],
  ])("%s → %s", (title, slug) => {
    expect(slugFromTitle(title)).toBe(slug);
    expect(isValidSlug(slugFromTitle(title))).toBe(true);
  });

  it("keeps long titles short, cutting at a hyphen", () => {
    const slug = slugFromTitle("word ".repeat(40));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith("word")).toBe(true);
  });
});
