import Link from "next/link";
import { SearchBox } from "@/components/search/search-box";

/** The body of the site's one 404 page: plain server-rendered HTML, so it reads the same with or without JavaScript. */
export function NotFoundContent() {
  return (
    <section className="py-12 text-center" data-testid="not-found">
      <h1 className="text-3xl font-bold text-slate-900 dark:text-white">404 · 找不到这个页面</h1>
      <p className="mt-4 text-slate-600 dark:text-slate-400">链接可能已失效，或者文章已被移除。</p>
      <div className="mt-8 flex justify-center">
        <SearchBox id="not-found-search" />
      </div>
      <p className="mt-6 flex justify-center gap-6">
        <Link prefetch={false} href="/" className="text-sky-700 underline dark:text-sky-400">
          返回首页
        </Link>
        <Link prefetch={false} href="/tags" className="text-sky-700 underline dark:text-sky-400">
          浏览标签
        </Link>
      </p>
    </section>
  );
}
