import { termPostsRoute } from "@/app/(site)/_lib/term-routes";

const route = termPostsRoute("tags", "tag").first;

export const generateStaticParams = route.generateStaticParams;
export const generateMetadata = route.generateMetadata;
export default route.Page;
