import { describe, expect, it } from "vitest";
import { isValidSlug, slugBytes } from "./slug";
import { slugFromTitle } from "./title-slug";

describe("slugFromTitle", () => {
  it.each([
    ["Kubernetes 1.26：设备管理器正式发布", "kubernetes-1-26-she-bei-guan-li-qi-zheng-shi-fa-bu"],
    ["云原生技术动态：Kubernetes成为AI基础设施核心", "yun-yuan-sheng-ji-shu-dong-tai-kubernetes-cheng-wei-ai-ji-chu-she-shi-he-xin"],
    ["服务网格周报", "fu-wu-wang-ge-zhou-bao"],
    // Polyphonic characters are read in context.
    ["银行行长", "yin-hang-hang-zhang"],
    ["绿色计算", "lv-se-ji-suan"],
    ["Café Crème & Straße", "cafe-creme-strasse"],
    ["한국어 제목", "한국어-제목"],
    ["!!!", "post"],
    ["", "post"],
  ])("%s → %s", (title, slug) => {
    expect(slugFromTitle(title)).toBe(slug);
    expect(isValidSlug(slugFromTitle(title))).toBe(true);
  });

  it("is stable: the same title gives the same slug", () => {
    expect(slugFromTitle("云原生技术动态")).toBe(slugFromTitle("云原生技术动态"));
  });

  it("keeps long titles short, cutting at a hyphen, never a percent-encoded name", () => {
    const english = slugFromTitle("word ".repeat(40));
    expect(english.length).toBeLessThanOrEqual(80);
    expect(english.endsWith("word")).toBe(true);

    const chinese = slugFromTitle("云原生技术动态：".repeat(20));
    expect(slugBytes(chinese)).toBeLessThanOrEqual(80);
    expect(chinese).toMatch(/^[a-z0-9-]+$/);
    expect(encodeURIComponent(chinese)).toBe(chinese);
    expect(chinese.endsWith("-")).toBe(false);

    const korean = slugFromTitle("한국어 제목 ".repeat(20));
    expect(slugBytes(korean)).toBeLessThanOrEqual(80);
    expect(isValidSlug(korean)).toBe(true);
  });
});
