import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parsePostSource, parseStrictPostSource } from "./front-matter";
import { repairFrontMatter } from "./front-matter-repair";
import { corpusLocation, type CorpusFolder } from "@/tests/support/corpus";

/** Real posts not written for Digest, read in place: ../shared/corpus beside the checkout, else the sample in the repo. */
const corpus = corpusLocation();
if (corpus.notice) console.log(corpus.notice);

interface CorpusFile {
  file: string;
  raw: string;
}

/**
 * Mistakes people make in hand-written front matter, applied to a real file: each returns the file with the mistake,
 * or null when the file has nothing it applies to.
 */
const mistakes: Record<string, (raw: string) => string | null> = {
  // title: "…" → title: "…”
  "closing quote ”": (raw) => replaceInFrontMatter(raw, /^(title: "[^"\\]*)"[ \t]*$/m, "$1”"),
  // title: x / date: x / author: x / source: x on one line → 标题：x, 日期：x, …
  "Chinese keys with full-width colons": (raw) => {
    const keys: Record<string, string> = { title: "标题", date: "日期", author: "作者", source: "原文链接", description: "摘要" };
    let changed = false;
    const result = mapFrontMatterLines(raw, (line, next) => {
      const field = /^(title|date|author|source|description): (?![>|])(.+)$/.exec(line);
      if (!field || /^\s/.test(next)) return line;
      changed = true;
      return `${keys[field[1]]}：${field[2]}`;
    });
    return changed ? result : null;
  },
  // two-space indentation → tabs
  "tab indentation": (raw) => {
    let changed = false;
    let even = true;
    const result = mapFrontMatterLines(raw, (line) => {
      const indent = /^ +/.exec(line)?.[0] ?? "";
      if (indent === "") return line;
      if (indent.length % 2 !== 0) even = false;
      changed = true;
      return "\t".repeat(indent.length / 2) + line.slice(indent.length);
    });
    return changed && even ? result : null;
  },
  // date: 2024-08-15 → date: 2024年8月15日
  "a date written in Chinese": (raw) =>
    replaceInFrontMatter(raw, /^date: '?(\d{4})-(\d{2})-(\d{2})'?[ \t]*$/m, (_, y: string, m: string, d: string) => `date: ${y}年${Number(m)}月${Number(d)}日`),
};

function frontMatterEnd(raw: string): number {
  const match = /^(?:\uFEFF)?---[ \t]*\r?\n[\s\S]*?\n(---|\.\.\.)[ \t]*(\r?\n|$)/.exec(raw);
  return match ? match[0].length : -1;
}

function replaceInFrontMatter(raw: string, pattern: RegExp, replacement: string | ((...groups: string[]) => string)): string | null {
  const end = frontMatterEnd(raw);
  if (end === -1 || !pattern.test(raw.slice(0, end))) return null;
  const head = raw.slice(0, end).replace(pattern, replacement as string);
  return head + raw.slice(end);
}

function mapFrontMatterLines(raw: string, change: (line: string, next: string) => string): string {
  const end = frontMatterEnd(raw);
  if (end === -1) return raw;
  const lines = raw.slice(0, end).split("\n");
  // The first and last lines are the delimiters (and the empty string after the closing line's newline).
  const mapped = lines.map((line, index) => (index === 0 || index >= lines.length - 2 ? line : change(line, lines[index + 1] ?? "")));
  return mapped.join("\n") + raw.slice(end);
}

/** The weekly's generated front matter has no indented line, so it cannot show tab indentation. */
const NOT_APPLICABLE: Record<string, string[]> = { "servicemesher-weekly": ["tab indentation"] };

describe.each<CorpusFolder>(["k8s-zh-blog", "servicemesher-weekly"])("the %s corpus, strict and tolerant", (name) => {
  let files: CorpusFile[] = [];
  beforeAll(async () => {
    const dir = corpus.dirs[name];
    const names = (await readdir(dir)).filter((file) => /\.(md|mdx|markdown)$/.test(file)).sort();
    files = await Promise.all(names.map(async (file) => ({ file: path.join(dir, file), raw: await readFile(path.join(dir, file), "utf8") })));
  });

  it("reads every strictly valid file to the same post with and without the repair code, which finds nothing to repair", () => {
    const counts = { strict: 0, repaired: 0, skipped: 0 };
    for (const { file, raw } of files) {
      const strict = parseStrictPostSource(file, raw);
      const tolerant = parsePostSource(file, raw);
      if (strict.ok) {
        counts.strict++;
        expect(tolerant, file).toEqual(strict);
        expect(repairFrontMatter(file, raw), file).toBeNull();
      } else if (tolerant.ok) counts.repaired++;
      else counts.skipped++;
    }
    console.log(`${name}: ${files.length} files, ${counts.strict} strict, ${counts.repaired} repaired, ${counts.skipped} skipped`);
    expect(counts.strict + counts.repaired).toBe(files.length);
  });

  it.each(Object.keys(mistakes).filter((mistake) => !NOT_APPLICABLE[name]?.includes(mistake)))("recovers the author's post from real files given %s", (mistake) => {
    let tried = 0;
    for (const { file, raw } of files) {
      const original = parseStrictPostSource(file, raw);
      const broken = mistakes[mistake](raw);
      if (!original.ok || broken === null || parseStrictPostSource(file, broken).ok) continue;
      tried++;
      const result = parsePostSource(file, broken);
      if (!result.ok) throw new Error(`${file}: ${result.problem.line}: ${result.problem.message}`);
      expect(result.post, file).toEqual(original.post);
      expect(result.warnings.length, file).toBeGreaterThan(original.warnings.length);
    }
    console.log(`${name}: ${mistake}: ${tried} files broken and recovered`);
    // Every mistake must have been tried on a fair share of the corpus, or the test proves nothing.
    expect(tried).toBeGreaterThan(files.length / 4);
  });
});
