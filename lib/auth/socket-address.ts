import http from "node:http";
import https from "node:https";
import { randomBytes } from "node:crypto";
import { processSlot } from "../singleton";

/**
 * The address of the TCP peer of a request, for sign-in limits. Next.js does not expose it to route handlers or
 * server actions (NextRequest.ip is gone since 15), and the `x-forwarded-for` it fills in is the client's own when the
 * client sent one. So at start (instrumentation) every incoming request is stamped, before Next reads it, with a header
 * holding the socket's address and a random token of this process; `socketAddress()` believes the header only with
 * that token, so a client cannot forge it, and without the stamp installed (a custom server) there is no address.
 */
export const SOCKET_ADDRESS_HEADER = "x-digest-socket-address";

const stamp = processSlot<{ token: string }>("socket-stamp");

function stampToken(): string {
  stamp.value ??= { token: randomBytes(18).toString("base64url") };
  return stamp.value.token;
}

/** Writes the stamp onto an incoming request (replacing whatever the client sent under that name). */
export function stampRequest(request: http.IncomingMessage): void {
  const address = request.socket?.remoteAddress ?? "";
  request.headers[SOCKET_ADDRESS_HEADER] = `${stampToken()} ${address}`;
}

const installed = Symbol.for("digest.socket-address-stamp");

/** Idempotent. Patches `emit` of http(s) servers so each "request" is stamped before any listener sees it. */
export function installSocketAddressStamp(): void {
  for (const Server of [http.Server, https.Server]) {
    const prototype = Server.prototype as http.Server & { [installed]?: true };
    if (prototype[installed]) continue;
    const emit = prototype.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
    prototype.emit = function stampedEmit(this: http.Server, event: string | symbol, ...args: unknown[]) {
      if (event === "request" && args[0] instanceof http.IncomingMessage) stampRequest(args[0]);
      return emit.call(this, event, ...args);
    } as typeof prototype.emit;
    prototype[installed] = true;
  }
}

/** The peer address the stamp recorded, or null when the request carries no genuine stamp. */
export function socketAddress(headers: Headers): string | null {
  const value = headers.get(SOCKET_ADDRESS_HEADER);
  if (!value || !stamp.value) return null;
  const space = value.indexOf(" ");
  if (space < 0 || value.slice(0, space) !== stamp.value.token) return null;
  return value.slice(space + 1) || null;
}

/** For tests that drive route handlers directly: the header a stamped request would carry. */
export function socketAddressHeaderFor(address: string): Record<string, string> {
  return { [SOCKET_ADDRESS_HEADER]: `${stampToken()} ${address}` };
}
