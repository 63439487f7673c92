import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Behind nginx (or a CDN) that compresses, gzip in Node only costs CPU on every response; DIGEST_COMPRESS=off turns
  // it off. Read when the server starts, so one build serves either way.
  compress: process.env.DIGEST_COMPRESS !== "off",
  // End-to-end suites build one site per configuration (content folder, store) side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Native and Node-only modules must stay out of the server bundle.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg", "bcryptjs", "rate-limiter-flexible"],
  // The development server logs every server function call with its arguments: the whole post body on each live
  // preview keystroke, and the password of every sign-in. Requests are still logged.
  logging: { serverFunctions: false },
  // The plain home list (no filter in the query) and the empty search page are cached pages, reached by a rewrite
  // here rather than in proxy.ts: running the proxy costs a cache hit about two thirds of its throughput. Queries with
  // filters go through the proxy (proxy.ts, lib/reader/cache-rewrite.ts), which must read them to find their key.
  async rewrites() {
    const none = (...keys: string[]) => keys.map((key) => ({ type: "query" as const, key }));
    return {
      beforeFiles: [
        { source: "/", missing: none("tag", "category", "page"), destination: "/cached-list/1" },
        { source: "/search", missing: none("q", "page"), destination: "/cached-search/1" },
      ],
      afterFiles: [],
      fallback: [],
    };
  },
};

export default nextConfig;
