import path from "node:path";
import type { NextConfig } from "next";
import { nextConfigHeaders } from "./lib/security/headers";

// With REDIS_URL, every instance keeps Next's incremental cache (ISR pages, route handlers, unstable_cache) in one
// Redis, and a tag expired on one is expired on all (lib/cache/redis-cache-handler.mjs). Without it: Next's own
// file-system cache of one process, as before. Read when the server starts, so one build serves both ways.
const sharedCache = Boolean(process.env.REDIS_URL?.trim());

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
  // An image upload is a server action (app/admin/media-actions.ts): up to lib/media/image.ts's MAX_UPLOAD_BYTES
  // plus the form's own bytes. Every other action stays far below Next's 1 MB default.
  experimental: { serverActions: { bodySizeLimit: "9mb" } },
  ...(sharedCache
    ? {
        cacheHandler: path.resolve(process.cwd(), "lib/cache/redis-cache-handler.mjs"),
        // No second, per-process copy of what Redis holds (the handler keeps its own tier for outages).
        cacheMaxMemorySize: 0,
      }
    : {}),
  // Several builds behind one load balancer (one per machine) must agree on this; one build shared by all needs none.
  ...(process.env.DEPLOYMENT_ID ? { deploymentId: process.env.DEPLOYMENT_ID } : {}),
  // Security headers on every response; reader pages get a static CSP (they stay cached), the admin a per-request
  // nonce policy set by proxy.ts (lib/security/headers.ts says why there are two). HSTS when SITE_URL is https.
  async headers() {
    return nextConfigHeaders(process.env.SITE_URL, process.env.NODE_ENV === "development");
  },
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
