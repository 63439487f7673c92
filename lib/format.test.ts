import { describe, expect, it } from "vitest";
import { formatDate } from "./format";

describe("formatDate", () => {
  it("shows the day in the zone it is given, as the browser must for the server's zone", () => {
    expect(formatDate("2026-01-25T20:00:00Z", "Asia/Shanghai")).toBe("2026年1月26日");
    expect(formatDate("2026-01-25T20:00:00Z", "Europe/Berlin")).toBe("2026年1月25日");
  });
});
