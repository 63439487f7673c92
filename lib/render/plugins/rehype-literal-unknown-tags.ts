import type { Root, RootContent } from "hast";
import { htmlTagNames } from "html-tag-names";

/**
 * Prose placeholders such as `kubectl logs <pod-name>` are valid HTML tag syntax for Markdown, so the browser (and
 * rehype-raw) would open an unknown element and the sanitizer would drop it: the words vanish. A raw node that is a
 * single tag with a name HTML does not define is turned back into the text the author typed.
 */

const SINGLE_TAG = /^<\/?([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?\/?>$/;
const KNOWN_TAGS = new Set<string>([...htmlTagNames, "svg", "math"]);

function literalize(children: RootContent[]): void {
  for (let index = 0; index < children.length; index++) {
    const child = children[index];
    if (child.type === "raw") {
      const tag = SINGLE_TAG.exec(child.value.trim());
      if (tag && !KNOWN_TAGS.has(tag[1].toLowerCase())) {
        children[index] = { type: "text", value: child.value, position: child.position };
      }
    } else if ("children" in child) {
      literalize(child.children);
    }
  }
}

export function rehypeLiteralUnknownTags() {
  return (tree: Root) => {
    literalize(tree.children);
  };
}
