import type { StoreStatus } from "@/lib/admin/types";

/** Tells editors where their writes go when it is not the database they expect; readers never see it. */
export function StoreBanner({ status }: { status: StoreStatus }) {
  if (!status.degraded && status.kind !== "files") return null;
  const message =
    status.message ??
    (status.degraded
      ? "The database cannot be reached: posts are read from and saved to the Markdown files."
      : "No database is configured: posts are saved to the Markdown files.");
  return (
    <div
      role="status"
      className={
        status.degraded
          ? "border-b border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
          : "border-b border-slate-200 bg-slate-50 px-4 py-2 text-sm text-slate-700 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-300"
      }
    >
      <p className="mx-auto max-w-6xl">{message}</p>
    </div>
  );
}
