import "server-only";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { dataDir } from "@/lib/config";
import { getDatabase, type Db } from "@/lib/db/client";
import { MEDIA_NAME, contentTypeOf, type ProcessedImage } from "@/lib/media/image";
import { writeFileAtomic } from "@/lib/store/atomic-write";
import { activeStore } from "@/lib/store/active";

/**
 * Where uploaded images live: in the database when it serves (so every instance behind a load balancer has them),
 * else in the data folder beside the Markdown files (one process, like the files store itself). Reads look in the
 * active place first, then in the other, so an image uploaded during a database outage still shows afterwards.
 */

export interface MediaItem {
  name: string;
  url: string;
  contentType: string;
  size: number;
  width: number;
  height: number;
  originalName: string;
  uploadedBy: string;
  createdAt: string;
}

export interface MediaPage {
  items: MediaItem[];
  total: number;
  page: number;
  pageCount: number;
}

export function mediaUrl(name: string): string {
  return `/media/${name}`;
}

const metaSchema = z.object({
  contentType: z.string(),
  size: z.number().int(),
  width: z.number().int(),
  height: z.number().int(),
  originalName: z.string(),
  uploadedBy: z.string(),
  createdAt: z.string(),
});

const mediaDir = () => path.join(dataDir(), "media");

/** The database, when it is the active store; null while files serve. */
async function activeDatabase(): Promise<Db | null> {
  const { store } = await activeStore();
  return store.kind === "database" ? getDatabase() : null;
}

function itemFrom(name: string, meta: z.infer<typeof metaSchema>): MediaItem {
  return { name, url: mediaUrl(name), ...meta };
}

export async function saveMedia(image: ProcessedImage, who: { originalName: string; uploadedBy: string }): Promise<MediaItem> {
  const originalName = who.originalName.slice(0, 200);
  const db = await activeDatabase();
  if (db) {
    // Content-addressed: the same picture uploaded again is the row already there.
    const row = await db.media.upsert({
      where: { name: image.name },
      create: {
        name: image.name,
        contentType: image.contentType,
        bytes: new Uint8Array(image.bytes),
        size: image.bytes.length,
        width: image.width,
        height: image.height,
        originalName,
        uploadedBy: who.uploadedBy,
      },
      update: {},
      select: { name: true, contentType: true, size: true, width: true, height: true, originalName: true, uploadedBy: true, createdAt: true },
    });
    return itemFrom(row.name, { ...row, createdAt: row.createdAt.toISOString() });
  }
  const meta = { contentType: image.contentType, size: image.bytes.length, width: image.width, height: image.height, originalName, uploadedBy: who.uploadedBy, createdAt: new Date().toISOString() };
  // The bytes first: a crash between the two leaves an image without its list entry, never an entry without bytes.
  await writeFileAtomic(path.join(mediaDir(), image.name), image.bytes);
  await writeFileAtomic(path.join(mediaDir(), `${image.name}.json`), JSON.stringify(meta));
  return itemFrom(image.name, meta);
}

export async function readMedia(name: string): Promise<{ bytes: Uint8Array; contentType: string } | null> {
  if (!MEDIA_NAME.test(name)) return null;
  const db = await activeDatabase();
  if (db) {
    const row = await db.media.findUnique({ where: { name }, select: { bytes: true, contentType: true } });
    if (row) return { bytes: row.bytes, contentType: row.contentType };
  }
  const bytes = await readFile(path.join(mediaDir(), name)).catch(() => null);
  const contentType = contentTypeOf(name);
  return bytes && contentType ? { bytes, contentType } : null;
}

async function filesPage(page: number, perPage: number): Promise<MediaPage> {
  const names = (await readdir(mediaDir()).catch(() => [] as string[])).filter((name) => MEDIA_NAME.test(name));
  const items: MediaItem[] = [];
  for (const name of names) {
    const parsed = metaSchema.safeParse(JSON.parse(await readFile(path.join(mediaDir(), `${name}.json`), "utf8").catch(() => "null")));
    if (parsed.success) items.push(itemFrom(name, parsed.data));
  }
  items.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.name.localeCompare(b.name));
  const pageCount = Math.max(1, Math.ceil(items.length / perPage));
  const current = Math.min(Math.max(1, page), pageCount);
  return { items: items.slice((current - 1) * perPage, current * perPage), total: items.length, page: current, pageCount };
}

/** Newest first, a page at a time. */
export async function listMedia(page = 1, perPage = 24): Promise<MediaPage> {
  const db = await activeDatabase();
  if (!db) return filesPage(page, perPage);
  const total = await db.media.count();
  const pageCount = Math.max(1, Math.ceil(total / perPage));
  const current = Math.min(Math.max(1, page), pageCount);
  const rows = await db.media.findMany({
    orderBy: [{ createdAt: "desc" }, { name: "asc" }],
    skip: (current - 1) * perPage,
    take: perPage,
    select: { name: true, contentType: true, size: true, width: true, height: true, originalName: true, uploadedBy: true, createdAt: true },
  });
  return { items: rows.map((row) => itemFrom(row.name, { ...row, createdAt: row.createdAt.toISOString() })), total, page: current, pageCount };
}

/**
 * The posts whose body names each image (at most `limit` each), for the media list. A substring match on the body:
 * a scan per image, so it is asked only for the page of images on screen, in the admin, never on a reader's request.
 * Null when the files serve (their posts are not in a table to ask).
 */
export async function mediaUsage(names: string[], limit = 5): Promise<Map<string, { slug: string; title: string }[]> | null> {
  const db = await activeDatabase();
  if (!db) return null;
  const entries = await Promise.all(
    names.map(async (name) => {
      const posts = await db.post.findMany({ where: { body: { contains: mediaUrl(name) } }, select: { slug: true, title: true }, orderBy: { date: "desc" }, take: limit });
      return [name, posts] as const;
    }),
  );
  return new Map(entries);
}
