import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientAddress, normaliseAddress, parseTrustedProxies, TrustedProxiesError } from "@/lib/auth/client-address";
import { installSocketAddressStamp, SOCKET_ADDRESS_HEADER, socketAddress, socketAddressHeaderFor } from "@/lib/auth/socket-address";

const none = parseTrustedProxies(undefined);
const loopback = parseTrustedProxies("loopback");

function from(socket: string, headers: Record<string, string> = {}): Headers {
  return new Headers({ ...headers, ...socketAddressHeaderFor(socket) });
}

describe("clientAddress", () => {
  it("uses the socket's peer and ignores forwarded headers when no proxy is trusted (the default)", () => {
    expect(clientAddress(from("198.51.100.7", { "x-forwarded-for": "203.0.113.9", "x-real-ip": "203.0.113.10" }), none)).toBe("198.51.100.7");
    expect(clientAddress(from("::ffff:198.51.100.7"), none)).toBe("198.51.100.7");
  });

  it("ignores forwarded headers from a peer that is not a trusted proxy", () => {
    const proxies = parseTrustedProxies("10.0.0.1");
    expect(clientAddress(from("198.51.100.7", { "x-forwarded-for": "203.0.113.9" }), proxies)).toBe("198.51.100.7");
  });

  it("reads X-Forwarded-For from the right behind trusted proxies, skipping them", () => {
    const proxies = parseTrustedProxies("127.0.0.1, 10.0.0.0/8");
    // A client-supplied left part cannot win: the first untrusted hop from the right is the client.
    expect(clientAddress(from("127.0.0.1", { "x-forwarded-for": "1.2.3.4, 203.0.113.9, 10.1.2.3" }), proxies)).toBe("203.0.113.9");
    expect(clientAddress(from("127.0.0.1", { "x-forwarded-for": "203.0.113.9" }), proxies)).toBe("203.0.113.9");
    // Every hop trusted: the leftmost proxy is as far as anyone can tell.
    expect(clientAddress(from("127.0.0.1", { "x-forwarded-for": "10.0.0.5, 10.0.0.6" }), proxies)).toBe("10.0.0.5");
    // Garbage stops the walk at the last trusted hop.
    expect(clientAddress(from("127.0.0.1", { "x-forwarded-for": "not-an-ip, 10.0.0.6" }), proxies)).toBe("10.0.0.6");
  });

  it("uses X-Real-IP from a trusted proxy that sent no X-Forwarded-For, else the proxy itself", () => {
    expect(clientAddress(from("::1", { "x-real-ip": " 2001:db8::1 " }), loopback)).toBe("2001:db8::1");
    expect(clientAddress(from("127.0.0.1"), loopback)).toBe("127.0.0.1");
  });

  it("knows no address when the request carries no genuine socket stamp", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.9" }), loopback)).toBeNull();
    expect(clientAddress(new Headers({ [SOCKET_ADDRESS_HEADER]: "guessed-token 203.0.113.9" }), none)).toBeNull();
  });
});

describe("TRUSTED_PROXIES", () => {
  it("takes addresses, CIDR ranges of both families, and 'loopback'", () => {
    const proxies = parseTrustedProxies("192.168.0.0/16 2001:db8::/32, loopback");
    expect(proxies.configured).toBe(true);
    for (const address of ["192.168.4.2", "2001:db8::7", "127.5.5.5", "::1", "::ffff:192.168.1.1"]) expect(proxies.has(address)).toBe(true);
    for (const address of ["192.169.0.1", "2001:db9::1", "10.0.0.1", "garbage"]) expect(proxies.has(address)).toBe(false);
    expect(none.configured).toBe(false);
  });

  it("refuses an entry that is not an address or a range", () => {
    for (const bad of ["localhost", "10.0.0.0/33", "10.0.0.1/8/1", "::1/200"]) {
      expect(() => parseTrustedProxies(bad)).toThrow(TrustedProxiesError);
    }
  });

  it("normalises mapped and bracketed addresses", () => {
    expect(normaliseAddress("::FFFF:10.1.1.1")).toBe("10.1.1.1");
    expect(normaliseAddress("[2001:DB8::1]")).toBe("2001:db8::1");
    expect(normaliseAddress("10.1.1")).toBeNull();
  });
});

describe("the socket stamp", () => {
  let server: http.Server;
  let port: number;
  let seen: Headers | null = null;

  beforeAll(async () => {
    installSocketAddressStamp();
    server = http.createServer((request, response) => {
      seen = new Headers(request.headers as Record<string, string>);
      response.end("ok");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  function get(headers: Record<string, string>, localAddress?: string): Promise<void> {
    return new Promise((resolve, reject) => {
      http
        .get({ host: "127.0.0.1", port, headers, localAddress }, (response) => {
          response.resume();
          response.on("end", resolve);
        })
        .on("error", reject);
    });
  }

  it("records the real peer of every request, whatever the client claims", async () => {
    await get({ [SOCKET_ADDRESS_HEADER]: "forged 203.0.113.9", "x-forwarded-for": "203.0.113.9" }, "127.0.0.2");
    expect(socketAddress(seen!)).toBe("127.0.0.2");
    expect(clientAddress(seen!, none)).toBe("127.0.0.2");
    expect(clientAddress(seen!, parseTrustedProxies("127.0.0.2"))).toBe("203.0.113.9");
  });
});
