import Link from "next/link";
import type { RevisionRow } from "@/lib/admin/types";
import type { AdminTranslator } from "@/lib/i18n/catalogue";
import { revisionsPath } from "./paths";
import { revisionActionLabel, revisionTimeFormat } from "./revision-labels";
import { linkClass } from "./styles";

export function RevisionList({
  t,
  slug,
  revisions,
  selectedId,
}: {
  t: AdminTranslator;
  slug: string;
  revisions: RevisionRow[];
  selectedId: string | null;
}) {
  if (revisions.length === 0) {
    return <p className="rounded-md border border-dashed border-slate-300 p-6 text-center text-sm dark:border-slate-700">{t("revisions.empty")}</p>;
  }
  const time = revisionTimeFormat(t.locale);
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{t("revisions.caption")}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:text-slate-400">
            <th scope="col" className="py-2 pr-4 font-medium">
              {t("revisions.version")}
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              {t("revisions.action")}
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              {t("revisions.state")}
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              {t("revisions.editor")}
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              {t("revisions.time")}
            </th>
            <th scope="col" className="py-2 font-medium">
              <span className="sr-only">{t("revisions.compare")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {revisions.map((revision) => {
            const selected = revision.id === selectedId;
            return (
              <tr
                key={revision.id}
                aria-current={selected ? "true" : undefined}
                className="border-b border-slate-100 aria-[current=true]:bg-sky-50 dark:border-slate-800/60 dark:aria-[current=true]:bg-sky-950/50"
              >
                <td className="py-2 pr-4 font-medium">{revision.version}</td>
                <td className="py-2 pr-4" data-action={revision.action}>
                  {revisionActionLabel(revision.action, t)}
                </td>
                <td className="py-2 pr-4 text-slate-600 dark:text-slate-400">{t(revision.published ? "status.published" : "status.draft")}</td>
                <td className="py-2 pr-4">{revision.editor ?? "—"}</td>
                <td className="whitespace-nowrap py-2 pr-4">
                  <time dateTime={revision.createdAt}>{time.format(new Date(revision.createdAt))}</time>
                </td>
                <td className="py-2">
                  {selected ? (
                    <span className="text-slate-500 dark:text-slate-400">{t("revisions.shownBelow")}</span>
                  ) : (
                    <Link href={revisionsPath(slug, revision.id)} className={linkClass}>
                      {t("revisions.view", { version: revision.version })}
                    </Link>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
