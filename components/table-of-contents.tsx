import type { TocEntry } from "@/lib/render";

function Entries({ entries }: { entries: TocEntry[] }) {
  return (
    <ol className="space-y-1.5">
      {entries.map((entry) => (
        <li key={entry.id} className={entry.depth === 3 ? "pl-4" : undefined}>
          <a href={`#${encodeURIComponent(entry.id)}`} className="text-slate-600 hover:text-sky-700 dark:text-slate-300 dark:hover:text-sky-400">
            {entry.text}
          </a>
        </li>
      ))}
    </ol>
  );
}

/**
 * The post's table of contents, in one of two places: folded into a disclosure above the body below the widest
 * screens (a long list must not fill a phone's first screen), and open in a sticky side column beside the body on
 * wide ones. The page renders both; CSS displays exactly one.
 */
export function TableOfContents({ entries, placement }: { entries: TocEntry[]; placement: "inline" | "sidebar" }) {
  if (placement === "inline") {
    return (
      <nav aria-label="目录" className="mb-8 xl:hidden" data-testid="toc-inline">
        <details className="rounded-lg border border-slate-200 bg-slate-50 text-sm dark:border-slate-800 dark:bg-slate-900">
          <summary className="cursor-pointer select-none px-4 py-3 font-semibold text-slate-700 dark:text-slate-200">
            目录 <span className="font-normal text-slate-500 dark:text-slate-400">（{entries.length} 节）</span>
          </summary>
          <div className="px-4 pb-4">
            <Entries entries={entries} />
          </div>
        </details>
      </nav>
    );
  }
  return (
    <nav aria-label="目录" className="hidden text-sm xl:block" data-testid="toc-sidebar">
      <div className="sticky top-6 max-h-[calc(100dvh-3rem)] overflow-y-auto">
        <p className="mb-3 font-semibold text-slate-700 dark:text-slate-200">目录</p>
        <Entries entries={entries} />
      </div>
    </nav>
  );
}
