import type { ReactNode } from "react";
import { headers } from "next/headers";
import { requireEditorPage } from "@/lib/auth/guards";
import { REQUEST_PATH_HEADER } from "@/lib/auth/request-path";

/**
 * Every page in this group needs a signed-in editor. Layouts are not told the path, so proxy.ts passes it in a
 * request header for the callback URL. Pages still call `requireEditorPage(path)` themselves: a layout is not
 * re-rendered on client-side navigation, and server actions check through `editorAction`.
 */
export default async function EditorLayout({ children }: { children: ReactNode }) {
  const path = (await headers()).get(REQUEST_PATH_HEADER) ?? "/admin";
  await requireEditorPage(path);
  return children;
}
