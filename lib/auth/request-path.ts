/**
 * Set by proxy.ts on admin requests: the path and query asked for, so a layout (which Next does not tell the path)
 * can send an anonymous visitor to the sign-in page and back. Only used to build a callback URL, which is
 * sanitised anyway, so a forged value can do no harm.
 */
export const REQUEST_PATH_HEADER = "x-digest-path";
