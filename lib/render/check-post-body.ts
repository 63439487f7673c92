import { compile } from "@mdx-js/mdx";
import { z } from "zod";
import { mdxOptionsFor } from "./pipeline";
import { prepareSource } from "./prepare-source";
import { renderInputSchema, type BodyCheck, type RenderInput } from "./types";

// What the MDX compiler throws is a VFileMessage (line/column 1-based, `reason` without the position prefix); anything
// else thrown by a plugin is read as a plain Error.
const compileErrorSchema = z.object({
  line: z.number().int().positive().nullish(),
  column: z.number().int().positive().nullish(),
  reason: z.string().optional(),
  message: z.string().optional(),
});

// Some errors (an unclosed JSX tag) carry no place, only a `(line:column-line:column)` in their text.
const POSITION_IN_TEXT = /\((\d+):(\d+)(?:-\d+:\d+)?\)/;

/**
 * Compiles a body exactly as `renderPost` would, without evaluating it, so editors see MDX syntax errors with their
 * position before saving. `line` and `column` are 1-based positions in `body` (null when the compiler gives none).
 */
export async function checkPostBody(input: RenderInput): Promise<BodyCheck> {
  const { body, format } = renderInputSchema.parse(input);
  try {
    await compile(prepareSource(body, format), { ...mdxOptionsFor(format), development: false });
    return { ok: true };
  } catch (error) {
    const parsed = compileErrorSchema.safeParse(error);
    const details = parsed.success ? parsed.data : {};
    const message = details.reason ?? details.message ?? String(error);
    const inText = POSITION_IN_TEXT.exec(message);
    return {
      ok: false,
      line: details.line ?? (inText ? Number(inText[1]) : null),
      column: details.column ?? (inText ? Number(inText[2]) : null),
      message,
    };
  }
}
