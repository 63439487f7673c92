"use client";

import { useCallback, useState } from "react";
import { uploadMedia } from "@/app/admin/media-actions";
import { MAX_UPLOAD_BYTES, MEDIA_REFUSALS } from "@/lib/media/limits";
import { firstFieldErrors } from "./action-feedback";
import { useT } from "./i18n";
import { imageMarkdown } from "./markdown-commands";
import { useEditorAction } from "./use-editor-action";

/** The types the server accepts (lib/media/image.ts checks the bytes again; this only filters the file picker). */
export const IMAGE_ACCEPT = "image/png,image/jpeg,image/webp,image/gif";

/** Image files among what was pasted or dropped; text and other files are left to the editor. */
export function imageFiles(list: FileList | null | undefined): File[] {
  return Array.from(list ?? []).filter((file) => file.type.startsWith("image/") || file.type === "");
}

/**
 * Uploads images for the body one at a time and hands each one's Markdown to `insert` as it arrives, so two pasted
 * pictures land in the order they were given. A refused file (too large, SVG, not an image) says why and inserts
 * nothing; the text typed meanwhile is never touched.
 */
export function useImageUpload(insert: (markdown: string) => void) {
  const t = useT();
  const { run } = useEditorAction(uploadMedia);
  const [uploading, setUploading] = useState(0);
  const [error, setError] = useState<string | null>(null);

  const upload = useCallback(
    async (files: File[]) => {
      setError(null);
      for (const file of files) {
        const name = file.name || "image";
        // Checked here too, so an 80 MB photo is refused at once instead of after its upload.
        if (file.size > MAX_UPLOAD_BYTES) {
          setError(`${name}: ${t(`fieldErrors.${MEDIA_REFUSALS["too-large"]}`)}`);
          continue;
        }
        setUploading((count) => count + 1);
        try {
          const form = new FormData();
          form.set("file", file);
          const result = await run(form);
          if (result.ok) insert(imageMarkdown(result.data.url, name));
          else setError(`${name}: ${(result.reason === "failed" && firstFieldErrors(result.failure, t).file) || result.message}`);
        } finally {
          setUploading((count) => count - 1);
        }
      }
    },
    [insert, run, t],
  );

  return { upload, uploading: uploading > 0, error };
}
