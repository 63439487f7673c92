import { z } from "zod";
import type { MessageKey } from "@/lib/i18n/catalogue";

/**
 * What just happened, carried in the URL across a navigation the editor caused (a new post moving to its edit page, a
 * restore): the component that would have said it is gone by the time the next page shows.
 */
const noticeSchema = z.enum(["saved", "published", "scheduled", "restored"]);
export type EditorNotice = z.infer<typeof noticeSchema>;

export const noticeMessage = {
  saved: "editor.saved",
  published: "editor.published",
  scheduled: "editor.scheduled",
  restored: "editor.restored",
} as const satisfies Record<EditorNotice, MessageKey>;

export function noticeFrom(value: string | string[] | undefined): EditorNotice | null {
  const parsed = noticeSchema.safeParse(Array.isArray(value) ? value[0] : value);
  return parsed.success ? parsed.data : null;
}
