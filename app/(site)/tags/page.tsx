import { termIndexRoute } from "@/lib/posts/term-routes";

const route = termIndexRoute("tags");

export const metadata = route.metadata;
export default route.Page;
