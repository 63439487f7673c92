import { z } from "zod";
import { postRefSchema } from "@/lib/admin/post-schema";
import type { EditablePost } from "@/lib/admin/types";
import { can, type Actor, type PostAction } from "@/lib/auth/permissions";
import { ConflictError, PostNotFoundError, StoreUnavailableError } from "@/lib/errors";

/**
 * Bulk publish, unpublish and delete from the admin list. Each post is its own write with its own version check
 * and permission check, so one post changed elsewhere since the list was drawn is reported and left alone while
 * the others go through; nothing is all-or-nothing across posts, as in Ghost's bulk actions.
 */

export const BULK_OPERATIONS = ["publish", "unpublish", "delete"] as const;
export type BulkOperation = (typeof BULK_OPERATIONS)[number];

/** At most one page of the list: every item is a separate write. */
export const BULK_LIMIT = 100;

export const bulkRequestSchema = z.object({
  operation: z.enum(BULK_OPERATIONS),
  items: z
    .array(postRefSchema)
    .min(1, "Choose at least one post.")
    .max(BULK_LIMIT, `At most ${BULK_LIMIT} posts at once.`)
    .refine((items) => new Set(items.map((item) => item.slug)).size === items.length, "A post is listed twice."),
});
export type BulkRequest = z.infer<typeof bulkRequestSchema>;

export const bulkPermission: Record<BulkOperation, PostAction> = {
  publish: "post.publish",
  unpublish: "post.unpublish",
  delete: "post.delete",
};

export type BulkOutcome =
  /** Written. */
  | "done"
  /** Already as asked (published, draft): nothing written. */
  | "unchanged"
  /** Changed since the list was drawn: left alone. */
  | "conflict"
  | "forbidden"
  | "not-found"
  /** The store went away: this post and the ones after it were not attempted. */
  | "unavailable"
  | "failed";

export interface BulkItemResult {
  slug: string;
  outcome: BulkOutcome;
}

export interface BulkResult {
  operation: BulkOperation;
  items: BulkItemResult[];
  /** How many were written. */
  done: number;
}

export interface BulkDeps {
  load(slug: string): Promise<EditablePost | null>;
  apply(operation: BulkOperation, slug: string, versionToken: string): Promise<void>;
}

function alreadyDone(operation: BulkOperation, post: EditablePost): boolean {
  if (operation === "publish") return post.status === "published" || post.status === "scheduled";
  if (operation === "unpublish") return post.status === "draft";
  return post.status === "deleted";
}

function outcomeOf(error: unknown): BulkOutcome {
  if (ConflictError.is(error)) return "conflict";
  if (PostNotFoundError.is(error)) return "not-found";
  if (StoreUnavailableError.is(error)) return "unavailable";
  return "failed";
}

export async function runBulk(request: BulkRequest, actor: Actor, deps: BulkDeps): Promise<BulkResult> {
  const items: BulkItemResult[] = [];
  const action = bulkPermission[request.operation];
  let storeGone = false;
  for (const { slug, versionToken } of request.items) {
    if (storeGone) {
      items.push({ slug, outcome: "unavailable" });
      continue;
    }
    let outcome: BulkOutcome;
    try {
      const post = await deps.load(slug);
      if (!post) outcome = "not-found";
      else if (!can(actor, action, post)) outcome = "forbidden";
      // The list's token must still be the post's, even when there is nothing to write: the editor decided on
      // what the list showed.
      else if (post.versionToken !== versionToken) outcome = "conflict";
      else if (alreadyDone(request.operation, post)) outcome = "unchanged";
      else {
        await deps.apply(request.operation, slug, versionToken);
        outcome = "done";
      }
    } catch (error) {
      outcome = outcomeOf(error);
      if (outcome === "failed") console.error("[bulk] unexpected error", { slug, operation: request.operation }, error);
    }
    if (outcome === "unavailable") storeGone = true;
    items.push({ slug, outcome });
  }
  return { operation: request.operation, items, done: items.filter((item) => item.outcome === "done").length };
}
