"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { restorePost } from "@/app/admin/actions";
import { failureMessage } from "./action-feedback";
import { useHydrated } from "./use-hydrated";
import { thrownActionMessage } from "./thrown-action-message";
import { editPath, revisionsPath } from "./paths";
import { linkClass, primaryButtonClass } from "./styles";

/** The edit page of a deleted post: nothing to edit until it is restored. */
export function DeletedPostNotice({ slug, title }: { slug: string; title: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();
  const busy = pending || !hydrated;
  const [error, setError] = useState<string | null>(null);

  function restore() {
    setError(null);
    startTransition(async () => {
      try {
        const result = await restorePost(undefined, { slug });
        if (!result.ok) return setError(failureMessage(result));
        router.replace(editPath(result.data.slug, "restored"));
        router.refresh();
      } catch {
        setError(await thrownActionMessage());
      }
    });
  }

  return (
    <section aria-labelledby="deleted-heading" className="rounded-lg border border-red-200 bg-red-50 p-6 dark:border-red-900 dark:bg-red-950/50">
      <h1 id="deleted-heading" className="text-xl font-semibold text-red-900 dark:text-red-100">
        This post is deleted
      </h1>
      <p className="mt-2 text-sm text-red-900 dark:text-red-100">
        “{title}” is hidden from readers. Restore it to edit it again; its text and history are kept.
      </p>
      <div className="mt-4 flex flex-wrap items-center gap-4">
        <button type="button" disabled={busy} onClick={restore} className={primaryButtonClass}>
          Restore
        </button>
        <Link href={revisionsPath(slug)} className={`${linkClass} text-sm`}>
          Revisions
        </Link>
      </div>
      <p role="status" aria-live="polite" className={error ? "mt-3 text-sm text-red-800 dark:text-red-200" : "sr-only"}>
        {error ?? ""}
      </p>
    </section>
  );
}
