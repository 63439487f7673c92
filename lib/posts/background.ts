import "server-only";
import { randomBytes, timingSafeEqual } from "node:crypto";
import { cacheTags } from "@/lib/posts/cache-tags";
import { processSingleton } from "@/lib/singleton";
import { activeStore, onSync, syncNow } from "@/lib/store/active";
import { databaseConfig } from "@/lib/db/config";

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

export function startBackgroundWork(): void {
  processSingleton("background-work", () => {
    onSync(async (report) => {
      const slugs = [...report.created, ...report.synced, ...report.conflicts, ...report.refreshed];
      // Term pages cannot be named without reading every post's terms: a sync (rare) expires the lists wholesale.
      await expireOverLoopback([cacheTags.list, cacheTags.terms, cacheTags.feed, cacheTags.sitemap, cacheTags.anyTerm, ...slugs.map(cacheTags.post)]);
    });
    const work = databaseConfig().kind === "none" ? activeStore() : syncNow();
    void Promise.resolve(work).catch((error: unknown) => console.error("[store] start-up sync failed", error));
    return true;
  });
}
