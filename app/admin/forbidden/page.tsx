import type { Metadata } from "next";
import Link from "next/link";
import { AdminShell } from "@/components/admin/admin-shell";
import { linkClass } from "@/components/admin/styles";
import { requireEditorPage } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Not allowed", robots: { index: false, follow: false } };

/** Where lib/auth/guards.ts sends a signed-in editor whose role may not open a page. */
export default async function ForbiddenPage() {
  const editor = await requireEditorPage("/admin");
  return (
    <AdminShell editor={editor} section={null}>
      <h1 className="mb-2 text-2xl font-semibold text-slate-900 dark:text-white">Not allowed</h1>
      <p role="alert" className="mb-4 text-sm">
        Your role ({editor.role}) does not allow opening that page. An editor or an admin can help.
      </p>
      <Link href="/admin" className={linkClass}>
        Back to the posts
      </Link>
    </AdminShell>
  );
}
