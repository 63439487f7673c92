import type { Root } from "hast";
import { visit } from "unist-util-visit";
import { decodeOrKeep } from "@/lib/url";

/**
 * The sanitizer prefixes every id it lets through with `user-content-` (so a post cannot clobber globals such as
 * `window.location` through named elements), but leaves `href="#…"` alone, which breaks footnotes and links to ids
 * written in raw HTML. In-page links whose target only exists in prefixed form are pointed at the prefixed id.
 */

const PREFIX = "user-content-";

export function rehypeFragmentLinks() {
  return (tree: Root) => {
    const ids = new Set<string>();
    visit(tree, "element", (node) => {
      if (typeof node.properties.id === "string") ids.add(node.properties.id);
    });
    visit(tree, "element", (node) => {
      const href = node.properties.href;
      if (node.tagName !== "a" || typeof href !== "string" || !href.startsWith("#")) return;
      const target = decodeOrKeep(href.slice(1));
      if (!ids.has(target) && ids.has(PREFIX + target)) node.properties.href = `#${PREFIX}${target}`;
    });
  };
}
