/**
 * Which store serves right now, and the composition of each. With a database configured and reachable it is the
 * database (writing through to the Markdown files); configured but unreachable, the local index of the files serves
 * and takes saves (the admin says so), and a health probe waits for the database to return, then syncs the files
 * back by version; with DIGEST_STORE=files there is no database at all.
 */
import path from "node:path";
import { contentDir, dataDir } from "@/lib/config";
import { databaseConfig, getDatabase, isDatabaseUp, type Db } from "@/lib/db/client";
import { processSingleton } from "@/lib/singleton";
import { createDatabaseStore } from "@/lib/store/database";
import { createFileIndex, type FileIndex } from "@/lib/store/file-index";
import { createFileStore } from "@/lib/store/files";
import { createMirror } from "@/lib/store/mirror";
import { fullSelect, postColumns, toFullRow } from "@/lib/store/sql/rows";
import { writeSearch } from "@/lib/store/sql/rows-write";
import { searchDialect, type SearchDialect } from "@/lib/store/sql/search-dialect";
import { syncFilesToDatabase, type SyncReport } from "@/lib/store/sync";
import type { PostStore } from "@/lib/store/types";

export interface StoreStatus {
  kind: "database" | "files";
  /** True when a database is configured but cannot be reached, so the Markdown files serve and take writes. */
  degraded: boolean;
  message: string | null;
}

export interface ActiveStore {
  store: PostStore;
  status: StoreStatus;
}

/** The local index of CONTENT_DIR, one per process and folder. */
export function fileIndex(): FileIndex {
  const dir = contentDir();
  const data = dataDir();
  return processSingleton(`file-index:${dir}`, () => createFileIndex({ dir, file: path.join(data, "content-index.db") }));
}

interface FilesState {
  store: Promise<PostStore>;
  /** Whether the index has been brought in line with the folder since this process started. */
  refreshed: boolean;
}

/**
 * The files store. Its index is refreshed when first opened (a first build of a large folder takes a while; later
 * starts only stat the files) and again when an outage begins (the mirror kept the files current, the index follows);
 * writes through Digest index their file at once.
 */
async function filesStore(refresh: "if-new" | "now"): Promise<PostStore> {
  const index = fileIndex();
  const state = processSingleton<FilesState>(`files-store:${index.dir}`, () => ({
    refreshed: false,
    store: index.db().then((db) => createFileStore({ index, db, lockDir: dataDir() })),
  }));
  const store = await state.store;
  if (refresh === "now" || !state.refreshed) {
    state.refreshed = true;
    await index.refresh().catch((error: unknown) => {
      state.refreshed = false;
      console.error("[store] could not read the content folder", error);
    });
  }
  return store;
}

/** Rows written before the search index existed (an older database) get their derived columns and index entry. */
async function backfill(db: Db, dialect: SearchDialect): Promise<void> {
  for (;;) {
    const rows = await db.post.findMany({ where: { search: null }, select: fullSelect, take: 200 });
    if (rows.length === 0) return;
    for (const raw of rows) {
      const { input, meta } = toFullRow(raw);
      await db.$transaction(async (tx) => {
        const { excerpt, readingMinutes } = postColumns(input);
        await tx.post.update({ where: { id: meta.id }, data: { excerpt: String(excerpt), readingMinutes: Number(readingMinutes) } });
        await writeSearch(tx, dialect, meta.id, input);
      });
    }
  }
}

interface DatabaseState {
  db: Db;
  store: PostStore;
  dialect: SearchDialect;
}

function openDatabaseStore(): Promise<DatabaseState> {
  const config = databaseConfig();
  const key = config.kind === "none" ? "none" : config.kind === "sqlite" ? config.file : config.url;
  const opened = processSingleton<{ state: Promise<DatabaseState> | null }>(`database-store:${key}`, () => ({ state: null }));
  opened.state ??= (async () => {
    const db = await getDatabase();
    if (!db) throw new Error("no database is configured");
    const dialect = searchDialect(config.kind === "postgresql" ? "postgresql" : "sqlite");
    const mirror = createMirror(contentDir());
    await backfill(db, dialect);
    // An empty database starts from the Markdown baseline, before anyone reads it.
    if (!(await db.post.findFirst({ select: { id: true } }))) {
      await syncFilesToDatabase({ db, dialect, dir: contentDir(), mirror });
    }
    return { db, dialect, store: createDatabaseStore(db, { dialect, mirror }) };
  })();
  opened.state.catch(() => {
    opened.state = null;
  });
  return opened.state;
}

