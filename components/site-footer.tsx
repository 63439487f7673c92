import Link from "next/link";
import { site } from "@/lib/site";

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-slate-200 dark:border-slate-800">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-6 text-sm text-slate-500 dark:text-slate-400">
        <p>{site.name}</p>
        <p className="flex gap-4">
          <a href="/feed.xml" className="hover:text-slate-900 dark:hover:text-white">RSS</a>
          <a href="/atom.xml" className="hover:text-slate-900 dark:hover:text-white">Atom</a>
          <Link prefetch={false} href="/tags" className="hover:text-slate-900 dark:hover:text-white">标签</Link>
        </p>
      </div>
    </footer>
  );
}
