"use server";

import { z } from "zod";
import { editorAction } from "@/lib/auth/action";
import { ActionError } from "@/lib/auth/action-error";
import { MediaError, processImage } from "@/lib/media/image";
import { MAX_UPLOAD_BYTES, MEDIA_REFUSALS } from "@/lib/media/limits";
import { saveMedia, type MediaItem } from "@/lib/media/store";

const uploadSchema = z.object({
  file: z
    .instanceof(File, { message: MEDIA_REFUSALS.unsupported })
    .refine((file) => file.size > 0, MEDIA_REFUSALS.empty)
    .refine((file) => file.size <= MAX_UPLOAD_BYTES, MEDIA_REFUSALS["too-large"]),
});

/**
 * Uploads one image for the body (pasted, dropped or picked). Whoever may write a post may upload; the image is
 * checked by its bytes, resized and stored by lib/media before anything is answered.
 */
export const uploadMedia = editorAction(
  uploadSchema,
  async ({ file }, { editor }): Promise<MediaItem> => {
    try {
      const image = await processImage(Buffer.from(await file.arrayBuffer()));
      return await saveMedia(image, { originalName: file.name || "image", uploadedBy: editor.email });
    } catch (error) {
      // The field error is a catalogue key (the admin's language); the message stays for logs and scripts.
      if (error instanceof MediaError) throw new ActionError(error.message, "invalid", { file: [MEDIA_REFUSALS[error.code]] });
      throw error;
    }
  },
  { action: "post.create" },
);
