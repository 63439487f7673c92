import { BlockList, isIP } from "node:net";
import { socketAddress } from "@/lib/auth/socket-address";

/**
 * Which peers may say who the client is. TRUSTED_PROXIES lists addresses and CIDR ranges ("127.0.0.1, 10.0.0.0/8,
 * ::1"; "loopback" is shorthand for 127.0.0.0/8 and ::1); by default it is empty and forwarded headers are ignored.
 */
export interface TrustedProxies {
  readonly configured: boolean;
  has(address: string): boolean;
}

export class TrustedProxiesError extends Error {
  constructor(entry: string) {
    super(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range (e.g. 127.0.0.1, 10.0.0.0/8, ::1, loopback).`);
    this.name = "TrustedProxiesError";
  }
}

/** `::ffff:127.0.0.1` (how Node reports IPv4 peers on a dual-stack socket) is 127.0.0.1. */
export function normaliseAddress(address: string): string | null {
  let value = address.trim();
  if (value.startsWith("[") && value.includes("]")) value = value.slice(1, value.indexOf("]"));
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(value);
  if (mapped) value = mapped[1];
  return isIP(value) ? value.toLowerCase() : null;
}

function family(address: string): "ipv4" | "ipv6" {
  return isIP(address) === 4 ? "ipv4" : "ipv6";
}

export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const list = new BlockList();
  const entries = (value ?? "").split(/[\s,]+/).filter(Boolean);
  for (const entry of entries) {
    if (entry.toLowerCase() === "loopback") {
      list.addSubnet("127.0.0.0", 8, "ipv4");
      list.addAddress("::1", "ipv6");
      continue;
    }
    const [base, bits, extra] = entry.split("/");
    const address = normaliseAddress(base);
    if (!address || extra !== undefined) throw new TrustedProxiesError(entry);
    if (bits === undefined) {
      list.addAddress(address, family(address));
      continue;
    }
    const prefix = Number(bits);
    const max = family(address) === "ipv4" ? 32 : 128;
    if (!/^\d{1,3}$/.test(bits) || prefix > max) throw new TrustedProxiesError(entry);
    list.addSubnet(address, prefix, family(address));
  }
  return {
    configured: entries.length > 0,
    has: (address) => {
      const normal = normaliseAddress(address);
      return normal !== null && list.check(normal, family(normal));
    },
  };
}

let cached: { value: string | undefined; proxies: TrustedProxies } | undefined;

export function trustedProxies(env: NodeJS.ProcessEnv = process.env): TrustedProxies {
  if (!cached || cached.value !== env.TRUSTED_PROXIES) {
    cached = { value: env.TRUSTED_PROXIES, proxies: parseTrustedProxies(env.TRUSTED_PROXIES) };
  }
  return cached.proxies;
}

/**
 * The address a sign-in came from, for rate limiting: the socket's peer, unless that peer is a trusted proxy, in which
 * case the forwarded headers say more. X-Forwarded-For is read from the right (each proxy appends the address it saw),
 * skipping trusted proxies; the first address not trusted is the client, as nginx's `real_ip_recursive` and Express's
 * `trust proxy` do. X-Real-IP is used when a trusted proxy sent only that. Null when the peer is unknown (the socket
 * stamp is not installed, e.g. under a custom server).
 */
export function clientAddress(headers: Headers, proxies: TrustedProxies = trustedProxies()): string | null {
  const peer = socketAddress(headers);
  const socket = peer ? normaliseAddress(peer) : null;
  if (!socket || !proxies.has(socket)) return socket;

  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  let nearest = socket;
  for (let i = chain.length - 1; i >= 0; i--) {
    const hop = normaliseAddress(chain[i]);
    // Garbage in the header: the last proxy we trust is the best-known origin.
    if (!hop) return nearest;
    if (!proxies.has(hop)) return hop;
    nearest = hop;
  }
  if (chain.length === 0) {
    const real = normaliseAddress(headers.get("x-real-ip") ?? "");
    if (real) return real;
  }
  return nearest;
}
