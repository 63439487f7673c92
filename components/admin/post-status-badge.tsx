import type { PostSourceKind, PostStatus } from "@/lib/admin/types";
import type { AdminTranslator } from "@/lib/i18n/catalogue";

const statusStyles: Record<PostStatus, string> = {
  published: "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/60 dark:text-emerald-200",
  draft: "bg-amber-100 text-amber-800 dark:bg-amber-900/60 dark:text-amber-200",
  scheduled: "bg-sky-100 text-sky-800 dark:bg-sky-900/60 dark:text-sky-200",
  deleted: "bg-red-100 text-red-800 dark:bg-red-900/60 dark:text-red-200",
};

/** Takes the translator as a prop: the post list renders it on the server, the editor in the browser. */
export function PostStatusBadge({ status, t }: { status: PostStatus; t: AdminTranslator }) {
  return (
    <span data-status={status} className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${statusStyles[status]}`}>
      {t(`status.${status}`)}
    </span>
  );
}

export function PostSourceLabel({ source, t }: { source: PostSourceKind; t: AdminTranslator }) {
  return <span className="text-xs text-slate-600 dark:text-slate-400">{t(source === "database" ? "status.database" : "status.file")}</span>;
}
