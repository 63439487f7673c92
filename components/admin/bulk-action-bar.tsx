"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { bulkPosts } from "@/app/admin/bulk-actions";
import type { BulkOperation, BulkResult } from "@/lib/admin/bulk";
import type { AdminPostRow } from "@/lib/admin/types";
import { useT } from "./i18n";
import { useEditorAction } from "./use-editor-action";
import { dangerButtonClass, primaryButtonClass, secondaryButtonClass } from "./styles";

const confirmKey = { publish: "bulk.confirmPublish", unpublish: "bulk.confirmUnpublish", delete: "bulk.confirmDelete" } as const;

/**
 * What to do with the chosen posts. Every operation asks first, names how many posts it touches, and afterwards says
 * what happened to each post it could not change (changed elsewhere, not allowed), so nothing is lost silently.
 */
export function BulkActionBar({ posts, operations, onClear }: { posts: AdminPostRow[]; operations: BulkOperation[]; onClear: () => void }) {
  const t = useT();
  const router = useRouter();
  const [asking, setAsking] = useState<BulkOperation | null>(null);
  // The report outlives the selection (cleared once the work is done), so it keeps the titles it names.
  const [report, setReport] = useState<{ result: BulkResult; titles: Map<string, string> } | null>(null);
  const { run, pending, error } = useEditorAction(bulkPosts);

  async function confirm(operation: BulkOperation) {
    const result = await run({ operation, items: posts.map((post) => ({ slug: post.slug, versionToken: post.versionToken })) });
    setAsking(null);
    if (!result.ok) return;
    setReport({ result: result.data, titles: new Map(posts.map((post) => [post.slug, post.title])) });
    onClear();
    router.refresh();
  }

  const left = report?.result.items.filter((item) => item.outcome !== "done") ?? [];
  if (posts.length === 0 && !report && !error) return null;
  return (
    <div role="region" aria-label={t("bulk.label")} className="mb-3 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm dark:border-slate-800 dark:bg-slate-900">
      {posts.length > 0 ? (
        <div className="flex flex-wrap items-center gap-2">
          <span className="font-medium">{t("bulk.selected", { count: posts.length })}</span>
          {operations.map((operation) => (
            <button
              key={operation}
              type="button"
              className={operation === "delete" ? dangerButtonClass : secondaryButtonClass}
              disabled={pending}
              onClick={() => {
                setReport(null);
                setAsking(operation);
              }}
            >
              {t(`bulk.${operation}`)}
            </button>
          ))}
          <button type="button" className={secondaryButtonClass} disabled={pending} onClick={onClear}>
            {t("bulk.clear")}
          </button>
        </div>
      ) : null}
      {asking && posts.length > 0 ? (
        <div role="alertdialog" aria-label={t(confirmKey[asking], { count: posts.length })} className="mt-3 flex flex-wrap items-center gap-2">
          <p>{t(confirmKey[asking], { count: posts.length })}</p>
          <button type="button" className={asking === "delete" ? dangerButtonClass : primaryButtonClass} disabled={pending} onClick={() => void confirm(asking)}>
            {pending ? t("bulk.running") : t("bulk.confirm")}
          </button>
          <button type="button" className={secondaryButtonClass} disabled={pending} onClick={() => setAsking(null)}>
            {t("bulk.cancel")}
          </button>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="mt-2 text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
      {report ? (
        <div role="status" className="mt-2">
          <p>{t("bulk.done", { count: report.result.done })}</p>
          {left.length > 0 ? (
            <ul className="mt-1 list-disc pl-5">
              {left.map((item) => (
                <li key={item.slug}>
                  {report.titles.get(item.slug) ?? item.slug}: {t(`bulk.outcome.${item.outcome}`)}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
