"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { restoreRevision } from "@/app/admin/actions";
import { useT } from "./i18n";
import { revisionsPath } from "./paths";
import { primaryButtonClass, secondaryButtonClass } from "./styles";
import { useEditorAction } from "./use-editor-action";
import { useHydrated } from "./use-hydrated";

/**
 * Makes an old revision the current version (recorded as a new revision, so this too can be undone). When the revision
 * was published and the post is a draft now, or the other way round, restoring would also change what readers see:
 * the editor is asked first which state to restore with. A refusal because the post changed meanwhile reloads the
 * page, so the comparison shown is against what is stored now.
 */
export function RestoreRevisionButton({
  slug,
  revisionId,
  version,
  versionToken,
  revisionDraft,
  postDraft,
}: {
  slug: string;
  revisionId: string;
  version: number;
  versionToken: string;
  /** The published state the revision recorded. */
  revisionDraft: boolean;
  /** The post's published state now. */
  postDraft: boolean;
}) {
  const t = useT();
  const router = useRouter();
  const hydrated = useHydrated();
  const action = useEditorAction(restoreRevision);
  const busy = action.pending || !hydrated;
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);

  async function restore(draft: boolean) {
    dialog.current?.close();
    setMessage(null);
    const result = await action.run({ slug, revisionId, versionToken, draft });
    if (!result.ok) return setMessage({ tone: "error", text: result.message });
    if (result.data.status === "conflict") {
      setMessage({ tone: "error", text: t("revisions.conflict") });
      router.refresh();
      return;
    }
    setMessage({ tone: "success", text: t("revisions.restoredVersion", { version }) });
    router.replace(`${revisionsPath(result.data.post.slug)}?restored=${version}`);
    router.refresh();
  }

  const changesReaders = revisionDraft !== postDraft;
  // First the answer that keeps the post as readers see it now, then the one that changes it.
  const choices: { label: string; draft: boolean }[] = postDraft
    ? [
        { label: t("revisions.restoreAsDraft"), draft: true },
        { label: t("revisions.restoreAndPublish"), draft: false },
      ]
    : [
        { label: t("revisions.restoreKeepPublished"), draft: false },
        { label: t("revisions.restoreAndUnpublish"), draft: true },
      ];

  return (
    <div className="flex flex-wrap items-center gap-3">
      <button
        type="button"
        disabled={busy}
        onClick={() => (changesReaders ? dialog.current?.showModal() : void restore(postDraft))}
        className={primaryButtonClass}
      >
        {t("revisions.restore")}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="restore-question"
        className="m-auto max-w-md rounded-lg border border-slate-200 bg-white p-6 text-slate-900 shadow-xl backdrop:bg-slate-900/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
      >
        <p id="restore-question" className="font-medium">
          {postDraft ? t("revisions.askPublished") : t("revisions.askDraft")}
        </p>
        <div className="mt-4 flex flex-wrap gap-2">
          {choices.map((choice, index) => (
            <button
              key={choice.label}
              type="button"
              disabled={busy}
              onClick={() => void restore(choice.draft)}
              className={index === 0 ? primaryButtonClass : secondaryButtonClass}
            >
              {choice.label}
            </button>
          ))}
          <button type="button" onClick={() => dialog.current?.close()} className={secondaryButtonClass}>
            {t("revisions.cancel")}
          </button>
        </div>
      </dialog>
      <p
        role="status"
        aria-live="polite"
        className={
          message?.tone === "error" ? "text-sm text-red-800 dark:text-red-200" : message ? "text-sm text-emerald-800 dark:text-emerald-200" : "sr-only"
        }
      >
        {message?.text ?? ""}
      </p>
    </div>
  );
}
