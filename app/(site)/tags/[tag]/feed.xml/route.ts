import { termFeedRoute } from "@/app/(site)/_lib/term-routes";

const route = termFeedRoute("tags", "tag");

export const dynamic = "force-static";
export const generateStaticParams = route.generateStaticParams;
export const GET = route.GET;
