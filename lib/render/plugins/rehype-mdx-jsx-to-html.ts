import type { ElementContent, Properties, Root, RootContent } from "hast";
import type { MdxJsxFlowElementHast, MdxJsxTextElementHast } from "mdast-util-mdx-jsx";
import { find, html } from "property-information";

/**
 * JSX typed into an MDX post would otherwise reach React as real elements, with whatever attributes the editor wrote
 * (`<img onError="…">`), and never pass the sanitizer, which does not know MDX nodes. Lowercase tags become plain hast
 * elements so the sanitizer judges them like raw HTML; components (`<Foo/>`, `<a.b/>`, fragments) are unwrapped to their
 * children, since posts have no components to reference. Attribute expressions are already gone (next-mdx-remote's
 * `blockJS`), and any left over are dropped here rather than trusted.
 */

type JsxElement = MdxJsxFlowElementHast | MdxJsxTextElementHast;

const HTML_TAG_NAME = /^[a-z][a-z0-9]*$/;

function isJsxElement(node: RootContent): node is JsxElement {
  return node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement";
}

// A split on the pattern `\s*,\s*`, by hand: tried at every blank of a long run with no comma after it, the pattern's
// leading `\s*` made the split quadratic (`accept="a` + 200,000 spaces + `b"`). Blanks next to a comma go, as they did.
function splitCommas(value: string): string[] {
  const parts = value.split(",");
  return parts.map((part, index) => {
    const start = index === 0 ? part : part.trimStart();
    return index === parts.length - 1 ? start : start.trimEnd();
  });
}

function toProperties(element: JsxElement): Properties {
  const properties: Properties = {};
  for (const attribute of element.attributes) {
    if (attribute.type !== "mdxJsxAttribute") continue;
    const { value } = attribute;
    if (value !== null && value !== undefined && typeof value !== "string") continue;
    const info = find(html, attribute.name);
    if (value === null || value === undefined) {
      properties[info.property] = true;
    } else if (info.spaceSeparated || info.commaSeparated) {
      properties[info.property] = (info.commaSeparated ? splitCommas(value) : value.split(/\s+/)).filter(Boolean);
    } else {
      properties[info.property] = value;
    }
  }
  return properties;
}

function convert(children: RootContent[]): RootContent[] {
  const result: RootContent[] = [];
  for (const child of children) {
    if (isJsxElement(child)) {
      const inner = convert(child.children) as ElementContent[];
      if (child.name !== null && HTML_TAG_NAME.test(child.name)) {
        result.push({ type: "element", tagName: child.name, properties: toProperties(child), children: inner, position: child.position });
      } else {
        result.push(...inner);
      }
    } else if (child.type === "element") {
      child.children = convert(child.children) as ElementContent[];
      result.push(child);
    } else {
      result.push(child);
    }
  }
  return result;
}

export function rehypeMdxJsxToHtml() {
  return (tree: Root) => {
    tree.children = convert(tree.children);
  };
}
