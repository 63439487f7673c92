import { createHash } from "node:crypto";
import sharp, { type OutputInfo } from "sharp";
import { MAX_UPLOAD_BYTES, type MediaRefusal } from "@/lib/media/limits";

export { MAX_UPLOAD_BYTES } from "@/lib/media/limits";

/**
 * What an uploaded image becomes before it is stored: checked by its bytes (never by its name or the browser's type),
 * turned upright, stripped of metadata (camera, GPS), scaled down to a width a post column can use, and named by the
 * hash of what is stored, so a URL always means the same picture and may be cached for ever.
 */

/** Wider than the reading column at 2× (42rem ≈ 672 px): a screenshot stays sharp, a 6000 px photo does not ship. */
export const MAX_WIDTH = 1600;
/** A decompression bomb (a tiny file that expands to gigapixels) is refused before it is decoded. */
const MAX_INPUT_PIXELS = 40_000_000;

const OUTPUT = {
  jpeg: { ext: "jpg", contentType: "image/jpeg" },
  png: { ext: "png", contentType: "image/png" },
  webp: { ext: "webp", contentType: "image/webp" },
  gif: { ext: "gif", contentType: "image/gif" },
} as const;
type Accepted = keyof typeof OUTPUT;

export class MediaError extends Error {
  constructor(
    message: string,
    readonly code: MediaRefusal,
  ) {
    super(message);
    this.name = "MediaError";
  }
}

export interface ProcessedImage {
  name: string;
  bytes: Buffer;
  contentType: string;
  width: number;
  height: number;
}

function accepted(format: string | undefined): format is Accepted {
  return format !== undefined && format in OUTPUT;
}

function looksLikeSvg(input: Buffer): boolean {
  const head = input.subarray(0, 1024).toString("utf8").trimStart().toLowerCase();
  return head.startsWith("<svg") || (head.startsWith("<?xml") && head.includes("<svg")) || head.includes("<!doctype svg");
}

export async function processImage(input: Buffer): Promise<ProcessedImage> {
  if (input.length === 0) throw new MediaError("The file is empty.", "empty");
  if (input.length > MAX_UPLOAD_BYTES) {
    throw new MediaError(`The image is ${(input.length / 1048576).toFixed(1)} MB; at most ${MAX_UPLOAD_BYTES / 1048576} MB is accepted.`, "too-large");
  }
  // SVG can carry scripts and links; sanitising it well is its own project. Refused, with the reason.
  if (looksLikeSvg(input)) throw new MediaError("SVG images are not accepted (they can contain scripts): export a PNG instead.", "svg");
  let format: string | undefined;
  let pages = 1;
  try {
    const meta = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
    format = meta.format;
    pages = meta.pages ?? 1;
  } catch {
    throw new MediaError("This file is not an image that can be read (or it is larger than 40 megapixels).", "unreadable");
  }
  if (format === "svg") throw new MediaError("SVG images are not accepted (they can contain scripts): export a PNG instead.", "svg");
  if (!accepted(format)) throw new MediaError(`Images of type "${format ?? "unknown"}" are not accepted: use JPEG, PNG, WebP or GIF.`, "unsupported");

  const animated = format === "gif" || (format === "webp" && pages > 1);
  const pipeline = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, animated })
    .rotate()
    .resize({ width: MAX_WIDTH, withoutEnlargement: true });
  const encoded =
    format === "jpeg"
      ? pipeline.jpeg({ quality: 82, mozjpeg: true })
      : format === "png"
        ? pipeline.png({ compressionLevel: 9 })
        : format === "webp"
          ? pipeline.webp({ quality: 82 })
          : pipeline.gif();
  let output: { data: Buffer; info: OutputInfo };
  try {
    output = await encoded.toBuffer({ resolveWithObject: true });
  } catch {
    throw new MediaError("This image could not be read to the end (the file may be damaged).", "unreadable");
  }
  const hash = createHash("sha256").update(output.data).digest("hex").slice(0, 32);
  return {
    name: `${hash}.${OUTPUT[format].ext}`,
    bytes: output.data,
    contentType: OUTPUT[format].contentType,
    width: output.info.width,
    // An animation's height is the height of one frame.
    height: output.info.pageHeight ?? output.info.height,
  };
}

/** A stored image's name as URLs carry it; anything else is not one of ours. */
export const MEDIA_NAME = /^[0-9a-f]{32}\.(?:jpg|png|webp|gif)$/;

export function contentTypeOf(name: string): string | null {
  const ext = name.slice(name.lastIndexOf(".") + 1);
  const entry = Object.values(OUTPUT).find((output) => output.ext === ext);
  return entry?.contentType ?? null;
}
