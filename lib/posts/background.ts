import "server-only";
import { randomBytes, timingSafeEqual } from "node:crypto";
import { cacheTags } from "@/lib/posts/cache-tags";
import { processSingleton } from "@/lib/singleton";
import { watch } from "node:fs";
import { contentDir } from "@/lib/config";
import { databaseConfig } from "@/lib/db/config";
import { activeStore, fileIndex, onSync, syncNow } from "@/lib/store/active";

/**
 * Work a server does outside any request: at start, the files changed while it was down are synced to the database
 * (files mode: the index of the files is brought up to date), and after a sync the pages of the posts it changed are
 * expired. Expiring needs a request context in Next.js, so the server asks itself, over loopback, with a secret that
 * exists only in this process (`/api/internal/revalidate`).
 */
const secret = () => processSingleton("revalidate-secret", () => randomBytes(32).toString("hex"));

export function isRevalidateSecret(candidate: string | null): boolean {
  if (!candidate) return false;
  const expected = Buffer.from(secret());
  const given = Buffer.from(candidate);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function expireOverLoopback(tags: string[]): Promise<void> {
  const origin = process.env.__NEXT_PRIVATE_ORIGIN ?? (process.env.PORT ? `http://127.0.0.1:${process.env.PORT}` : null);
  if (!origin) {
    console.warn("[cache] cannot reach this server to expire pages after a sync; they refresh on the next edit");
    return;
  }
  const response = await fetch(`${origin}/api/internal/revalidate`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-digest-revalidate": secret() },
    body: JSON.stringify({ tags }),
  });
  if (!response.ok) console.warn(`[cache] expiring pages after a sync answered ${response.status}`);
}

/** Term pages cannot be named without reading every changed post's terms: a sync (rare) expires them wholesale. */
function expirePosts(slugs: string[]): Promise<void> {
  return expireOverLoopback([cacheTags.list, cacheTags.terms, cacheTags.feed, cacheTags.sitemap, cacheTags.anyTerm, ...slugs.map(cacheTags.post)]);
}

/**
 * Files mode (and development, in any mode) follows the content folder: a file edited by hand, or a `git pull`, is
 * indexed (or synced to the database) a moment later, and its pages expire.
 */
function watchContent(filesMode: boolean): void {
  const dir = contentDir();
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  const run = async () => {
    if (running) {
      timer = setTimeout(run, 300);
      return;
    }
    running = true;
    try {
      if (filesMode) {
        const report = await fileIndex().refresh();
        if (report.changed.length > 0) await expirePosts(report.changed);
      } else await syncNow();
    } catch (error) {
      console.error("[store] could not follow the content folder", error);
    } finally {
      running = false;
    }
  };
  try {
    const watcher = watch(dir, { recursive: true }, (_event, name) => {
      // Temp files of atomic writes and the lock folder are Digest's own comings and goings.
      if (!name || /(^|\/)\.tmp-|\.lock(\/|$)/.test(name)) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(run, 300);
    });
    watcher.unref();
    watcher.on("error", (error) => console.warn(`[store] stopped watching ${dir}: ${error.message}`));
  } catch (error) {
    console.warn(`[store] cannot watch ${dir} for changes (${(error as Error).message}); restart to pick up hand edits`);
  }
}

export function startBackgroundWork(): void {
  processSingleton("background-work", () => {
    onSync((report) => expirePosts([...report.created, ...report.synced, ...report.conflicts, ...report.refreshed]));
    const filesMode = databaseConfig().kind === "none";
    const work = filesMode ? activeStore() : syncNow();
    void Promise.resolve(work)
      .catch((error: unknown) => console.error("[store] start-up sync failed", error))
      .then(() => {
        if (filesMode || process.env.NODE_ENV === "development") watchContent(filesMode);
      });
    return true;
  });
}
