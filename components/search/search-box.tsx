/**
 * The header's search box: a plain GET form, so it works before (and without) any JavaScript.
 */
export function SearchBox({ defaultValue = "", id = "site-search" }: { defaultValue?: string; id?: string }) {
  return (
    <form action="/search" method="get" role="search" className="flex items-center gap-1">
      <label htmlFor={id} className="sr-only">
        搜索文章
      </label>
      <input
        id={id}
        type="search"
        name="q"
        defaultValue={defaultValue}
        placeholder="搜索…"
        maxLength={200}
        className="w-32 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 placeholder:text-slate-400 focus:w-48 sm:w-40 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
      />
      <button
        type="submit"
        className="rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white"
      >
        搜索
      </button>
    </form>
  );
}
