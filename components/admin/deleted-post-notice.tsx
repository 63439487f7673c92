"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { restorePost } from "@/app/admin/actions";
import { useT } from "./i18n";
import { editPath, revisionsPath } from "./paths";
import { linkClass, primaryButtonClass } from "./styles";
import { useEditorAction } from "./use-editor-action";
import { useHydrated } from "./use-hydrated";

/** The edit page of a deleted post: nothing to edit until it is restored. */
export function DeletedPostNotice({ slug, title }: { slug: string; title: string }) {
  const t = useT();
  const router = useRouter();
  const hydrated = useHydrated();
  const restore = useEditorAction(restorePost);
  const busy = restore.pending || !hydrated;

  async function onRestore() {
    const result = await restore.run({ slug });
    if (!result.ok) return;
    router.replace(editPath(result.data.slug, "restored"));
    router.refresh();
  }

  return (
    <section aria-labelledby="deleted-heading" className="rounded-lg border border-red-200 bg-red-50 p-6 dark:border-red-900 dark:bg-red-950/50">
      <h1 id="deleted-heading" className="text-xl font-semibold text-red-900 dark:text-red-100">
        {t("deleted.heading")}
      </h1>
      <p className="mt-2 text-sm text-red-900 dark:text-red-100">{t("deleted.body", { title })}</p>
      <div className="mt-4 flex flex-wrap items-center gap-4">
        <button type="button" disabled={busy} onClick={() => void onRestore()} className={primaryButtonClass}>
          {t("deleted.restore")}
        </button>
        <Link href={revisionsPath(slug)} className={`${linkClass} text-sm`}>
          {t("deleted.revisions")}
        </Link>
      </div>
      <p role="status" aria-live="polite" className={restore.error ? "mt-3 text-sm text-red-800 dark:text-red-200" : "sr-only"}>
        {restore.error ?? ""}
      </p>
    </section>
  );
}
