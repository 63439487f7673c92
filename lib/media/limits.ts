/** Upload limits, apart from the image code so the browser can check them without loading sharp. */
export const MAX_UPLOAD_BYTES = 8 * 1024 * 1024;
export const MAX_UPLOAD_MB = MAX_UPLOAD_BYTES / 1048576;

/** Why an image was refused: each is a catalogue key under `fieldErrors.` in the admin's language. */
export const MEDIA_REFUSALS = {
  "too-large": "imageTooLarge",
  empty: "imageEmpty",
  svg: "imageSvg",
  unsupported: "imageUnsupported",
  unreadable: "imageUnreadable",
} as const;
export type MediaRefusal = keyof typeof MEDIA_REFUSALS;
