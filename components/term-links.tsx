import Link from "next/link";
import { categoryPath, tagPath } from "@/lib/site";
import { categoryName, tagName } from "@/lib/terms";

/** Tags as links: shown by their display name (content/terms.yaml), linked by the name posts use. */
export function TagLinks({ tags }: { tags: string[] }) {
  if (tags.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-1.5" aria-label="标签">
      {tags.map((tag) => (
        <li key={tag}>
          <Link prefetch={false}
            href={tagPath(tag)}
            rel="tag"
            className="rounded-full bg-slate-100 px-2.5 py-0.5 text-xs text-slate-700 hover:bg-sky-100 hover:text-sky-800 dark:bg-slate-800 dark:text-slate-300 dark:hover:bg-sky-900 dark:hover:text-sky-100"
          >
            #{tagName(tag)}
          </Link>
        </li>
      ))}
    </ul>
  );
}

export function CategoryLinks({ categories }: { categories: string[] }) {
  if (categories.length === 0) return null;
  return (
    <span className="inline-flex flex-wrap gap-1.5">
      <span className="sr-only">分类：</span>
      {categories.map((category) => (
        <Link prefetch={false} key={category} href={categoryPath(category)} className="font-medium text-sky-700 hover:underline dark:text-sky-400">
          {categoryName(category)}
        </Link>
      ))}
    </span>
  );
}
