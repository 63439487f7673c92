import { corpusLocation } from "../tests/support/corpus";
import { writeAdminListPosts } from "./editor/admin-list-posts";

/**
 * Each end-to-end site is one configuration of Digest, built into its own folder and served on its own port, so
 * suites that write (editor) never disturb suites that read (reader) and hostile fixtures stay out of the real content.
 */
export interface E2ESite {
  name: string;
  distDir: string;
  env: Record<string, string>;
  /** Files copied into place before the build, so a writing suite never touches the repository's own files. */
  copyContent?: { from: string; to: string }[];
  /** Said once before building when the site runs on a stand-in input (the corpus sample instead of ../shared/corpus). */
  notice?: string | null;
  /** Writes a folder of Markdown posts that `npm run content:import` loads into the site's database before it starts. */
  importPosts?: (dir: string) => string;
  /** Accounts created with `npm run users -- add` before the server starts (production never seeds one). */
  users?: E2EUser[];
  /**
   * Shared engines the harness provides (scripts/e2e.ts): a fresh PostgreSQL database (DATABASE_URL) and a
   * redis-server of its own on a free port (REDIS_URL, only when the servers start, so the build is the plain one).
   * Without them on the machine the site is skipped with one line.
   */
  services?: { postgres?: boolean; redis?: boolean };
  /** More `next start` instances of the same build, each with these variables on top of `env` (URL: siteUrlVar(name, instance)). */
  instances?: { name: string; env: Record<string, string> }[];
}

export interface E2EUser {
  email: string;
  password: string;
  role: "author" | "editor" | "admin";
}

/** The editor every editing suite signs in as. */
export const e2eEditor: E2EUser = { email: "e2e-editor@digest.local", password: "e2e-editor-password", role: "editor" };
/** Writes drafts, edits only their own, cannot publish (lib/auth/permissions.ts). */
export const e2eAuthor: E2EUser = { email: "e2e-author@digest.local", password: "e2e-author-password", role: "author" };
export const e2eAdmin: E2EUser = { email: "e2e-admin@digest.local", password: "e2e-admin-password", role: "admin" };
/**
 * The demo editor development seeds (lib/auth/demo-editor.ts), put into the production e2e database as if a
 * development run had seeded it: production must refuse it.
 */
export const e2eDemoEditor: E2EUser = { email: "editor@digest.local", password: "digest-editor", role: "editor" };
/**
 * One account per test that ends sessions or builds up sign-in limits, so no test signs another one out or gets the
 * shared editor paused.
 */
const ownAccounts = ["sign-out", "cli", "everywhere", "disable", "reset", "many-addresses", "paused", "sprayed"] as const;
export const e2eOwnUsers: E2EUser[] = ownAccounts.map((name) => ({
  email: `e2e-${name}@digest.local`,
  password: `e2e-${name}-password`,
  role: "editor",
}));
export function e2eOwnUser(name: (typeof ownAccounts)[number]): E2EUser {
  return e2eOwnUsers[ownAccounts.indexOf(name)];
}

/** Test-only secret for the e2e servers (a production start refuses to run without a real one). */
export const e2eAuthSecret = "e2e-only-auth-secret-0123456789abcdef0123456789abcdef";

const tmp = ".tmp/e2e";
const corpus = corpusLocation();
/** Where the corpus site reads its posts (the spec counts them there). */
export const corpusContentDir = `${tmp}/corpus-content`;

export const e2eSites: E2ESite[] = [
  {
    name: "reader",
    distDir: ".next-e2e/reader",
    env: { CONTENT_DIR: "content", DATABASE_URL: `file:${tmp}/reader.db`, AUTH_SECRET: e2eAuthSecret },
  },
  {
    name: "fixtures",
    distDir: ".next-e2e/fixtures",
    env: { CONTENT_DIR: "e2e/fixtures/content", DIGEST_STORE: "files", DIGEST_DATA_DIR: `${tmp}/fixtures-data`, AUTH_SECRET: e2eAuthSecret, POSTS_PER_PAGE: "2" },
  },
  {
    name: "editor",
    distDir: ".next-e2e/editor",
    env: {
      CONTENT_DIR: `${tmp}/editor-content`,
      DATABASE_URL: `file:${tmp}/editor.db`,
      DIGEST_DATA_DIR: `${tmp}/editor-data`,
      AUTH_SECRET: e2eAuthSecret,
      AUTH_TRUST_HOST: "true",
      // The browser tests stand in for a reverse proxy: from 127.0.0.1, X-Forwarded-For names the client, so each
      // sign-in test speaks from addresses of its own. Any other peer's headers are ignored (sign-in-limits.spec.ts).
      TRUSTED_PROXIES: "127.0.0.1",
    },
    copyContent: [{ from: "content", to: `${tmp}/editor-content` }],
    importPosts: writeAdminListPosts,
    users: [e2eEditor, e2eAuthor, e2eAdmin, e2eDemoEditor, ...e2eOwnUsers],
  },
  {
    // A database is configured but nothing listens there: the site must serve the files and keep editors' text.
    name: "outage",
    distDir: ".next-e2e/outage",
    env: {
      CONTENT_DIR: `${tmp}/outage-content`,
      DATABASE_URL: "postgresql://digest@127.0.0.1:9/digest?connect_timeout=1",
      DIGEST_DATA_DIR: `${tmp}/outage-data`,
      AUTH_SECRET: e2eAuthSecret,
      AUTH_TRUST_HOST: "true",
    },
    copyContent: [{ from: "content", to: `${tmp}/outage-content` }],
  },
  {
    // Two instances (A and B) of one build on one PostgreSQL database and one Redis, as behind a load balancer.
    name: "cluster",
    distDir: ".next-e2e/cluster",
    env: {
      CONTENT_DIR: `${tmp}/cluster-content`,
      DIGEST_DATA_DIR: `${tmp}/cluster-data-a`,
      AUTH_SECRET: e2eAuthSecret,
      AUTH_TRUST_HOST: "true",
      TRUSTED_PROXIES: "127.0.0.1",
      // Filled in by scripts/e2e.ts, which creates the database and starts redis-server.
      DATABASE_URL: process.env.E2E_CLUSTER_DATABASE_URL ?? "",
      REDIS_URL: process.env.E2E_CLUSTER_REDIS_URL ?? "",
    },
    copyContent: [{ from: "content", to: `${tmp}/cluster-content` }],
    users: [e2eEditor],
    services: { postgres: true, redis: true },
    instances: [{ name: "b", env: { DIGEST_DATA_DIR: `${tmp}/cluster-data-b` } }],
  },
  {
    // The real corpus, flattened into one folder: ../shared/corpus (231 Chinese posts with Hugo/Jekyll quirks) when it
    // is beside the checkout, else the 45-post sample with the same quirks in tests/corpus-sample.
    name: "corpus",
    distDir: ".next-e2e/corpus",
    env: { CONTENT_DIR: corpusContentDir, DIGEST_STORE: "files", DIGEST_DATA_DIR: `${tmp}/corpus-data`, AUTH_SECRET: e2eAuthSecret },
    copyContent: [
      { from: corpus.dirs["k8s-zh-blog"], to: corpusContentDir },
      { from: corpus.dirs["servicemesher-weekly"], to: corpusContentDir },
    ],
    notice: corpus.notice,
  },
];

export function siteUrlVar(name: string, instance?: string): string {
  const id = instance ? `${name}_${instance}` : name;
  return `E2E_${id.toUpperCase().replace(/[^A-Z0-9]/g, "_")}_URL`;
}
