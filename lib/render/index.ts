import "server-only";

/**
 * The only way post bodies become React. See `render-post.ts` for what is allowed and `pipeline.ts` for the order of
 * the plugins that make it safe.
 */
export { renderPost } from "./render-post";
export { checkPostBody } from "./check-post-body";
export type { BodyCheck, RenderInput, RenderedPost, TocEntry } from "./types";
