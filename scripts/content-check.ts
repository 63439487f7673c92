/**
 * `npm run content:check [dir] [--fix]`: loads the post folder the way the site does and lists every file it would
 * skip (and every guess or repair it made), so a broken post is found before a deploy rather than as a missing page.
 * Exits 1 when any file would be skipped; warnings alone exit 0.
 *
 * `--fix` rewrites each file the tolerant reader repaired as the front matter it was read as (which the strict reader
 * accepts), keeping the body byte for byte; each file is replaced atomically (temp file + rename).
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseStrictPostSource } from "../lib/content/front-matter";
import { repairPostSource } from "../lib/content/front-matter-repair";
import { loadPostDirectory } from "../lib/content/load";
import { parseTermsFile, TermsFileError } from "../lib/terms/schema";
import type { ContentProblem } from "../lib/content/types";
import { writeFileAtomic } from "../lib/store/atomic-write";

function location(problem: ContentProblem): string {
  return problem.line === null ? problem.file : `${problem.file}:${problem.line}`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const fix = args.includes("--fix");
  const unknown = args.filter((arg) => arg.startsWith("-") && arg !== "--fix");
  if (unknown.length > 0) {
    console.error(`Unknown option ${unknown.join(" ")}. Usage: content:check [dir] [--fix]`);
    return 2;
  }
  const dir = path.resolve(args.find((arg) => !arg.startsWith("-")) ?? process.env.CONTENT_DIR ?? "content");
  // The loader's own one-line warnings would repeat what is printed here.
  const { posts, problems, warnings, sources } = await loadPostDirectory(dir, { warn: () => {} });

  // The display names of tags and categories live beside the posts (lib/terms); a broken file is a problem too.
  const termsFile = path.join(dir, "terms.yaml");
  const terms = await readFile(termsFile, "utf8").catch((error: NodeJS.ErrnoException) => (error.code === "ENOENT" ? null : Promise.reject(error)));
  if (terms !== null) {
    try {
      parseTermsFile(terms, path.relative(process.cwd(), termsFile).startsWith("..") ? termsFile : path.relative(process.cwd(), termsFile));
    } catch (error) {
      if (!(error instanceof TermsFileError)) throw error;
      problems.push({ file: error.file, line: error.line, message: error.reason });
    }
  }

  for (const problem of problems) console.log(`${location(problem)}: ${problem.message}`);
  for (const warning of warnings) console.log(`${location(warning)}: warning: ${warning.message}`);

  let fixed = 0;
  if (fix) {
    for (const post of posts) {
      if (post.origin.kind !== "file") continue;
      const file = post.origin.path;
      const raw = sources.get(file);
      if (raw === undefined || parseStrictPostSource(file, raw).ok) continue;
      const repaired = repairPostSource(file, raw, parseStrictPostSource);
      if (repaired === null) continue;
      await writeFileAtomic(file, repaired.text);
      console.log(`${file}: fixed: ${plural(repaired.repairs.length, "repair")} written into the file`);
      fixed++;
    }
  }

  const drafts = posts.filter((post) => post.draft).length;
  console.log(
    `content:check ${dir}: ${plural(posts.length, "post")} (${plural(drafts, "draft")}), ` +
      `${plural(problems.length, "problem")}, ${plural(warnings.length, "warning")}` +
      (fix ? `, ${plural(fixed, "file")} fixed` : ""),
  );
  return problems.length > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 2;
  },
);
