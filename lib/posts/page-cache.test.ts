import { describe, expect, it } from "vitest";
import { lifetimeUntil, MAX_SCHEDULE_LIFETIME_S } from "./page-cache";

describe("a page's lifetime while a post is scheduled", () => {
  const now = Date.parse("2026-12-05T00:00:00.000Z");
  it("ends when the post goes live, rounded up to the second", () => {
    expect(lifetimeUntil("2026-12-05T00:01:00.000Z", now)).toBe(60);
    expect(lifetimeUntil("2026-12-05T00:00:40.200Z", now)).toBe(41);
    expect(lifetimeUntil("2026-12-05T00:00:00.001Z", now)).toBe(1);
  });
  it("a post more than a day away still limits it (to a day, then the rest), never leaving pages cached for ever", () => {
    expect(lifetimeUntil("2026-12-08T00:00:00.000Z", now)).toBe(MAX_SCHEDULE_LIFETIME_S);
    expect(lifetimeUntil("2027-12-05T00:00:00.000Z", now)).toBe(MAX_SCHEDULE_LIFETIME_S);
  });
  it("nothing scheduled, or a time already past: no limit (writes expire the page by tag)", () => {
    expect(lifetimeUntil(null, now)).toBe(false);
    expect(lifetimeUntil("2026-12-04T23:59:59.000Z", now)).toBe(false);
    expect(lifetimeUntil("not a date", now)).toBe(false);
  });
});
