"use client";

import { themeScript } from "@/lib/theme-script-source";

/**
 * Runs before first paint so the page never flashes the wrong theme: a stored choice wins, otherwise the system's.
 * It is a fixed string of our own (lib/theme-script-source.ts); nothing from posts or users goes into it. The admin's
 * Content-Security-Policy allows it by its hash (lib/security/headers.ts).
 *
 * A client component on purpose (Next's "preventing flash before hydration" guide): the server renders a script the
 * browser runs while parsing; when React renders it in the browser (hydration, a not-found boundary re-rendering the
 * root layout) it is `text/plain`, so nothing runs twice and React's development warning about rendering a script
 * tag never fires. `suppressHydrationWarning` covers the differing `type`.
 */

export function ThemeScript() {
  return (
    <script
      type={typeof window === "undefined" ? "text/javascript" : "text/plain"}
      suppressHydrationWarning
      dangerouslySetInnerHTML={{ __html: themeScript }}
    />
  );
}
