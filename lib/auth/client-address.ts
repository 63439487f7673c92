/**
 * The address a sign-in came from, for rate limiting. Next.js fills `x-forwarded-for` with the socket address when
 * the client sent none; a reverse proxy appends the address it saw. The last entry is therefore the one closest to
 * us and the hardest to forge. Without a proxy a client can still invent the header, which is why failures are also
 * counted per account.
 */
export function clientAddress(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded
    ?.split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .at(-1);
  return last ?? headers.get("x-real-ip")?.trim() ?? null;
}
