import { atomResponse, buildFeed } from "@/lib/feed";
import { getPublishedPosts } from "@/lib/posts";

export const dynamic = "force-static";

export async function GET(): Promise<Response> {
  return atomResponse(buildFeed(await getPublishedPosts(), { pagePath: "/", feedPath: "/feed.xml" }));
}
