/**
 * The site's security headers, built in one place for next.config.ts (every response, and the reader pages' CSP) and
 * proxy.ts (the admin's nonce-based CSP). Relative imports only: next.config.ts is loaded without the `@/` alias.
 *
 * Why two policies: Next's App Router streams its data as inline `self.__next_f.push(…)` scripts whose text differs on
 * every page, so a static header can allow them only with 'unsafe-inline' (a hash cannot be known in advance) or a
 * per-request nonce, and a nonce makes a page dynamic (no ISR cache). Reader pages stay cached and get
 * `script-src 'self' 'unsafe-inline'`; what keeps script out of them is the renderer (MDX never executes, every raw
 * element is sanitized), and the rest of the policy still holds (no plugins, no <base>, no foreign form targets, no
 * framing, no foreign connections). The admin is dynamic anyway (it reads the session), so there a fresh nonce with
 * 'strict-dynamic' allows Next's scripts and nothing injected.
 */

/** `sha256-…` of `themeScript` (lib/theme-script-source.ts); headers.test.ts recomputes it, so a change cannot slip by. */
export const THEME_SCRIPT_HASH = "'sha256-9TEwRgY4OWf6P0hiYj7wMMH2J/DBXXUcsO5JFtOin+M='";

export interface CspOptions {
  /** The admin's per-request nonce; without one, the reader pages' static policy. */
  nonce?: string;
  /** `next dev` needs eval (React's call stacks) and a WebSocket for hot reload. */
  development?: boolean;
}

export function contentSecurityPolicy({ nonce, development = false }: CspOptions = {}): string {
  const script = nonce
    ? ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", THEME_SCRIPT_HASH]
    : // A hash or nonce here would switch 'unsafe-inline' off in every CSP2 browser and block Next's inline scripts.
      ["'self'", "'unsafe-inline'"];
  if (development) script.push("'unsafe-eval'");
  const directives: [string, string[]][] = [
    ["default-src", ["'self'"]],
    ["script-src", script],
    // React and CodeMirror set style attributes and <style> elements; a nonce here would turn 'unsafe-inline' off.
    ["style-src", ["'self'", "'unsafe-inline'"]],
    // Post bodies and covers show images from anywhere on the web (http(s) URLs are allowed by the sanitizer).
    ["img-src", ["'self'", "data:", "blob:", "https:", "http:"]],
    ["media-src", ["'self'", "https:"]],
    ["font-src", ["'self'", "data:"]],
    ["connect-src", development ? ["'self'", "ws:", "wss:"] : ["'self'"]],
    ["frame-src", ["'none'"]],
    ["object-src", ["'none'"]],
    ["base-uri", ["'self'"]],
    ["form-action", ["'self'"]],
    ["frame-ancestors", ["'none'"]],
  ];
  return directives.map(([name, values]) => `${name} ${values.join(" ")}`).join("; ");
}

export interface HeaderPair {
  key: string;
  value: string;
}

/** Headers every response carries. HSTS only when the site is served over HTTPS (`SITE_URL` at build time). */
export function commonSecurityHeaders(siteUrl: string | undefined): HeaderPair[] {
  const headers: HeaderPair[] = [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
    // For browsers without frame-ancestors.
    { key: "X-Frame-Options", value: "DENY" },
  ];
  if (siteUrl?.trim().toLowerCase().startsWith("https://")) {
    headers.push({ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" });
  }
  return headers;
}

/** A nonce for one admin response: 128 random bits, base64. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * next.config.ts `headers()`: the common headers everywhere, the static CSP everywhere except /admin (the proxy sets
 * the admin's own; two CSP headers would both be enforced).
 */
export function nextConfigHeaders(siteUrl: string | undefined, development: boolean) {
  return [
    { source: "/:path*", headers: commonSecurityHeaders(siteUrl) },
    {
      source: "/((?!admin/|admin$).*)",
      headers: [{ key: "Content-Security-Policy", value: contentSecurityPolicy({ development }) }],
    },
  ];
}
