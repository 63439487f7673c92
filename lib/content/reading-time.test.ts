import { describe, expect, it } from "vitest";
import { countWords, minutesFor, readingMinutes } from "./reading-time";

const han = (count: number) => "云".repeat(count);
const words = (count: number) => Array.from({ length: count }, () => "word").join(" ");

describe("readingMinutes", () => {
  it("reads Chinese at 400 characters a minute", () => {
    expect(readingMinutes(han(800))).toBe(2);
    expect(readingMinutes(han(801))).toBe(3);
  });

  it("reads Latin words at 200 a minute and adds both", () => {
    expect(readingMinutes(words(400))).toBe(2);
    expect(readingMinutes(`${han(400)} ${words(200)}`)).toBe(2);
    expect(readingMinutes(`${han(401)} ${words(200)}`)).toBe(3);
  });

  it("is at least one minute", () => {
    expect(readingMinutes("")).toBe(1);
  });

  it("ignores HTML comments, including unclosed ones", () => {
    expect(readingMinutes(`<!--\n${words(2000)}\n-->\n${han(400)}`)).toBe(1);
    expect(readingMinutes(`${han(400)}\n<!-- ${words(2000)}`)).toBe(1);
  });

  it("ignores front matter, link and image URLs", () => {
    const url = "https://example.com/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/s/t/u/v/w/x/y/z";
    const links = Array.from({ length: 50 }, () => `[链接](${url}) ![图](${url}) ${url}`).join("\n");
    expect(readingMinutes(`---\ntitle: ${words(500)}\n---\n${links}`)).toBe(1);
    expect(readingMinutes(`[${han(800)}](${url})`)).toBe(2);
  });
});

describe("countWords", () => {
  it("counts CJK characters one by one and Latin words as words, punctuation not at all", () => {
    expect(countWords("云原生技术动态：Kubernetes 1.35 发布了！")).toEqual({ cjkCharacters: 10, words: 2 });
    expect(countWords("It's a well-known e2e test.")).toEqual({ cjkCharacters: 0, words: 5 });
    expect(countWords("カタカナ와 한글")).toEqual({ cjkCharacters: 7, words: 0 });
    expect(countWords("")).toEqual({ cjkCharacters: 0, words: 0 });
  });

  it("does not count what a reader does not read", () => {
    const body = "---\ntitle: 标题不算\n---\n<!-- 注释不算 -->\n[链接文字](https://example.com/不算) ![图片](a.png)\n<div class=\"x\">内容</div>";
    expect(countWords(body)).toEqual({ cjkCharacters: 6, words: 0 });
  });

  it("gives the figures readingMinutes is made of", () => {
    const body = `${han(401)} ${words(200)}`;
    expect(countWords(body)).toEqual({ cjkCharacters: 401, words: 200 });
    expect(minutesFor(countWords(body))).toBe(readingMinutes(body));
    expect(minutesFor({ cjkCharacters: 0, words: 0 })).toBe(1);
  });
});
