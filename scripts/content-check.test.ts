import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parsePostSource, parseStrictPostSource } from "../lib/content/front-matter";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..");
const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");

async function check(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout } = await run(process.execPath, [tsx, path.join(root, "scripts", "content-check.ts"), ...args], {
      cwd: root,
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? "" };
  }
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "digest-check-"));
  await writeFile(path.join(dir, "2026-01-01-good.md"), "---\ntitle: 好\ndate: 2026-01-01\n---\n正文\n");
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("content-check", () => {
  it("exits 1 and prints file:line: message for a broken file", async () => {
    await writeFile(path.join(dir, "2026-01-02-broken.md"), "---\ntitle: 坏\ndate: 2026-01-02\n  oops: x\n---\n");
    await writeFile(path.join(dir, "2026-01-03-undated-ok.md"), "---\ndate:\ntitle: ok\n---\n");
    const { code, stdout } = await check([dir]);
    expect(code).toBe(1);
    expect(stdout).toContain(`${path.join(dir, "2026-01-02-broken.md")}:4: front matter: bad indentation of a mapping entry\n`);
    expect(stdout).toContain(`${path.join(dir, "2026-01-03-undated-ok.md")}: warning: date is missing`);
    expect(stdout).toMatch(/2 posts \(0 drafts\), 1 problem, 1 warning\n$/);
    expect(stdout).not.toContain("[content]");
  });

  it("exits 0 for a clean folder given by CONTENT_DIR", async () => {
    const { code, stdout } = await check([], { CONTENT_DIR: dir });
    expect(code).toBe(0);
    expect(stdout).toBe(`content:check ${dir}: 1 post (0 drafts), 0 problems, 0 warnings\n`);
  });

  it("prints each repair as a warning with file and line, and exits 0 when only warnings remain", async () => {
    const file = path.join(dir, "2018-07-25-envoy.md");
    await writeFile(file, '---\ntitle: "Envoy线程模型”\n原文链接：https://example.com/envoy\ndate: 2018/07/25\n---\n正文\n');
    const { code, stdout } = await check([dir]);
    expect(code).toBe(0);
    expect(stdout).toContain(`${file}:2: warning: closing quote ” read as "\n`);
    expect(stdout).toContain(`${file}:3: warning: full-width colon ： read as :\n`);
    expect(stdout).toContain(`${file}:3: warning: key 原文链接 read as source\n`);
    expect(stdout).toContain(`${file}:4: warning: date 2018/07/25 read as 2018-07-25\n`);
    expect(stdout).toMatch(/2 posts \(0 drafts\), 0 problems, 4 warnings\n$/);
  });

  it("--fix rewrites repaired files as strict front matter, body byte for byte, and the strict reader reads the same post", async () => {
    const broken: Record<string, string> = {
      "2018-07-25-quotes.md": '---\ntitle: "Envoy线程模型”\ntags: ["gRPC-Web”,"istio"]\ndate: 2018-07-25\n---\n正文：不是字段\n\n---\n\n末尾没有换行',
      "2018-07-26-keys.md": "---\n---\n标题：Istio: 是一只鸟吗？\n作者：Jeronimo (Jerry) Garcia\n译者：maiyang\n发布时间：018-10-16，2018-10-24\n---\n\n# 标题\n",
      "2018-07-27-bom-crlf.md": "\uFEFF---\r\ntitle: 'CRLF’\r\ntags:\r\n\t- a\r\ndate: ２０１８年７月２７日\r\n---\r\n正文\r\n第二行\r\n",
      "2018-07-28-toml.md": '+++\ntitle = "TOML”\n作者：张三\ndate = 2018/07/28\n+++\n正文\n',
      "2018-07-29-heading.md": "---\n原文链接：https://example.com/x\n发布时间：2018-07-29\n---\n# 从标题来的标题\n正文\n",
    };
    for (const [name, raw] of Object.entries(broken)) await writeFile(path.join(dir, name), raw);

    const first = await check([dir, "--fix"]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/6 posts \(0 drafts\), 0 problems, \d+ warnings, 5 files fixed\n$/);

    for (const [name, before] of Object.entries(broken)) {
      const file = path.join(dir, name);
      const after = await readFile(file, "utf8");
      expect(first.stdout).toContain(`${file}: fixed: `);
      const strict = parseStrictPostSource(file, after);
      if (!strict.ok) throw new Error(`${name} is not strict after --fix: ${strict.problem.line}: ${strict.problem.message}`);
      const tolerant = parsePostSource(file, before);
      expect(tolerant.ok && tolerant.post, name).toEqual(strict.post);
      expect(strict.warnings, name).toEqual([]);
      // The body, bytes and line endings as they were, is what follows the (new) front matter.
      const body = bodyBytes(after);
      expect(before.endsWith(body), name).toBe(true);
      expect(body.replace(/\r\n/g, "\n"), name).toBe(strict.post.body);
    }
    expect((await readFile(path.join(dir, "2018-07-27-bom-crlf.md"), "utf8")).startsWith("\uFEFF---\r\ntitle: 'CRLF'\r\n")).toBe(true);
    // No temp file is left behind, and the unrepaired good post is untouched.
    expect((await readdir(dir)).sort()).toEqual(["2026-01-01-good.md", ...Object.keys(broken)].sort());
    expect(await readFile(path.join(dir, "2026-01-01-good.md"), "utf8")).toBe("---\ntitle: 好\ndate: 2026-01-01\n---\n正文\n");

    const second = await check([dir]);
    expect(second.stdout).toBe(`content:check ${dir}: 6 posts (0 drafts), 0 problems, 0 warnings\n`);
  });

  it("--fix leaves a file it cannot repair alone and still exits 1 for it", async () => {
    const file = path.join(dir, "2026-01-02-broken.md");
    const raw = "---\ntitle: 坏\ndate: 2026-01-02\n  oops: x\n---\n";
    await writeFile(file, raw);
    const { code, stdout } = await check([dir, "--fix"]);
    expect(code).toBe(1);
    expect(stdout).toContain(`${file}:4: front matter: bad indentation of a mapping entry\n`);
    expect(stdout).toMatch(/, 0 files fixed\n$/);
    expect(await readFile(file, "utf8")).toBe(raw);
  });
});

/** The bytes after the front matter's closing line (both `---` and `+++`). */
function bodyBytes(raw: string): string {
  const lines = raw.replace(/^\uFEFF/, "").split(/(?<=\n)/);
  const opener = lines[0].trim();
  const close = lines.findIndex((line, index) => index > 0 && line.trim() === opener);
  return lines.slice(close + 1).join("");
}
