import { buildFeed, FEED_SIZE, rssResponse } from "@/lib/feed";
import { getFeedPosts } from "@/lib/posts";

export const dynamic = "force-static";

export async function GET(): Promise<Response> {
  return rssResponse(buildFeed(await getFeedPosts(FEED_SIZE), { pagePath: "/", feedPath: "/feed.xml" }));
}
