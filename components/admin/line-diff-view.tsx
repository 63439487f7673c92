import type { LineDiff } from "./line-diff";

const rowStyles = {
  same: "",
  added: "bg-emerald-50 text-emerald-900 dark:bg-emerald-950/60 dark:text-emerald-100",
  removed: "bg-red-50 text-red-900 dark:bg-red-950/60 dark:text-red-100",
} as const;

const markers = { same: " ", added: "+", removed: "−" } as const;
const spoken = { same: "", added: "Added: ", removed: "Removed: " } as const;

/**
 * A line diff as a table: colour for the eye, a +/− column that survives without colour, and words for screen readers.
 * Used by the revisions page (server) and the conflict panel (client): no hooks, no state.
 */
export function LineDiffView({
  diff,
  caption,
  oldLabel,
  newLabel,
}: {
  diff: LineDiff;
  caption: string;
  oldLabel: string;
  newLabel: string;
}) {
  if (diff.added === 0 && diff.removed === 0) {
    return <p className="text-sm text-slate-600 dark:text-slate-400">{caption}: no differences.</p>;
  }
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 dark:border-slate-800">
      <table className="w-full border-collapse font-mono text-xs">
        <caption className="px-3 py-2 text-left font-sans text-sm text-slate-700 dark:text-slate-300">
          {caption}: {diff.added} {diff.added === 1 ? "line" : "lines"} added, {diff.removed}{" "}
          {diff.removed === 1 ? "line" : "lines"} removed.
        </caption>
        <thead className="sr-only">
          <tr>
            <th scope="col">Line in {oldLabel}</th>
            <th scope="col">Line in {newLabel}</th>
            <th scope="col">Change</th>
            <th scope="col">Text</th>
          </tr>
        </thead>
        <tbody>
          {diff.rows.map((row, index) =>
            row.kind === "skipped" ? (
              <tr key={index} className="bg-slate-50 text-slate-500 dark:bg-slate-900 dark:text-slate-400">
                <td colSpan={4} className="px-3 py-1 text-center font-sans">
                  {row.count} unchanged {row.count === 1 ? "line" : "lines"}
                </td>
              </tr>
            ) : (
              <tr key={index} data-change={row.kind} className={rowStyles[row.kind]}>
                <td className="w-10 select-none px-2 text-right text-slate-400">{row.oldLine ?? ""}</td>
                <td className="w-10 select-none px-2 text-right text-slate-400">{row.newLine ?? ""}</td>
                <td className="w-6 select-none px-1 text-center font-bold">
                  <span aria-hidden="true">{markers[row.kind]}</span>
                  <span className="sr-only">{spoken[row.kind] || "Unchanged"}</span>
                </td>
                <td className="whitespace-pre-wrap break-all px-2 py-0.5">{row.text === "" ? "\u00a0" : row.text}</td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}
