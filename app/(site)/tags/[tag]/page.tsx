import { termPostsRoute } from "@/lib/posts/term-routes";

const route = termPostsRoute("tags", "tag").first;

export const dynamicParams = true;
export const generateStaticParams = route.generateStaticParams;
export const generateMetadata = route.generateMetadata;
export default route.Page;
