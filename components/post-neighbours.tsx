import Link from "next/link";
import type { Post } from "@/lib/content/types";
import { postPath } from "@/lib/site";

type Neighbour = Pick<Post, "slug" | "title">;

export function PostNeighbours({ previous, next }: { previous: Neighbour | null; next: Neighbour | null }) {
  if (!previous && !next) return null;
  return (
    <nav aria-label="上一篇和下一篇" className="mt-12 grid gap-4 border-t border-slate-200 pt-6 text-sm sm:grid-cols-2 dark:border-slate-800">
      {previous ? (
        <Link prefetch={false} href={postPath(previous.slug)} rel="prev" className="group">
          <span className="block text-slate-500 dark:text-slate-400">← 上一篇</span>
          <span className="font-medium text-slate-800 group-hover:text-sky-700 dark:text-slate-200 dark:group-hover:text-sky-400">{previous.title}</span>
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link prefetch={false} href={postPath(next.slug)} rel="next" className="group text-right">
          <span className="block text-slate-500 dark:text-slate-400">下一篇 →</span>
          <span className="font-medium text-slate-800 group-hover:text-sky-700 dark:text-slate-200 dark:group-hover:text-sky-400">{next.title}</span>
        </Link>
      ) : null}
    </nav>
  );
}
