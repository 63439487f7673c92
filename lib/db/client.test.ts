import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { StoreUnavailableError } from "@/lib/store/types";
import { disconnectDatabase, getDatabase, isDatabaseUp } from "./client";

const saved = { url: process.env.DATABASE_URL, store: process.env.DIGEST_STORE };

afterEach(async () => {
  await disconnectDatabase();
  process.env.DATABASE_URL = saved.url;
  process.env.DIGEST_STORE = saved.store;
  if (saved.url === undefined) delete process.env.DATABASE_URL;
  if (saved.store === undefined) delete process.env.DIGEST_STORE;
});

describe("getDatabase", () => {
  it("is null without touching anything when DIGEST_STORE=files", async () => {
    process.env.DIGEST_STORE = "files";
    process.env.DATABASE_URL = "postgresql://127.0.0.1:1/never";
    expect(await getDatabase()).toBeNull();
    expect(await isDatabaseUp()).toBe(false);
  });

  it("opens one shared client per configuration", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "digest-client-"));
    try {
      delete process.env.DIGEST_STORE;
      process.env.DATABASE_URL = `file:${path.join(dir, "a.db")}`;
      const [first, second] = await Promise.all([getDatabase(), getDatabase()]);
      expect(first).not.toBeNull();
      expect(second).toBe(first);
      expect(await isDatabaseUp()).toBe(true);
    } finally {
      await disconnectDatabase();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reports an unreachable PostgreSQL as StoreUnavailableError, and tries again on the next call", async () => {
    delete process.env.DIGEST_STORE;
    process.env.DATABASE_URL = "postgresql://postgres@127.0.0.1:1/digest";
    const first = getDatabase();
    await expect(first).rejects.toBeInstanceOf(StoreUnavailableError);
    const again = getDatabase();
    expect(again).not.toBe(first);
    await expect(again).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});

describe("isDatabaseUp", () => {
  it("answers false quickly when the PostgreSQL port is closed", async () => {
    delete process.env.DIGEST_STORE;
    process.env.DATABASE_URL = "postgresql://postgres@127.0.0.1:1/digest";
    const started = Date.now();
    expect(await isDatabaseUp(1500)).toBe(false);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it("gives up after the timeout when the server does not answer at all", async () => {
    delete process.env.DIGEST_STORE;
    // A non-routable address: the connection attempt hangs instead of being refused.
    process.env.DATABASE_URL = "postgresql://postgres@10.255.255.1:5432/digest";
    const started = Date.now();
    expect(await isDatabaseUp(300)).toBe(false);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it("waits for a fresh SQLite file to be created and migrated rather than timing out", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "digest-up-"));
    try {
      delete process.env.DIGEST_STORE;
      process.env.DATABASE_URL = `file:${path.join(dir, "fresh.db")}`;
      expect(await isDatabaseUp(1)).toBe(true);
    } finally {
      await disconnectDatabase();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)("answers true for a running PostgreSQL", async () => {
    delete process.env.DIGEST_STORE;
    process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
    expect(await isDatabaseUp()).toBe(true);
  });
});
