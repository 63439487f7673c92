import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { corpusFolders, resolveCorpus } from "@/tests/support/corpus";
import { renderPost } from "./index";
import { expectSafe } from "./testing/expect-safe";

// ../shared/corpus beside the checkout when it is there, else the sample with the same quirks in the repo.
const corpus = resolveCorpus();
const FRONT_MATTER = /^---[ \t]*\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/;

function bodyOf(file: string): string {
  const raw = readFileSync(file, "utf8");
  try {
    return matter(raw).content;
  } catch {
    // One corpus file repeats a YAML key, which gray-matter rejects; the body is what matters here.
    return raw.replace(FRONT_MATTER, "");
  }
}

describe("real corpus", () => {
  it("renders every post of both folders safely", async () => {
    const files = corpusFolders.flatMap((folder) =>
      readdirSync(corpus.dirs[folder])
        .filter((name) => name.endsWith(".md"))
        .map((name) => path.join(corpus.dirs[folder], name)),
    );
    expect(files.length).toBeGreaterThan(corpus.kind === "full" ? 200 : 40);

    let characters = 0;
    let headings = 0;
    const started = performance.now();
    for (const file of files) {
      const body = bodyOf(file);
      const { content, toc } = await renderPost({ body, format: "md" });
      const html = renderToStaticMarkup(content);
      characters += body.length;
      headings += toc.length;
      expectSafe(html);
      // Known shortcodes must all be expanded; only unknown ones (imgproc) may remain as text.
      expect(html, file).not.toMatch(/\{\{(?:&lt;|%)\s*\/?\s*(?:figure|note|caution|warning|alert|glossary_tooltip|youtube|mermaid)\b/);
      expect(html.length, file).toBeGreaterThan(0);
    }
    const elapsed = performance.now() - started;
    console.log(
      `[render corpus] ${files.length} posts, ${(characters / 1e6).toFixed(2)}M characters, ${headings} TOC entries: ` +
        `${elapsed.toFixed(0)} ms total, ${(elapsed / files.length).toFixed(1)} ms per post`,
    );
  }, 180_000);
});
