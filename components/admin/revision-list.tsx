import Link from "next/link";
import type { RevisionRow } from "@/lib/admin/types";
import { revisionsPath } from "./paths";
import { linkClass } from "./styles";

const timeFormat = new Intl.DateTimeFormat("zh-CN", {
  timeZone: process.env.SITE_TIMEZONE ?? "Asia/Shanghai",
  dateStyle: "medium",
  timeStyle: "medium",
});

export function formatRevisionTime(iso: string): string {
  return timeFormat.format(new Date(iso));
}

export function RevisionList({ slug, revisions, selectedId }: { slug: string; revisions: RevisionRow[]; selectedId: string | null }) {
  if (revisions.length === 0) {
    return (
      <p className="rounded-md border border-dashed border-slate-300 p-6 text-center text-sm dark:border-slate-700">
        No revisions are recorded for this post. Posts that only exist as Markdown files get a history once they are saved here.
      </p>
    );
  }
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">Revisions, newest first</caption>
        <thead>
          <tr className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:text-slate-400">
            <th scope="col" className="py-2 pr-4 font-medium">Version</th>
            <th scope="col" className="py-2 pr-4 font-medium">Action</th>
            <th scope="col" className="py-2 pr-4 font-medium">Editor</th>
            <th scope="col" className="py-2 pr-4 font-medium">Time</th>
            <th scope="col" className="py-2 font-medium"><span className="sr-only">Compare</span></th>
          </tr>
        </thead>
        <tbody>
          {revisions.map((revision) => {
            const selected = revision.id === selectedId;
            return (
              <tr
                key={revision.id}
                aria-current={selected ? "true" : undefined}
                className="border-b border-slate-100 aria-[current=true]:bg-sky-50 dark:border-slate-800/60 dark:aria-[current=true]:bg-sky-950/50"
              >
                <td className="py-2 pr-4 font-medium">{revision.version}</td>
                <td className="py-2 pr-4">{revision.action}</td>
                <td className="py-2 pr-4">{revision.editor ?? "—"}</td>
                <td className="whitespace-nowrap py-2 pr-4">
                  <time dateTime={revision.createdAt}>{formatRevisionTime(revision.createdAt)}</time>
                </td>
                <td className="py-2">
                  {selected ? (
                    <span className="text-slate-500 dark:text-slate-400">Shown below</span>
                  ) : (
                    <Link href={revisionsPath(slug, revision.id)} className={linkClass}>
                      View version {revision.version}
                    </Link>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
