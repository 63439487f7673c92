/** The article a digest entry summarises, shown prominently; `source` comes from front matter, so only http(s) links render. */
export function SourceLink({ source }: { source: string | null }) {
  if (!source) return null;
  let url: URL;
  try {
    url = new URL(source);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  return (
    <p className="my-6 rounded-lg border-l-4 border-sky-500 bg-sky-50 px-4 py-3 text-sm dark:bg-sky-950/50" data-testid="post-source">
      <span className="font-medium text-slate-700 dark:text-slate-200">原文来源：</span>
      <a href={url.toString()} rel="noopener noreferrer external" className="break-all text-sky-700 underline dark:text-sky-400">
        {url.hostname}
        {url.pathname !== "/" ? url.pathname : ""}
      </a>
    </p>
  );
}
