import { NextResponse, type NextRequest } from "next/server";
import { SIGN_IN_PATH, signInUrl } from "@/lib/auth/callback-url";
import { REQUEST_PATH_HEADER } from "@/lib/auth/request-path";
import { readerCacheResponse } from "@/lib/reader/cache-rewrite";
import { contentSecurityPolicy, createNonce } from "@/lib/security/headers";
import { isDecodablePath } from "@/lib/url";

// Auth.js names the cookie with a __Secure- prefix over HTTPS, and splits large tokens into .0, .1, … chunks.
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

/**
 * A convenience only: sends visitors without a session cookie straight to the sign-in page, and tells the admin
 * layout which path was asked for. It does not verify the cookie; every page, action and route checks the session
 * itself (`requireEditorPage`, `requirePermissionPage`, `editorAction`).
 */
export function proxy(request: NextRequest) {
  // Next decodes route parameters itself and answers 500 when a path's escapes are malformed (`/posts/%FF`); the
  // matcher below sends only paths holding a `%` on reader routes here, so the answer is a plain 400 instead.
  if (!isDecodablePath(request.nextUrl.pathname)) {
    return new NextResponse("Bad request: malformed percent-escape in the path\n", { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  // Reader paths whose query selects a cached page (lib/reader/cache-rewrite.ts); nothing below applies to them.
  const reader = readerCacheResponse(request);
  if (reader) return reader;

  const { pathname, search } = request.nextUrl;
  // Reader paths reach here only for the escape check above: they never need a session.
  if (pathname !== "/admin" && !pathname.startsWith("/admin/")) return NextResponse.next();
  const path = `${pathname}${search}`;

  // A server-action call must reach its action, which answers "unauthorized" itself; a redirect would leave the
  // form unable to tell the editor that the session expired.
  const isAction = request.method === "POST" && request.headers.has("next-action");
  if (!isAction && pathname !== SIGN_IN_PATH && !request.cookies.getAll().some((cookie) => SESSION_COOKIE.test(cookie.name))) {
    return NextResponse.redirect(new URL(signInUrl(path), request.url));
  }

  // The admin's policy: a fresh nonce per response. Next reads it from the request's CSP header and puts it on its
  // own scripts; the admin renders per request anyway (it reads the session), so nothing cached carries a stale one.
  const policy = contentSecurityPolicy({ nonce: createNonce(), development: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set(REQUEST_PATH_HEADER, path);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // Post, tag and category pages are not here: a cache hit on them runs no proxy at all. The reader entries must stay
  // in step with readerCacheResponse (Next reads this list statically, so it cannot be imported).
  // A plain `/` and `/search` never reach the proxy: next.config.ts rewrites them to their cached pages.
  matcher: [
    "/admin",
    "/admin/:path*",
    { source: "/", has: [{ type: "query", key: "tag" }] },
    { source: "/", has: [{ type: "query", key: "category" }] },
    { source: "/", has: [{ type: "query", key: "page" }] },
    { source: "/search", has: [{ type: "query", key: "q" }] },
    { source: "/search", has: [{ type: "query", key: "page" }] },
    // Only paths that hold a `%`: a well-formed post, tag or category path still runs no proxy.
    "/:kind(posts|tags|categories)/:rest(.*%.*)",
  ],
};
