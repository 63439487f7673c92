import { describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/auth/client-address";

describe("clientAddress", () => {
  it("takes the last x-forwarded-for entry, the one added closest to the server", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.9" }))).toBe("203.0.113.9");
    expect(clientAddress(new Headers({ "x-forwarded-for": "1.2.3.4, 10.0.0.1 , 198.51.100.7" }))).toBe("198.51.100.7");
  });

  it("falls back to x-real-ip, then to nothing", () => {
    expect(clientAddress(new Headers({ "x-real-ip": " ::1 " }))).toBe("::1");
    expect(clientAddress(new Headers({ "x-forwarded-for": " , " }))).toBeNull();
    expect(clientAddress(new Headers())).toBeNull();
  });
});
