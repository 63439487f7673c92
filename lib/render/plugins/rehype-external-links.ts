import type { Root } from "hast";
import { visit } from "unist-util-visit";

// Links to other sites must not hand them `window.opener` or our URL as referrer.
const EXTERNAL = /^(?:https?:)?\/\//i;

export function rehypeExternalLinks() {
  return (tree: Root) => {
    visit(tree, "element", (node) => {
      const href = node.properties.href;
      if (node.tagName === "a" && typeof href === "string" && EXTERNAL.test(href)) {
        node.properties.rel = ["noopener", "noreferrer"];
      }
    });
  };
}
