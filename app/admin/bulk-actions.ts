"use server";

import { bulkPermission, bulkRequestSchema, runBulk, type BulkOperation, type BulkResult } from "@/lib/admin/bulk";
import { getEditablePost } from "@/lib/admin/queries";
import { editorAction } from "@/lib/auth/action";
import { deletePost, setPostDraft } from "@/lib/posts/write";

/**
 * Bulk publish, unpublish and delete from the admin list (lib/admin/bulk.ts). Built on `editorAction` like every
 * action: the role must be allowed the operation at all before anything is read, and `runBulk` then asks the same
 * rules about each post it touches, so a mixed choice is done where it may be and reported where it may not.
 */
export const bulkPosts = editorAction(
  bulkRequestSchema,
  async (request, { editor }): Promise<BulkResult> => {
    const who = { id: editor.id, email: editor.email };
    return runBulk(request, editor, {
      load: getEditablePost,
      async apply(operation: BulkOperation, slug, versionToken) {
        if (operation === "delete") await deletePost(slug, versionToken, who);
        else await setPostDraft(slug, operation === "unpublish", versionToken, who);
      },
    });
  },
  {
    // The least any bulk operation needs; the operation's own permission is checked next, before the body.
    action: "post.edit",
    checks: (request) => [{ action: bulkPermission[request.operation] }],
  },
);
