import { compileMDX } from "next-mdx-remote/rsc";
import { createElement, Fragment, type ReactElement } from "react";
import type { PostFormat } from "@/lib/content/types";
import { mdxOptionsFor } from "./pipeline";
import { rehypeToc } from "./plugins/rehype-toc";
import { prepareSource } from "./prepare-source";
import { renderInputSchema, type RenderInput, type RenderedPost, type TocEntry } from "./types";

async function compile(body: string, format: PostFormat): Promise<RenderedPost> {
  let toc: TocEntry[] = [];
  const { content } = await compileMDX({
    source: prepareSource(body, format),
    options: {
      // Both are next-mdx-remote's defaults; spelled out because they are what makes MDX bodies safe to evaluate.
      blockJS: true,
      blockDangerousJS: true,
      mdxOptions: mdxOptionsFor(format, [[rehypeToc, { onToc: (entries: TocEntry[]) => (toc = entries) }]]),
    },
  });
  return { content, toc };
}

/** Last resort when even the Markdown pipeline fails: the text, paragraph by paragraph, never interpreted. */
function plainText(body: string): RenderedPost {
  const paragraphs = body.replace(/\r\n?/g, "\n").split(/\n{2,}/).filter((text) => text.trim() !== "");
  const content: ReactElement = createElement(
    Fragment,
    null,
    paragraphs.map((text, index) => createElement("p", { key: index, style: { whiteSpace: "pre-wrap" } }, text)),
  );
  return { content, toc: [] };
}

/**
 * Turns a post body into React for a Server Component, with the h2/h3 table of contents. `.md` is CommonMark + GFM with
 * sanitized raw HTML and Hugo shortcodes; `.mdx` is MDX with every JavaScript expression, import and export removed and
 * JSX sanitized like HTML. An MDX body that does not parse is rendered as Markdown instead, so readers still get the text;
 * use `checkPostBody` to show the error to editors. Never rejects for anything in the body; throws (ZodError) only when
 * `input` is not `{ body: string; format: "md" | "mdx" }`.
 */
export async function renderPost(input: RenderInput): Promise<RenderedPost> {
  const { body, format } = renderInputSchema.parse(input);
  try {
    return await compile(body, format);
  } catch (error) {
    if (format === "mdx") {
      try {
        return await compile(body, "md");
      } catch (markdownError) {
        error = markdownError;
      }
    }
    // Markdown has no syntax errors, so getting here means a bug in the pipeline: say so, but keep the page up.
    console.error("[render] Markdown pipeline failed; rendering the body as plain text", error);
    return plainText(body);
  }
}