// Probing a dead database costs up to the probe's timeout, so the answer is kept briefly.
const PROBE_TTL_MS = 3000;

interface OutageState {
  active: boolean;
  probedAt: number;
  up: boolean;
  timer: NodeJS.Timeout | null;
}

function outage(): OutageState {
  return processSingleton<OutageState>("database-outage", () => ({ active: false, probedAt: 0, up: false, timer: null }));
}

async function databaseReachable(): Promise<boolean> {
  const state = outage();
  if (Date.now() - state.probedAt < PROBE_TTL_MS) return state.up;
  const up = await isDatabaseUp(1500).catch(() => false);
  state.probedAt = Date.now();
  state.up = up;
  return up;
}

/**
 * While the database is away, a probe every few seconds; the first success syncs the files saved meanwhile back to
 * it (in the background, never inside a reader's request) and stops the probe.
 */
function watchForRecovery(): void {
  const state = outage();
  if (state.timer) return;
  state.active = true;
  state.timer = setInterval(() => {
    void (async () => {
      if (!(await isDatabaseUp(1500).catch(() => false))) return;
      if (state.timer) clearInterval(state.timer);
      state.timer = null;
      state.probedAt = 0;
      console.info("[store] the database is reachable again; syncing the Markdown files saved meanwhile");
      await syncNow().catch((error: unknown) => console.error("[store] sync after the outage failed", error));
      state.active = false;
    })();
  }, 2_000);
  state.timer.unref();
}

export async function activeStore(): Promise<ActiveStore> {
  const config = databaseConfig();
  if (config.kind === "none") {
    return {
      store: await filesStore("if-new"),
      status: { kind: "files", degraded: false, message: "No database is configured (DIGEST_STORE=files): posts are read from and saved to the Markdown files." },
    };
  }
  if (await databaseReachable()) {
    const opened = await openDatabaseStore().catch((error: unknown) => {
      console.error("[store] database configured but not usable", error);
      return null;
    });
    if (opened) return { store: opened.store, status: { kind: "database", degraded: false, message: null } };
  }
  const wasActive = outage().active;
  watchForRecovery();
  if (!wasActive) console.warn("[store] the database cannot be reached: serving from the Markdown files until it returns");
  return {
    store: await filesStore(wasActive ? "if-new" : "now"),
    status: {
      kind: "files",
      degraded: true,
      message: `The ${config.kind === "sqlite" ? "SQLite" : "PostgreSQL"} database cannot be reached. Readers are served from the Markdown files, and saves go to them; they are synced back when the database returns.`,
    },
  };
}

/** Forget the last probe, e.g. after a write failed because the database went away. */
export function forgetDatabaseProbe(): void {
  outage().probedAt = 0;
}

type SyncListener = (report: SyncReport) => void | Promise<void>;

/** Who hears about posts a sync changed (the reader layer, to expire their cached pages). */
export function onSync(listener: SyncListener): void {
  processSingleton<{ listener: SyncListener | null }>("sync-listener", () => ({ listener: null })).listener = listener;
}

/** Files → database now (start-up, `npm run content:sync`, recovery). Null when there is no database to sync to. */
export async function syncNow(): Promise<SyncReport | null> {
  if (databaseConfig().kind === "none") return null;
  const { db, dialect } = await openDatabaseStore();
  const report = await syncFilesToDatabase({ db, dialect, dir: contentDir(), mirror: createMirror(contentDir()) });
  const { listener } = processSingleton<{ listener: SyncListener | null }>("sync-listener", () => ({ listener: null }));
  if (listener && report.created.length + report.synced.length + report.conflicts.length > 0) await listener(report);
  return report;
}
