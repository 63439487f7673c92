import type { ReactElement } from "react";
import { z } from "zod";

export interface TocEntry {
  depth: 2 | 3;
  /** The heading's `id`, as rendered: link to it with `#${encodeURIComponent(id)}` or `#${id}`. */
  id: string;
  text: string;
}

export const renderInputSchema = z.object({
  body: z.string(),
  format: z.enum(["md", "mdx"]),
});

export type RenderInput = z.infer<typeof renderInputSchema>;

export interface RenderedPost {
  content: ReactElement;
  toc: TocEntry[];
}

export type BodyCheck = { ok: true } | { ok: false; line: number | null; column: number | null; message: string };
