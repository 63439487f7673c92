import { describe, expect, it } from "vitest";
import { displayTerm, parseTermsFile, TermsFileError } from "./schema";

describe("parseTermsFile", () => {
  it("reads display names and descriptions, in the long and the short form", () => {
    const names = parseTermsFile(
      [
        "categories:",
        "  cloud-native:",
        "    name: 云原生",
        "    description: 容器与 Kubernetes 生态。",
        "tags:",
        "  ai: 人工智能",
        "  Service-Mesh: { name: 服务网格 }",
      ].join("\n"),
    );
    expect(displayTerm(names, "categories", "cloud-native")).toEqual({ name: "云原生", description: "容器与 Kubernetes 生态。" });
    expect(displayTerm(names, "tags", "ai")).toEqual({ name: "人工智能", description: null });
    // Keys compare like terms do: case- and width-insensitively.
    expect(displayTerm(names, "tags", "service-mesh").name).toBe("服务网格");
    expect(displayTerm(names, "tags", "ＡＩ").name).toBe("人工智能");
  });

  it("falls back to the name posts use for a term it does not list, and the kinds do not mix", () => {
    const names = parseTermsFile("tags:\n  ai: 人工智能\n");
    expect(displayTerm(names, "tags", "kubernetes")).toEqual({ name: "kubernetes", description: null });
    expect(displayTerm(names, "categories", "ai")).toEqual({ name: "ai", description: null });
  });

  it("accepts an empty file", () => {
    expect(displayTerm(parseTermsFile(""), "tags", "ai").name).toBe("ai");
  });

  it("rejects bad input with the file, the line and what is wrong", () => {
    const bad = (source: string) => {
      try {
        parseTermsFile(source, "content/terms.yaml");
      } catch (error) {
        expect(error).toBeInstanceOf(TermsFileError);
        return (error as Error).message;
      }
      throw new Error("expected a TermsFileError");
    };
    expect(bad("tags:\n  ai: [人工智能\n")).toMatch(/^content\/terms\.yaml:\d+: not valid YAML/);
    expect(bad("tags:\n  ai:\n    name: 人工智能\n    colour: red\n")).toBe("content/terms.yaml:2: tags.ai: unknown key colour (expected name and description)");
    expect(bad("tag:\n  ai: 人工智能\n")).toBe("content/terms.yaml: unknown key tag (expected tags and categories)");
    expect(bad("tags:\n  ai: ''\n")).toBe("content/terms.yaml:2: tags.ai: the display name is empty");
    expect(bad("tags:\n  ai: 人工智能\n  AI: 智能\n")).toBe("content/terms.yaml:3: tags.AI: listed twice (keys ignore case and width)");
    expect(bad("tags: [ai]\n")).toMatch(/^content\/terms\.yaml:1: tags: /);
  });
});
