import Link from "next/link";

/** Previous/next links plus "page N of M"; `hrefFor` builds each page's URL so filters survive paging. */
export function Pagination({ page, pageCount, hrefFor }: { page: number; pageCount: number; hrefFor: (page: number) => string }) {
  if (pageCount <= 1) return null;
  const linkClass =
    "rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800";
  return (
    <nav aria-label="分页" className="mt-8 flex items-center justify-between text-sm">
      {page > 1 ? (
        <Link prefetch={false} href={hrefFor(page - 1)} rel="prev" className={linkClass}>
          ← 较新的文章
        </Link>
      ) : (
        <span />
      )}
      <span className="text-slate-500 dark:text-slate-400">
        第 {page} / {pageCount} 页
      </span>
      {page < pageCount ? (
        <Link prefetch={false} href={hrefFor(page + 1)} rel="next" className={linkClass}>
          较早的文章 →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
