export const DEFAULT_AFTER_SIGN_IN = "/admin";
export const SIGN_IN_PATH = "/admin/login";

const BASE = "http://digest.invalid";

/**
 * Where to go after signing in. Only a path on this site is accepted: anything that could leave it
 * (`https://evil.example`, `//evil.example`, `/\evil.example`, `javascript:…`) or that would come back to the
 * sign-in page becomes the default.
 */
export function safeCallbackUrl(value: unknown, fallback: string = DEFAULT_AFTER_SIGN_IN): string {
  if (typeof value !== "string") return fallback;
  const candidate = value.trim();
  // Browsers treat a backslash like a slash, and strip tabs and newlines, so "/\evil" and "/\t/evil" leave the site.
  if (!candidate.startsWith("/") || /[\\\u0000-\u001f\u007f]/.test(candidate)) return fallback;
  if (candidate.startsWith("//")) return fallback;

  let url: URL;
  try {
    url = new URL(candidate, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  if (url.pathname === SIGN_IN_PATH || url.pathname.startsWith(`${SIGN_IN_PATH}/`)) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in page, asked to come back to `path` afterwards. */
export function signInUrl(path: string): string {
  return `${SIGN_IN_PATH}?${new URLSearchParams({ callbackUrl: safeCallbackUrl(path) })}`;
}
