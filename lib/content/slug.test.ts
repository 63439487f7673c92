import { describe, expect, it } from "vitest";
import { isValidSlug, MAX_SLUG_BYTES, normalizeSlug, slugBytes, slugFromFileName, slugLengthProblem, truncateSlug } from "./slug";

describe("isValidSlug", () => {
  it.each(["foo-bar", "kubernetes-v1.35", "云原生-周报", "a", "snake_case", "_draft", "2026-01-26", "x".repeat(200)])(
    "accepts %s",
    (slug) => expect(isValidSlug(slug)).toBe(true),
  );

  it.each([
    "", "Foo", "foo/bar", "foo\\bar", "a..b", "..", "-foo", "foo-", ".hidden", "foo.", "foo bar", "foo\tbar", "foo\u0000",
    "x".repeat(201), "a?b", "a#b", "a%20b",
  ])("rejects %j", (slug) => expect(isValidSlug(slug)).toBe(false));

  it("bounds slugs in UTF-8 bytes, so a Chinese slug is at most 66 characters", () => {
    expect(MAX_SLUG_BYTES).toBe(200);
    expect(slugBytes("云")).toBe(3);
    expect(isValidSlug("长".repeat(66))).toBe(true);
    expect(isValidSlug(`${"长".repeat(66)}-2`)).toBe(true);
    expect(isValidSlug("长".repeat(67))).toBe(false);
    expect(isValidSlug(`${"长".repeat(66)}-ab`)).toBe(false);
  });
});

describe("slugLengthProblem", () => {
  it("names the limit and the length", () => {
    expect(slugLengthProblem("长".repeat(100))).toBe("is 300 bytes long; a slug is at most 200 bytes (a Chinese character takes 3)");
    expect(slugLengthProblem("长".repeat(66))).toBeNull();
  });
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

  it("never shortens a slug silently: one over the limit stays over it and is refused", () => {
    const long = normalizeSlug("长".repeat(100));
    expect([...long]).toHaveLength(100);
    expect(isValidSlug(long)).toBe(false);
  });
});

describe("truncateSlug", () => {
  it("cuts at a character boundary, at a hyphen when one is in the second half", () => {
    expect(truncateSlug("abc-def-ghi", 9)).toBe("abc-def");
    expect(truncateSlug("云原生云原生", 10)).toBe("云原生");
    expect(truncateSlug("short", 80)).toBe("short");
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
    // Chinese file names keep their Chinese slugs.
    ["2026-02-01-云原生周报.mdx", "云原生周报"],
  ])("%s → %s", (file, slug) => expect(slugFromFileName(file)).toBe(slug));
});
