import type { PostFormat } from "@/lib/content/types";
import { escapeMdxHeadingIds } from "./heading-id-escape";
import { expandHugoShortcodes } from "./hugo-shortcodes";

/**
 * The text-level steps that must happen before parsing. Line endings are normalised first because the source rewrites
 * work line by line and imported Windows files use CRLF. For MDX the line numbers stay those of the body, so errors
 * from `checkPostBody` point at what the editor typed.
 */
export function prepareSource(body: string, format: PostFormat): string {
  const text = body.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  return format === "md" ? expandHugoShortcodes(text) : escapeMdxHeadingIds(text);
}
