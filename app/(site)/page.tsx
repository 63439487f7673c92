import type { Metadata } from "next";
import { HomeList, homeMetadata } from "@/app/(site)/_lib/home";
import { parseListQuery } from "@/lib/posts/list-query";

/**
 * Rendered on each request only for queries that are not cache keys (unknown terms, many tags, pages past the end):
 * proxy.ts sends every canonical filter combination to the cached route `/cached-list/…` instead.
 */
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  return homeMetadata(parseListQuery(await searchParams));
}

export default async function HomePage({ searchParams }: { searchParams: SearchParams }) {
  return <HomeList filters={parseListQuery(await searchParams)} />;
}
