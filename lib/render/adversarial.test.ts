import { performance } from "node:perf_hooks";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { excerptFrom, withoutLeadingTitle } from "@/lib/content/excerpt";
import { inlineMarkdownToText, stripShortcodes } from "@/lib/content/markdown-text";
import { countWords } from "@/lib/content/reading-time";
import { plainText } from "@/lib/search/plain-text";
import { tokenize } from "@/lib/search/tokenize";
import { checkPostBody, renderPost } from "./index";
import { ADVERSARIAL_BODIES } from "./testing/adversarial-bodies";

/**
 * Issue 9 item 10: a pattern that backtracks over a long run (`{{<a` + 200,000 spaces) blocked the process for ~20 s,
 * on every live preview. Every body here is the longest an editor may save (MAX_BODY_CHARS), shaped to make a
 * backtracking pattern or a naive scan quadratic.
 *
 * The text helpers are given a flat limit: linear code reads 200,000 characters in a few tens of milliseconds, a
 * quadratic step needs seconds. Rendering costs differ by shape (200,000 characters of `[a]: b` lines are ~28,000
 * definitions, each a node), so a render is held to how the same shape renders at a tenth of the size: linear code
 * takes ~10× as long, quadratic ~100×, and the limit sits at 30× (plus a floor for small, noisy times).
 */

const LENGTH = 200_000;
const HELPER_LIMIT_MS = 750;
const RENDER_FLOOR_MS = 1_500;
const RENDER_GROWTH_LIMIT = 30;

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

  describe("rendering (preview and post page): renderPost and checkPostBody", () => {
    // A body the pipeline cannot take is rendered as text and logged; that is allowed here, only the time is measured.
    beforeAll(() => {
      vi.spyOn(console, "error").mockImplementation(() => {});
    });
    afterAll(() => {
      vi.restoreAllMocks();
    });

    for (const format of ["md", "mdx"] as const) {
      const render = async (body: string) => {
        await checkPostBody({ body, format });
        renderToStaticMarkup((await renderPost({ body, format })).content);
      };

      it.each(shapes)(`%s (${format}): grows linearly`, async (_name, shape) => {
        const small = await elapsedAsync(() => render(shape(LENGTH / 10)));
        const limit = Math.max(RENDER_FLOOR_MS, small * RENDER_GROWTH_LIMIT);
        expect(await elapsedAsync(() => render(shape(LENGTH)))).toBeLessThan(limit);
      }, 120_000);
    }
  });
});
