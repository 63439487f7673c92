import { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";

/**
 * GitHub's schema (rehype-sanitize's default), widened only by the elements the Hugo shortcodes produce. Everything
 * outside it is dropped: scripts, styles, frames, event handlers, and URLs other than http(s)/mailto (and relative ones)
 * in `href`, `src`, `cite`. `data:` images are refused too: they would let a post embed arbitrary SVG.
 */

const CALLOUT_CLASSES = ["callout", "callout-note", "callout-caution", "callout-warning"];

export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), "aside", "figure", "figcaption", "caption", "mark", "abbr", "u", "small"],
  attributes: {
    ...defaultSchema.attributes,
    blockquote: [...(defaultSchema.attributes?.blockquote ?? []), ["className", ...CALLOUT_CLASSES]],
    p: [...(defaultSchema.attributes?.p ?? []), ["className", "callout-title"]],
  },
  // These elements' text is code or fallback markup, not prose: remove it with the element instead of unwrapping it.
  strip: ["script", "style", "template", "iframe", "object", "embed", "noscript", "noembed", "noframes", "textarea", "title", "xmp"],
};
