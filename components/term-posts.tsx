import Link from "next/link";
import { Pagination } from "@/components/pagination";
import { PostListItems } from "@/components/post-list-item";
import { listHref } from "@/lib/posts/list-query";
import type { TermKind, TermPosts } from "@/lib/posts";
import { termLabels, termPagePath } from "@/lib/posts/terms";
import { withCover } from "@/lib/reader/cover";
import { termDisplay } from "@/lib/terms";

export function TermPostsView({ kind, data }: { kind: TermKind; data: TermPosts }) {
  const filterHref = listHref(kind === "tags" ? { tags: [data.term.name] } : { category: data.term.name });
  const display = termDisplay(kind, data.term.name);
  return (
    <>
      <header className="mb-2 space-y-1">
        <p className="text-sm text-slate-500 dark:text-slate-400">
          <Link prefetch={false} href={kind === "tags" ? "/tags" : "/categories"} className="hover:underline">
            {termLabels[kind].all}
          </Link>
        </p>
        <h1 className="text-2xl font-bold text-slate-900 dark:text-white">
          {termLabels[kind].one}：{display.name}
        </h1>
        {display.description ? <p className="text-slate-600 dark:text-slate-300">{display.description}</p> : null}
        <p className="text-sm text-slate-500 dark:text-slate-400">
          共 {data.total} 篇文章 · <Link prefetch={false} href={filterHref} className="text-sky-700 hover:underline dark:text-sky-400">与其他条件组合筛选</Link> ·{" "}
          <a href={`${termPagePath(kind, data.term.name, 1)}/feed.xml`} className="text-sky-700 hover:underline dark:text-sky-400">
            RSS
          </a>
        </p>
      </header>
      <PostListItems posts={data.posts.map(withCover)} />
      <Pagination page={data.page} pageCount={data.pageCount} hrefFor={(page) => termPagePath(kind, data.term.name, page)} />
    </>
  );
}
