import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * 2,000 drafts for the admin list suite (admin-list.spec.ts), imported by the harness with the project's own CLI before
 * the editor site starts: importing while other suites write would contend for SQLite's one writer. A tag no other
 * suite uses, dates in 2001 (below everything else), drafts: no reader page changes.
 */
export const ADMIN_LIST_POSTS = 2_000;
export const adminListTag = "列表规模";
export const adminListPhrase = "量子纠缠观测站";
/** The one post whose body holds the phrase. */
export const adminListNeedle = 1234;
export const adminListSlug = (n: number) => `admin-list-${String(n).padStart(4, "0")}`;
export const adminListTitle = (n: number) => `列表测试 ${String(n).padStart(4, "0")}`;
/** Even posts by 甲, odd ones by 乙. */
export const adminListAuthor = (n: number) => `列表作者${n % 2 === 0 ? "甲" : "乙"}`;

export function writeAdminListPosts(dir: string): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const start = Date.UTC(2001, 0, 1);
  for (let n = 1; n <= ADMIN_LIST_POSTS; n += 1) {
    // Post n is n hours after the start: the newest is the last, the oldest the first.
    const date = new Date(start + n * 3_600_000).toISOString();
    const body = n === adminListNeedle ? `这一期介绍${adminListPhrase}的建设。` : `第 ${n} 篇用于测试后台列表的分页与排序。`;
    writeFileSync(
      path.join(dir, `${adminListSlug(n)}.md`),
      `---\ntitle: "${adminListTitle(n)}"\nslug: ${adminListSlug(n)}\ndate: ${date}\nauthor: ${adminListAuthor(n)}\ntags: ["${adminListTag}"]\ndraft: true\n---\n\n${body}\n`,
    );
  }
  return dir;
}
