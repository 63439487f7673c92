import type { PostFormat } from "@/lib/content/types";
import { escapeMdxHeadingIds } from "./heading-id-escape";
import { expandHugoShortcodes } from "./hugo-shortcodes";
import { limitNesting } from "./nesting-limit";

/**
 * The text-level steps that must happen before parsing. Line endings are normalised first because the source rewrites
 * work line by line and imported Windows files use CRLF. For MDX the line numbers stay those of the body, so errors
 * from `checkPostBody` point at what the editor typed. Nesting is bounded last, on the text the parser will read.
 */
export function prepareSource(body: string, format: PostFormat): string {
  const text = body.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  return limitNesting(format === "md" ? expandHugoShortcodes(text) : escapeMdxHeadingIds(text));
}
