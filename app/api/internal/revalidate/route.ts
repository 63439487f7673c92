import { z } from "zod";
import { isRevalidateSecret } from "@/lib/posts/background";
import { expireTags } from "@/lib/posts/write";

const bodySchema = z.object({ tags: z.array(z.string().min(1).max(256)).max(500) });

/** The server's own loopback call after a background sync (lib/posts/background.ts); refused for anyone else. */
export async function POST(request: Request): Promise<Response> {
  if (!isRevalidateSecret(request.headers.get("x-digest-revalidate"))) return new Response("Forbidden", { status: 403 });
  const parsed = bodySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return new Response("Bad request", { status: 400 });
  expireTags(parsed.data.tags);
  return Response.json({ expired: parsed.data.tags.length });
}
