import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { renderPost } from "./index";
import { expectSafe } from "./testing/expect-safe";

const CORPUS = "/work/shared/corpus";
const FOLDERS = ["k8s-zh-blog", "servicemesher-weekly"];
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

describe.skipIf(!existsSync(CORPUS))("real corpus", () => {
  it("renders every post of both folders safely", async () => {
    const files = FOLDERS.flatMap((folder) =>
      readdirSync(path.join(CORPUS, folder))
        .filter((name) => name.endsWith(".md"))
        .map((name) => path.join(CORPUS, folder, name)),
    );
    expect(files.length).toBeGreaterThan(200);

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
