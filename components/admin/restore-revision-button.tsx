"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { restoreRevision } from "@/app/admin/actions";
import { failureMessage } from "./action-feedback";
import { useHydrated } from "./use-hydrated";
import { thrownActionMessage } from "./thrown-action-message";
import { revisionsPath } from "./paths";
import { primaryButtonClass } from "./styles";

/**
 * Makes an old revision the current version (recorded as a new revision, so this too can be undone). A refusal because
 * the post changed meanwhile reloads the page, so the diff shown is against what is stored now.
 */
export function RestoreRevisionButton({
  slug,
  revisionId,
  version,
  versionToken,
}: {
  slug: string;
  revisionId: string;
  version: number;
  versionToken: string;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();
  const busy = pending || !hydrated;
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);

  function restore() {
    setMessage(null);
    startTransition(async () => {
      try {
        const result = await restoreRevision(undefined, { slug, revisionId, versionToken });
        if (!result.ok) return setMessage({ tone: "error", text: failureMessage(result) });
        if (result.data.status === "conflict") {
          setMessage({ tone: "error", text: `${result.data.message} The comparison now shows the current version.` });
          router.refresh();
          return;
        }
        setMessage({ tone: "success", text: `Restored version ${version}` });
        router.replace(`${revisionsPath(result.data.post.slug)}?restored=${version}`);
        router.refresh();
      } catch {
        setMessage({ tone: "error", text: await thrownActionMessage() });
      }
    });
  }

  return (
    <div className="flex flex-wrap items-center gap-3">
      <button type="button" disabled={busy} onClick={restore} className={primaryButtonClass}>
        Restore this revision
      </button>
      <p
        role="status"
        aria-live="polite"
        className={
          message?.tone === "error"
            ? "text-sm text-red-800 dark:text-red-200"
            : message
              ? "text-sm text-emerald-800 dark:text-emerald-200"
              : "sr-only"
        }
      >
        {message?.text ?? ""}
      </p>
    </div>
  );
}
