import { encode } from "next-auth/jwt";
import type { BrowserContext } from "@playwright/test";
import { e2eAuthSecret } from "../sites";

/** Auth.js's cookie name on plain http. */
const COOKIE = "authjs.session-token";

/**
 * Puts a signed session for `editor` into the browser, as if they had signed in before the database went away
 * (signing in needs the accounts, which live in the database).
 */
export async function addEditorSession(
  context: BrowserContext,
  baseURL: string,
  editor = { id: "outage-editor", email: "editor@digest.local", name: "editor", role: "editor" as const },
): Promise<void> {
  const value = await encode({
    token: { sub: editor.id, email: editor.email, name: editor.name, editor },
    secret: e2eAuthSecret,
    salt: COOKIE,
    maxAge: 60 * 60,
  });
  await context.addCookies([{ name: COOKIE, value, url: baseURL, httpOnly: true, sameSite: "Lax" }]);
}
