import { termIndexRoute } from "@/lib/posts/term-routes";

const route = termIndexRoute("categories");

export const metadata = route.metadata;
export default route.Page;
