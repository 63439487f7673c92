import { termFeedRoute } from "@/lib/posts/term-routes";

const route = termFeedRoute("categories", "category");

export const dynamic = "force-static";
export const dynamicParams = true;
export const generateStaticParams = route.generateStaticParams;
export const GET = route.GET;
