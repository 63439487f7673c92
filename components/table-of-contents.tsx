import type { TocEntry } from "@/lib/render";

export function TableOfContents({ entries }: { entries: TocEntry[] }) {
  return (
    <nav aria-label="目录" className="mb-8 rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm dark:border-slate-800 dark:bg-slate-900">
      <p className="mb-2 font-semibold text-slate-700 dark:text-slate-200">目录</p>
      <ol className="space-y-1">
        {entries.map((entry) => (
          <li key={entry.id} className={entry.depth === 3 ? "pl-4" : undefined}>
            <a href={`#${encodeURIComponent(entry.id)}`} className="text-slate-600 hover:text-sky-700 dark:text-slate-300 dark:hover:text-sky-400">
              {entry.text}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
