import sharp from "sharp";
import { expect, it } from "vitest";
import { processImage } from "./image";

type StoreModule = typeof import("./store");

/** What either place that keeps images must do (store.files.test.ts, store.database.test.ts). */
export function mediaStoreContract(load: () => Promise<StoreModule>): void {
  const picture = async (colour: string) =>
    processImage(await sharp({ create: { width: 64, height: 48, channels: 3, background: colour } }).png().toBuffer());

  it("keeps an image's bytes under its content name, and the same picture twice is one entry", async () => {
    const { saveMedia, readMedia, listMedia } = await load();
    const image = await picture("#112233");
    const saved = await saveMedia(image, { originalName: "架构图.png", uploadedBy: "alice@example.com" });
    expect(saved).toMatchObject({ name: image.name, url: `/media/${image.name}`, width: 64, height: 48, originalName: "架构图.png" });
    const read = await readMedia(image.name);
    expect(read?.contentType).toBe("image/png");
    expect(Buffer.from(read?.bytes ?? []).equals(image.bytes)).toBe(true);

    await saveMedia(image, { originalName: "again.png", uploadedBy: "bob@example.com" });
    const listed = await listMedia(1, 10);
    expect(listed.items.filter((item) => item.name === image.name)).toHaveLength(1);
  });

  it("lists newest first, a page at a time", async () => {
    const { saveMedia, listMedia } = await load();
    for (const colour of ["#010101", "#020202", "#030303"]) {
      await saveMedia(await picture(colour), { originalName: `${colour}.png`, uploadedBy: "alice@example.com" });
      // createdAt has millisecond precision: keep the three apart.
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const first = await listMedia(1, 2);
    expect(first.items.map((item) => item.originalName)).toEqual(["#030303.png", "#020202.png"]);
    expect(first.pageCount).toBeGreaterThanOrEqual(2);
    const second = await listMedia(2, 2);
    expect(second.items[0]?.originalName).toBe("#010101.png");
  });

  it("answers nothing for a name that is not one of ours, without touching the disk or the database", async () => {
    const { readMedia } = await load();
    expect(await readMedia("../../etc/passwd")).toBeNull();
    expect(await readMedia(`${"0".repeat(32)}.png`)).toBeNull();
    expect(await readMedia(`${"0".repeat(32)}.svg`)).toBeNull();
  });
}
