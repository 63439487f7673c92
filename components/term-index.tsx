import Link from "next/link";
import type { TermCount } from "@/lib/posts";
import type { TermKind } from "@/lib/posts";
import { termLabels, termPath } from "@/lib/posts/terms";
import { termDisplay } from "@/lib/terms";

export function TermIndex({ kind, terms }: { kind: TermKind; terms: TermCount[] }) {
  return (
    <>
      <h1 className="mb-6 text-2xl font-bold text-slate-900 dark:text-white">{termLabels[kind].all}</h1>
      {terms.length === 0 ? (
        <p className="text-slate-500 dark:text-slate-400">还没有{termLabels[kind].one}。</p>
      ) : (
        <ul className="flex flex-wrap gap-2" data-testid="term-index">
          {terms.map((term) => (
            <li key={term.key}>
              <Link prefetch={false}
                href={termPath(kind, term.name)}
                className="inline-flex items-center gap-1.5 rounded-full border border-slate-300 px-3 py-1 hover:border-sky-500 hover:text-sky-700 dark:border-slate-700 dark:hover:text-sky-300"
              >
                <span>{termDisplay(kind, term.name).name}</span>
                <span className="text-xs text-slate-500 dark:text-slate-400" aria-label={`${term.count} 篇文章`}>
                  {term.count}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
