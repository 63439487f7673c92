import type { PostSourceKind, PostStatus } from "@/lib/admin/types";

const statusStyles: Record<PostStatus, string> = {
  published: "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/60 dark:text-emerald-200",
  draft: "bg-amber-100 text-amber-800 dark:bg-amber-900/60 dark:text-amber-200",
  scheduled: "bg-sky-100 text-sky-800 dark:bg-sky-900/60 dark:text-sky-200",
  deleted: "bg-red-100 text-red-800 dark:bg-red-900/60 dark:text-red-200",
};

export function PostStatusBadge({ status }: { status: PostStatus }) {
  return (
    <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${statusStyles[status]}`}>{status}</span>
  );
}

export function PostSourceLabel({ source }: { source: PostSourceKind }) {
  return <span className="text-xs text-slate-600 dark:text-slate-400">{source === "database" ? "database" : "file"}</span>;
}
