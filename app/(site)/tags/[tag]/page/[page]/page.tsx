import { termPostsRoute } from "@/lib/posts/term-routes";

const route = termPostsRoute("tags", "tag").paged;

export const dynamicParams = true;
export const generateStaticParams = route.generateStaticParams;
export const generateMetadata = route.generateMetadata;
export default route.Page;
