import { performance } from "node:perf_hooks";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { excerptFrom, withoutLeadingTitle } from "@/lib/content/excerpt";
import { inlineMarkdownToText, stripShortcodes } from "@/lib/content/markdown-text";
import { countWords } from "@/lib/content/reading-time";
import { plainText } from "@/lib/search/plain-text";
import { tokenize } from "@/lib/search/tokenize";
import { checkPostBody, renderPost } from "./index";
import { prepareSource } from "./prepare-source";
import { ADVERSARIAL_BODIES, CHEAP_TO_PARSE } from "./testing/adversarial-bodies";

/**
 * Issue 9 item 10: a pattern that backtracks over a long run (`{{<a` + 200,000 spaces) blocked the process for ~20 s,
 * on every live preview. Every body here is the longest an editor may save (MAX_BODY_CHARS), shaped to make a
 * backtracking pattern or a naive scan quadratic.
 *
 * Our own text steps (the source rewrites before parsing, excerpt, reading time, plain text, search tokens) get every
 * shape under a flat limit: linear code reads 200,000 characters in tens of milliseconds, a quadratic step needs
 * seconds. The whole render (parse, sanitize, React) is timed on the shapes the parser reads as a few nodes: a body
 * of 200,000 characters of markup is tens of thousands of nodes and takes seconds however linear the code, and on a
 * few shapes the parser itself is quadratic (see README, "Security": nesting is bounded before parsing, the
 * per-paragraph cases are not).
 */

const LENGTH = 200_000;
const HELPER_LIMIT_MS = 750;
const RENDER_LIMIT_MS = 1_500;

function elapsed(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

async function elapsedAsync(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

const HELPERS: Record<string, (body: string) => unknown> = {
  "prepareSource (md: shortcodes, nesting)": (body) => prepareSource(body, "md"),
  "prepareSource (mdx: heading ids, nesting)": (body) => prepareSource(body, "mdx"),
  withoutLeadingTitle: (body) => withoutLeadingTitle(body, "x"),
  excerptFrom: (body) => excerptFrom(body, "x"),
  countWords,
  "inlineMarkdownToText (the body as one line)": inlineMarkdownToText,
  stripShortcodes,
  "plainText + tokenize (search index)": (body) => tokenize(plainText(body)),
};

const shapes = Object.entries(ADVERSARIAL_BODIES);

describe("adversarial bodies of 200,000 characters", () => {
  it("has the shapes the issue names", () => {
    expect(shapes.length).toBeGreaterThanOrEqual(40);
    for (const [name, shape] of shapes) expect(shape(LENGTH), name).toHaveLength(LENGTH);
  });

  describe("text helpers (excerpt, reading time, plain text, search tokens)", () => {
    it.each(shapes)(`%s: each helper under ${HELPER_LIMIT_MS} ms`, (_name, shape) => {
      const body = shape(LENGTH);
      for (const [helper, run] of Object.entries(HELPERS)) {
        expect(elapsed(() => run(body)), helper).toBeLessThan(HELPER_LIMIT_MS);
      }
    });
  });

  describe("rendering (preview and post page): checkPostBody and renderPost", () => {
    // A body the pipeline cannot take is rendered as text and logged; that is allowed here, only the time is measured.
    beforeAll(async () => {
      vi.spyOn(console, "error").mockImplementation(() => {});
      // The first compile loads the grammars and plugins; that is not what is measured.
      await renderPost({ body: "# a\n\nb", format: "md" });
    });
    afterAll(() => {
      vi.restoreAllMocks();
    });

    const cheap = shapes.filter(([name]) => CHEAP_TO_PARSE.has(name));
    it("times the render of at least 20 shapes", () => {
      expect(cheap.length).toBeGreaterThanOrEqual(20);
      for (const name of CHEAP_TO_PARSE) expect(ADVERSARIAL_BODIES, name).toHaveProperty([name]);
    });

    for (const format of ["md", "mdx"] as const) {
      it.each(cheap)(`%s (${format}): check and render each under ${RENDER_LIMIT_MS} ms`, async (_name, shape) => {
        const body = shape(LENGTH);
        expect(await elapsedAsync(() => checkPostBody({ body, format })), "checkPostBody").toBeLessThan(RENDER_LIMIT_MS);
        const render = async () => renderToStaticMarkup((await renderPost({ body, format })).content);
        expect(await elapsedAsync(render), "renderPost").toBeLessThan(RENDER_LIMIT_MS);
      }, 120_000);
    }
  });
});
