import type { Element, ElementContent, Root } from "hast";
import { toString } from "hast-util-to-string";
import { visit } from "unist-util-visit";
import type { TocEntry } from "../types";

/** Class of the link rehype-autolink-headings appends to each heading; its text is not part of the heading's title. */
export const HEADING_ANCHOR_CLASS = "heading-anchor";

export function hasClass(node: ElementContent, name: string): boolean {
  const className = node.type === "element" ? node.properties.className : undefined;
  return Array.isArray(className) && className.includes(name);
}

function headingText(heading: Element): string {
  return heading.children
    .filter((child) => !hasClass(child, HEADING_ANCHOR_CLASS))
    .map((child) => toString(child))
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}

export interface RehypeTocOptions {
  /** Receives the entries; compileMDX gives no access to the file, so the result leaves through this callback. */
  onToc: (toc: TocEntry[]) => void;
}

/** Collects h2/h3 headings with an id, in document order, from the finished tree; the hidden footnotes heading is not one. */
export function rehypeToc({ onToc }: RehypeTocOptions) {
  return (tree: Root) => {
    const toc: TocEntry[] = [];
    visit(tree, "element", (node) => {
      if ((node.tagName === "h2" || node.tagName === "h3") && typeof node.properties.id === "string" && !hasClass(node, "sr-only")) {
        const text = headingText(node);
        if (text) toc.push({ depth: node.tagName === "h2" ? 2 : 3, id: node.properties.id, text });
      }
    });
    onToc(toc);
  };
}
