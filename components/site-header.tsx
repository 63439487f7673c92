import Link from "next/link";
import { SearchBox } from "@/components/search/search-box";
import { ThemeToggle } from "@/components/theme-toggle";
import { site } from "@/lib/site";

const nav = [
  { href: "/", label: "文章" },
  { href: "/tags", label: "标签" },
  { href: "/categories", label: "分类" },
];

export function SiteHeader() {
  return (
    <header className="border-b border-slate-200 bg-white/90 dark:border-slate-800 dark:bg-slate-950/90">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
        <Link href="/" className="mr-auto text-lg font-bold tracking-tight text-slate-900 dark:text-white">
          {site.name}
        </Link>
        <nav aria-label="主导航" className="order-3 w-full sm:order-none sm:w-auto">
          <ul className="flex gap-4 text-sm">
            {nav.map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white">
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <SearchBox />
        <ThemeToggle />
      </div>
    </header>
  );
}
