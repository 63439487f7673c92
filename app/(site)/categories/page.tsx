import { termIndexRoute } from "@/app/(site)/_lib/term-routes";

const route = termIndexRoute("categories");

export const metadata = route.metadata;
export default route.Page;
