import Link from "next/link";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";

export default function NotFound() {
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-4xl px-4 py-16 text-center">
        <h1 className="text-3xl font-bold text-slate-900 dark:text-white">404 · 找不到这个页面</h1>
        <p className="mt-4 text-slate-600 dark:text-slate-400">链接可能已失效，或者文章已被移除。</p>
        <p className="mt-8">
          <Link href="/" className="text-sky-700 underline dark:text-sky-400">
            返回首页
          </Link>
        </p>
      </main>
      <SiteFooter />
    </>
  );
}
