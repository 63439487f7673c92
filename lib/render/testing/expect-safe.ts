import { expect } from "vitest";

/**
 * Unsafe means inside markup: a vector that is not HTML in its format (`<Foo href="javascript:…">` in Markdown) shows up
 * as escaped text, which readers may see but browsers never run.
 */
export function expectSafe(html: string) {
  const tags = html.match(/<[^>]+>/g) ?? [];
  expect(html).not.toMatch(/<script/i);
  expect(tags.filter((tag) => /\son\w+\s*=/i.test(tag))).toEqual([]);
  expect(tags.filter((tag) => /javascript:|vbscript:|="\s*data:/i.test(tag))).toEqual([]);
  expect(tags.filter((tag) => /^<\/?(?:iframe|object|embed|style|link|meta|base|form|svg|math|template)\b/i.test(tag))).toEqual([]);
}
