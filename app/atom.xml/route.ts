import { atomResponse, buildFeed, FEED_SIZE } from "@/lib/feed";
import { getFeedPosts } from "@/lib/posts";

export const dynamic = "force-static";

export async function GET(): Promise<Response> {
  return atomResponse(buildFeed(await getFeedPosts(FEED_SIZE), { pagePath: "/", feedPath: "/feed.xml" }));
}
