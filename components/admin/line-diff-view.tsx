import type { AdminTranslator } from "@/lib/i18n/catalogue";
import type { DiffSegment, LineDiff } from "./line-diff";

const rowStyles = {
  same: "",
  added: "bg-emerald-50 text-emerald-900 dark:bg-emerald-950/60 dark:text-emerald-100",
  removed: "bg-red-50 text-red-900 dark:bg-red-950/60 dark:text-red-100",
} as const;

const markers = { same: " ", added: "+", removed: "−" } as const;

function Segments({ segments, kind }: { segments: DiffSegment[]; kind: "added" | "removed" }) {
  return segments.map((segment, index) =>
    !segment.changed ? (
      <span key={index}>{segment.text}</span>
    ) : kind === "added" ? (
      <ins key={index} className="rounded-sm bg-emerald-200 no-underline dark:bg-emerald-800">
        {segment.text}
      </ins>
    ) : (
      <del key={index} className="rounded-sm bg-red-200 line-through decoration-red-400 dark:bg-red-800">
        {segment.text}
      </del>
    ),
  );
}

/**
 * A line diff as a table: colour for the eye, a +/− column that survives without colour, and words for screen readers;
 * inside a changed line the changed characters are <del>/<ins>. Used by the revisions page (server) and the conflict
 * panel (client), each passing its own translator: no hooks, no state.
 */
export function LineDiffView({
  t,
  diff,
  caption,
  oldLabel,
  newLabel,
}: {
  t: AdminTranslator;
  diff: LineDiff;
  caption: string;
  oldLabel: string;
  newLabel: string;
}) {
  if (diff.added === 0 && diff.removed === 0) {
    return <p className="text-sm text-slate-600 dark:text-slate-400">{t("diff.none", { caption })}</p>;
  }
  const spoken = { added: t("diff.added"), removed: t("diff.removed") };
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 dark:border-slate-800">
      <table className="w-full border-collapse font-mono text-xs">
        <caption className="px-3 py-2 text-left font-sans text-sm text-slate-700 dark:text-slate-300">
          {t("diff.summary", {
            caption,
            added: t("diff.linesAdded", { count: diff.added }),
            removed: t("diff.linesRemoved", { count: diff.removed }),
          })}
        </caption>
        <thead className="sr-only">
          <tr>
            <th scope="col">{t("diff.lineIn", { label: oldLabel })}</th>
            <th scope="col">{t("diff.lineIn", { label: newLabel })}</th>
            <th scope="col">{t("diff.change")}</th>
            <th scope="col">{t("diff.text")}</th>
          </tr>
        </thead>
        <tbody>
          {diff.rows.map((row, index) =>
            row.kind === "skipped" ? (
              <tr key={index} className="bg-slate-50 text-slate-500 dark:bg-slate-900 dark:text-slate-400">
                <td colSpan={4} className="px-3 py-1 text-center font-sans">
                  {t("diff.skipped", { count: row.count })}
                </td>
              </tr>
            ) : (
              <tr key={index} data-change={row.kind} className={rowStyles[row.kind]}>
                <td className="w-10 select-none px-2 text-right text-slate-400">{row.oldLine ?? ""}</td>
                <td className="w-10 select-none px-2 text-right text-slate-400">{row.newLine ?? ""}</td>
                <td className="w-6 select-none px-1 text-center font-bold">
                  <span aria-hidden="true">{markers[row.kind]}</span>
                  <span className="sr-only">{row.kind === "same" ? t("diff.unchanged") : spoken[row.kind]}</span>
                </td>
                <td className="whitespace-pre-wrap break-all px-2 py-0.5">
                  {row.text === "" ? "\u00a0" : row.kind !== "same" && row.segments ? <Segments segments={row.segments} kind={row.kind} /> : row.text}
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}
