/**
 * `npm run content:check [dir]`: loads the post folder the way the site does and lists every file it would skip
 * (and every guess it made), so a broken post is found before a deploy rather than as a missing page.
 * Exits 1 when any file would be skipped.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { loadPostDirectory } from "../lib/content/load";
import { parseTermsFile, TermsFileError } from "../lib/terms/schema";
import type { ContentProblem } from "../lib/content/types";

function location(problem: ContentProblem): string {
  return problem.line === null ? problem.file : `${problem.file}:${problem.line}`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

async function main(): Promise<number> {
  const dir = path.resolve(process.argv[2] ?? process.env.CONTENT_DIR ?? "content");
  // The loader's own one-line warnings would repeat what is printed here.
  const { posts, problems, warnings } = await loadPostDirectory(dir, { warn: () => {} });

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

  const drafts = posts.filter((post) => post.draft).length;
  console.log(
    `content:check ${dir}: ${plural(posts.length, "post")} (${plural(drafts, "draft")}), ` +
      `${plural(problems.length, "problem")}, ${plural(warnings.length, "warning")}`,
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
