/**
 * The shape of a PostInput as it is stored in a revision snapshot (JSON text). Snapshots are read back from the
 * database, so they are validated like any other outside data.
 */
import { z } from "zod";
import type { PostInput } from "./types";

export const postInputSchema = z.object({
  slug: z.string().min(1),
  title: z.string(),
  date: z.string().refine((value) => !Number.isNaN(Date.parse(value)), "not a date"),
  author: z.string().nullable(),
  source: z.string().nullable(),
  description: z.string().nullable(),
  tags: z.array(z.string()),
  categories: z.array(z.string()),
  draft: z.boolean(),
  format: z.enum(["md", "mdx"]),
  body: z.string(),
  extra: z.record(z.string(), z.unknown()),
}) satisfies z.ZodType<PostInput>;

export function parseSnapshot(json: string): PostInput {
  return postInputSchema.parse(JSON.parse(json));
}
