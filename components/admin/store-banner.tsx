import type { StoreStatus } from "@/lib/admin/types";
import type { AdminTranslator } from "@/lib/i18n/catalogue";

/** Tells editors where their writes go when it is not the database they expect; readers never see it. */
export function StoreBanner({ status, t }: { status: StoreStatus; t: AdminTranslator }) {
  if (!status.degraded && status.kind !== "files") return null;
  // The store's own message says exactly what failed, in English; other languages get the catalogue's.
  const own = t.locale === "en" ? status.message : null;
  const message = own ?? (status.degraded ? t("store.degraded") : t("store.filesOnly"));
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
