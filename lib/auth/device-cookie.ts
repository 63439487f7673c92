import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * A device cookie (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"): after a successful sign-in the
 * browser gets a signed cookie naming the account and a random nonce. A later sign-in to that account from that
 * browser is a *trusted* attempt: the per-account back-off that strangers' failures build up does not apply to it (it
 * has its own small failure budget instead), so someone guessing an editor's password from many addresses cannot lock
 * the editor out of the browsers they already use.
 */
export const DEVICE_COOKIE = "digest-device";
export const DEVICE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

function key(secret: string): Buffer {
  // A key of its own, so this MAC can never be confused with anything Auth.js signs with the same secret.
  return createHmac("sha256", secret).update("digest device cookie v1").digest();
}

function mac(secret: string, email: string, nonce: string): string {
  return createHmac("sha256", key(secret)).update(`${email}\n${nonce}`).digest("base64url");
}

export function issueDeviceCookie(secret: string, email: string): string {
  const nonce = randomBytes(16).toString("base64url");
  return `${Buffer.from(email, "utf8").toString("base64url")}.${nonce}.${mac(secret, email, nonce)}`;
}

/** The nonce of a genuine device cookie for this account, or null. */
export function verifyDeviceCookie(secret: string, email: string, value: string | undefined | null): string | null {
  if (!value || value.length > 1024) return null;
  const [encodedEmail, nonce, signature, ...rest] = value.split(".");
  if (rest.length > 0 || !encodedEmail || !nonce || !signature) return null;
  if (Buffer.from(encodedEmail, "base64url").toString("utf8") !== email) return null;
  const expected = Buffer.from(mac(secret, email, nonce));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? nonce : null;
}

/** One cookie from a Cookie header. */
export function readCookie(header: string | null, name: string): string | null {
  for (const part of (header ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return null;
}
