import { z } from "zod";

/**
 * What just happened, carried in the URL across a navigation the editor caused (a new post moving to its edit page, a
 * restore): the component that would have said it is gone by the time the next page shows.
 */
const noticeSchema = z.enum(["saved", "published", "restored"]);
export type EditorNotice = z.infer<typeof noticeSchema>;

export const noticeText: Record<EditorNotice, string> = {
  saved: "Saved",
  published: "Published",
  restored: "Restored",
};

export function noticeFrom(value: string | string[] | undefined): EditorNotice | null {
  const parsed = noticeSchema.safeParse(Array.isArray(value) ? value[0] : value);
  return parsed.success ? parsed.data : null;
}
