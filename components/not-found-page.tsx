import { notFound } from "next/navigation";
import { Suspense } from "react";
import { NotFoundContent } from "@/components/not-found-content";

/** Throws notFound() where it cannot take the server-rendered HTML down with it (see NotFoundPage). */
function NotFoundSignal(): never {
  notFound();
}

/**
 * What a reader page returns for a post, tag or category that does not exist, instead of calling notFound() itself.
 *
 * Next 16.4 answers a notFound() thrown by a page with an empty HTML shell that only JavaScript fills in (the not-found
 * boundary is a client component, which server rendering cannot use), so readers without JavaScript and crawlers got
 * a blank page. Here the 404 content is server-rendered in the page, and notFound() is thrown inside a Suspense
 * boundary: the response still gets status 404 and `noindex`, and in the browser the (site) not-found boundary takes
 * over with the same content. An unmatched URL never reaches a page and gets app/not-found.tsx directly.
 */
export function NotFoundPage() {
  // The development server renders every page dynamically, streaming: there the Suspense trick would send status 200,
  // while a plain notFound() is rendered on the server properly (the empty shell is a production-build behaviour).
  if (process.env.NODE_ENV === "development") notFound();
  return (
    <>
      <NotFoundContent />
      <Suspense fallback={null}>
        <NotFoundSignal />
      </Suspense>
    </>
  );
}
