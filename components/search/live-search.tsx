"use client";

import { useEffect, useRef, useState } from "react";
import { searchHref } from "@/components/search/search-href";
import { SearchResults, type SearchTerms } from "@/components/search/search-results";
import type { SearchResponse } from "@/lib/search/types";

const DEBOUNCE_MS = 200;

function isSearchResponse(value: unknown): value is SearchResponse {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.query === "string" && typeof v.total === "number" && Array.isArray(v.results);
}

/**
 * The search form with results that follow typing. Server-rendered with the first results, it is a working GET form
 * without JavaScript; with it, each pause in typing fetches `/search/api` and swaps the results in place.
 */
export function LiveSearch({ initial, terms }: { initial: SearchResponse; terms: SearchTerms }) {
  const [query, setQuery] = useState(initial.query);
  const [response, setResponse] = useState(initial);
  const [busy, setBusy] = useState(false);
  const lastFetched = useRef(initial.query);

  useEffect(() => {
    const q = query.trim();
    if (q === lastFetched.current) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setBusy(true);
      try {
        const res = await fetch(`/search/api?${new URLSearchParams({ q })}`, { signal: controller.signal });
        const body: unknown = await res.json();
        if (!res.ok || !isSearchResponse(body)) return;
        lastFetched.current = q;
        setResponse(body);
        window.history.replaceState(null, "", searchHref(q));
      } catch {
        // Aborted by the next keystroke, or offline: the form still submits normally.
      } finally {
        if (!controller.signal.aborted) setBusy(false);
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  return (
    <>
      <form action="/search" method="get" role="search" className="flex gap-2">
        <label htmlFor="search-query" className="sr-only">
          搜索关键词
        </label>
        <input
          id="search-query"
          type="search"
          name="q"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          maxLength={200}
          autoComplete="off"
          placeholder="例如：Kubernetes 调度器、KV 缓存"
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900 placeholder:text-slate-400 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
        />
        <button
          type="submit"
          className="rounded-md bg-sky-700 px-4 py-2 font-medium text-white hover:bg-sky-800 dark:bg-sky-500 dark:text-slate-950 dark:hover:bg-sky-400"
        >
          搜索
        </button>
      </form>
      <p role="status" aria-live="polite" className="mt-3 min-h-5 text-sm text-slate-500 dark:text-slate-400">
        {/* Nothing for no results: the empty state below says so once, with tags to try. */}
        {busy ? "搜索中…" : response.query !== "" && response.total > 0 ? `找到 ${response.total} 篇文章` : ""}
      </p>
      <div aria-busy={busy}>
        <SearchResults response={response} terms={terms} />
      </div>
    </>
  );
}
