import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { MAX_UPLOAD_BYTES, MAX_WIDTH, MEDIA_NAME, MediaError, processImage } from "./image";

const png = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: "#3366cc" } }).png().toBuffer();

async function refusal(input: Buffer): Promise<MediaError["code"]> {
  const error: unknown = await processImage(input).catch((caught: unknown) => caught);
  if (!(error instanceof MediaError)) throw new Error(`expected a MediaError, got ${String(error)}`);
  return error.code;
}

describe("processImage", () => {
  it("keeps a small image's size and names it by the hash of its bytes", async () => {
    const image = await processImage(await png(320, 200));
    expect([image.width, image.height, image.contentType]).toEqual([320, 200, "image/png"]);
    expect(image.name).toMatch(MEDIA_NAME);
    expect((await processImage(await png(320, 200))).name).toBe(image.name);
    expect((await processImage(await png(321, 200))).name).not.toBe(image.name);
  });

  it("scales a wide photo down to the column's width, keeping its proportions", async () => {
    const photo = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: "#884422" } }).jpeg().toBuffer();
    const image = await processImage(photo);
    expect([image.width, image.height, image.contentType]).toEqual([MAX_WIDTH, 1200, "image/jpeg"]);
    expect(image.name.endsWith(".jpg")).toBe(true);
  });

  it("turns a photo upright and drops its metadata (camera, place)", async () => {
    const sideways = await sharp({ create: { width: 300, height: 100, channels: 3, background: "#222222" } })
      .jpeg()
      .withMetadata({ orientation: 6, exif: { IFD0: { Make: "SecretCam" } } })
      .toBuffer();
    const image = await processImage(sideways);
    expect([image.width, image.height]).toEqual([100, 300]);
    const meta = await sharp(image.bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation ?? 1).toBe(1);
  });

  it("refuses SVG, by its bytes whatever it is called", async () => {
    const svg = Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect(await refusal(svg)).toBe("svg");
    expect(await refusal(Buffer.from('  <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'))).toBe("svg");
  });

  it("refuses what is not an image, an empty file and one over the limit", async () => {
    expect(await refusal(Buffer.from("%PDF-1.7 not a picture"))).toBe("unreadable");
    expect(await refusal(Buffer.alloc(0))).toBe("empty");
    expect(await refusal(Buffer.alloc(MAX_UPLOAD_BYTES + 1))).toBe("too-large");
  });

  it("refuses a decompression bomb before decoding it", async () => {
    // 8,000 × 8,000 of one colour compresses to almost nothing and would decode to 192 MB.
    const bomb = await sharp({ create: { width: 8000, height: 8000, channels: 3, background: "#ffffff" } }).png({ compressionLevel: 9 }).toBuffer();
    expect(bomb.length).toBeLessThan(MAX_UPLOAD_BYTES);
    expect(await refusal(bomb)).toBe("unreadable");
  });
});
