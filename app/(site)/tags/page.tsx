import { termIndexRoute } from "@/app/(site)/_lib/term-routes";

const route = termIndexRoute("tags");

export const metadata = route.metadata;
export default route.Page;
