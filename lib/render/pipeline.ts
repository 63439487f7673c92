import { nodeTypes, type CompileOptions } from "@mdx-js/mdx";
import rehypeAutolinkHeadings from "rehype-autolink-headings";
import rehypeHighlight from "rehype-highlight";
import rehypeRaw from "rehype-raw";
import rehypeSanitize from "rehype-sanitize";
import rehypeSlug from "rehype-slug";
import remarkGfm from "remark-gfm";
import type { Element } from "hast";
import type { PluggableList } from "unified";
import type { PostFormat } from "@/lib/content/types";
import { rehypeExternalLinks } from "./plugins/rehype-external-links";
import { rehypeFragmentLinks } from "./plugins/rehype-fragment-links";
import { rehypeHeadingCustomId } from "./plugins/rehype-heading-custom-id";
import { rehypeLazyImages } from "./plugins/rehype-lazy-images";
import { rehypeLiteralUnknownTags } from "./plugins/rehype-literal-unknown-tags";
import { rehypeMdxJsxToHtml } from "./plugins/rehype-mdx-jsx-to-html";
import { rehypeSafeIds } from "./plugins/rehype-safe-ids";
import { HEADING_ANCHOR_CLASS, hasClass } from "./plugins/rehype-toc";
import { sanitizeSchema } from "./sanitize-schema";

/**
 * The unified plugin lists for both formats, built once per process. Order matters: everything an editor can write is
 * turned into plain hast first (JSX → elements, raw HTML → parsed), then sanitized; only after that do our own
 * plugins add ids, anchors, highlighting and link attributes, which the sanitizer would otherwise strip.
 */

export type MdxOptions = Omit<CompileOptions, "outputFormat" | "providerImportSource">;

// rehype-highlight builds a lowlight instance (registering every grammar) each time it is attached, and compile()
// attaches plugins on every call. Attaching a transformer made once shares one instance across all posts.
const highlight = rehypeHighlight({ detect: false, plainText: ["text", "txt", "plain", "none", "mermaid"] });
const sharedHighlight = () => highlight;

const safeTree: PluggableList = [
  [rehypeRaw, { passThrough: nodeTypes }],
  [rehypeSanitize, sanitizeSchema],
  rehypeHeadingCustomId,
  rehypeSlug,
  rehypeFragmentLinks,
  [
    rehypeAutolinkHeadings,
    {
      behavior: "append",
      // The footnotes heading is screen-reader-only; an anchor there would be an invisible link.
      test: (node: Element) => !hasClass(node, "sr-only"),
      properties: { className: [HEADING_ANCHOR_CLASS], ariaLabel: "链接到此标题" },
      content: { type: "element", tagName: "span", properties: { ariaHidden: "true" }, children: [{ type: "text", value: "#" }] },
    },
  ],
  sharedHighlight,
  rehypeExternalLinks,
  rehypeLazyImages,
  // Last of the plugins that change the tree: no id a post chose can name a global the page's scripts rely on.
  rehypeSafeIds,
];

const remarkRehypeOptions: MdxOptions["remarkRehypeOptions"] = {
  // The sanitizer adds `user-content-` itself; rehype-fragment-links re-points the footnote links at it.
  clobberPrefix: "",
  footnoteLabel: "脚注",
  footnoteBackLabel: (referenceIndex, rereferenceIndex) =>
    `返回引用 ${referenceIndex + 1}${rereferenceIndex > 1 ? `-${rereferenceIndex}` : ""}`,
};

const OPTIONS: Record<PostFormat, MdxOptions> = {
  md: {
    format: "md",
    remarkPlugins: [remarkGfm],
    rehypePlugins: [rehypeLiteralUnknownTags, ...safeTree],
    remarkRehypeOptions,
  },
  mdx: {
    format: "mdx",
    remarkPlugins: [remarkGfm],
    rehypePlugins: [rehypeMdxJsxToHtml, ...safeTree],
    remarkRehypeOptions,
  },
};

/**
 * Compile options for `format`, with `extraRehype` appended: per-call collectors such as the TOC, which read the
 * finished tree (ids included) and must not change it.
 */
export function mdxOptionsFor(format: PostFormat, extraRehype: PluggableList = []): MdxOptions {
  const base = OPTIONS[format];
  return extraRehype.length === 0 ? base : { ...base, rehypePlugins: [...(base.rehypePlugins ?? []), ...extraRehype] };
}
