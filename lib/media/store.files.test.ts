import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe } from "vitest";
import { mediaStoreContract } from "./store-contract";

const saved = { ...process.env };
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "digest-media-files-"));
  process.env.DIGEST_STORE = "files";
  process.env.DIGEST_DATA_DIR = path.join(dir, "data");
  process.env.CONTENT_DIR = path.join(dir, "content");
});
afterAll(async () => {
  process.env = saved;
  await rm(dir, { recursive: true, force: true });
});

describe("media store: files (no database)", () => {
  mediaStoreContract(() => import("./store"));
});
