import type { Element, Root } from "hast";
import { visit } from "unist-util-visit";

/**
 * Hugo's `## Title {#custom-id}` pins a heading's anchor (the k8s posts use it so that translated headings keep the
 * English anchors). The marker is removed from the text and becomes the id, which rehype-slug then leaves alone.
 * It runs after sanitizing so the id is not given the sanitizer's `user-content-` prefix.
 */

const HEADING = /^h[1-6]$/;
// No leading blanks in the pattern: tried at every blank of a long run before a marker that never comes, they made the
// search quadratic (`## x {#` + 200,000 spaces + `x}`). The blanks before the marker go with trimEnd below instead.
const CUSTOM_ID = /\{#([^\s{}]+)\}[ \t]*$/;

function applyCustomId(heading: Element): void {
  const last = heading.children.at(-1);
  if (last?.type !== "text") return;
  const marker = CUSTOM_ID.exec(last.value);
  if (!marker) return;
  heading.properties.id = marker[1];
  last.value = last.value.slice(0, marker.index).trimEnd();
  if (last.value === "") heading.children.pop();
}

export function rehypeHeadingCustomId() {
  return (tree: Root) => {
    visit(tree, "element", (node) => {
      if (HEADING.test(node.tagName)) applyCustomId(node);
    });
  };
}
