"use client";

import { useDeferredValue, useMemo } from "react";
import { countWords, minutesFor } from "@/lib/content/reading-time";
import { useT } from "./i18n";

/**
 * Words and reading time as the body is typed, from lib/content/reading-time.ts: the same count the reader's
 * "约 N 分钟读完" is made of. CJK characters count one each (read at 400 a minute), Latin words one each (200 a minute).
 */
export function WordCount({ body }: { body: string }) {
  const t = useT();
  // Counting a long post on every keystroke may lag typing; a slightly stale figure is fine.
  const deferred = useDeferredValue(body);
  const count = useMemo(() => countWords(deferred), [deferred]);
  const total = count.cjkCharacters + count.words;
  return (
    <p
      data-testid="word-count"
      data-cjk={count.cjkCharacters}
      data-words={count.words}
      title={t("stats.detail", { cjk: count.cjkCharacters, words: count.words })}
      className="text-xs tabular-nums text-slate-500 dark:text-slate-400"
    >
      {t("stats.summary", { count: total, minutes: minutesFor(count) })}
    </p>
  );
}
