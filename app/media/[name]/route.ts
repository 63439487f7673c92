import { readMedia } from "@/lib/media/store";

/**
 * An uploaded image. Its name is the hash of its bytes, so the answer for a name never changes: browsers and CDNs
 * may keep it for a year without asking again. Read-only: nothing here writes.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ name: string }> }): Promise<Response> {
  const { name } = await params;
  const media = await readMedia(name);
  if (!media) return new Response("Not found\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
  return new Response(new Uint8Array(media.bytes), {
    headers: {
      "content-type": media.contentType,
      "content-length": String(media.bytes.byteLength),
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
      // Opened on its own, an image is a document of this origin: it may run nothing.
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    },
  });
}
