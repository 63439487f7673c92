import type { Element, Root } from "hast";
import { visit } from "unist-util-visit";
import { decodeOrKeep } from "@/lib/url";

/**
 * The last word on ids, run after every plugin that can set one. The sanitizer prefixes the ids and names it lets through
 * with `user-content-`, but the heading-id plugins run after it (Hugo `{#id}` anchors must stay as written), so
 * `## x {#__next_f}` or a heading titled `__next_f` would name an element after a global the page's scripts read
 * before defining (`self.__next_f = self.__next_f || []`: the element wins and hydration breaks). An element with an
 * id becomes `window[id]` unless a real property of that name exists, so what is dangerous is a name scripts expect
 * to be unset: the framework's (`__next*`, `_N_E`, webpack/Turbopack chunk arrays, React's `$R…` helpers) and
 * anything starting with `_` or `$`, which is how such globals are spelled. Those ids get the prefix too, and links
 * to them are pointed at the new id.
 */

export const ID_PREFIX = "user-content-";

// Case-sensitive, as named access on window is: `webpack-配置` (a heading about webpack) is fine, `webpackChunk_N_E` is not.
const RESERVED = /^(?:[_$]|next$|webpackChunk|TURBOPACK|React)/;

/** Whether an id (or name) the post chose may stand unprefixed on the page. */
export function isSafeId(id: string): boolean {
  return id.startsWith(ID_PREFIX) || !RESERVED.test(id);
}

function safe(id: string): string {
  return isSafeId(id) ? id : ID_PREFIX + id;
}

export function rehypeSafeIds() {
  return (tree: Root) => {
    const renamed = new Map<string, string>();
    visit(tree, "element", (node: Element) => {
      for (const key of ["id", "name"] as const) {
        const value = node.properties[key];
        if (typeof value === "string" && !isSafeId(value)) {
          node.properties[key] = safe(value);
          if (key === "id") renamed.set(value, safe(value));
        }
      }
    });
    if (renamed.size === 0) return;
    visit(tree, "element", (node: Element) => {
      const href = node.properties.href;
      if (node.tagName !== "a" || typeof href !== "string" || !href.startsWith("#")) return;
      const target = renamed.get(decodeOrKeep(href.slice(1)));
      if (target) node.properties.href = `#${target}`;
    });
  };
}
