import type { Root } from "hast";
import { visit } from "unist-util-visit";

// Weekly digests carry many screenshots; only those near the viewport should load with the page.
export function rehypeLazyImages() {
  return (tree: Root) => {
    visit(tree, "element", (node) => {
      if (node.tagName === "img") {
        node.properties.loading = "lazy";
        node.properties.decoding = "async";
      }
    });
  };
}
