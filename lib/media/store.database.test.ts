import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDatabase, getDatabase } from "@/lib/db/client";
import { mediaStoreContract } from "./store-contract";

const saved = { ...process.env };
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "digest-media-db-"));
  delete process.env.DIGEST_STORE;
  process.env.DATABASE_URL = `file:${path.join(dir, "media.db")}`;
  process.env.DIGEST_DATA_DIR = path.join(dir, "data");
  process.env.CONTENT_DIR = path.join(dir, "content");
});
afterAll(async () => {
  await disconnectDatabase();
  process.env = saved;
  await rm(dir, { recursive: true, force: true });
});

describe("media store: database (SQLite)", () => {
  mediaStoreContract(() => import("./store"));

  it("keeps them in the table every instance reads, not on this instance's disk", async () => {
    const db = await getDatabase();
    expect(await db?.media.count()).toBeGreaterThanOrEqual(4);
    const { readdir } = await import("node:fs/promises");
    expect(await readdir(path.join(dir, "data", "media")).catch(() => [])).toEqual([]);
  });
});
