import { describe, expect, it } from "vitest";
import { formatScheduleTime, localFromPublishAt, publishAtFromLocal, scheduleOutcome, siteTimeZone } from "./schedule";

describe("the publish-at control's time zone", () => {
  it("reads datetime-local text in the site's zone (China: UTC+8, no daylight saving)", () => {
    expect(publishAtFromLocal("2026-12-05T09:30", "Asia/Shanghai")).toBe("2026-12-05T01:30:00.000Z");
    expect(publishAtFromLocal("2026-01-01T00:00", "Asia/Shanghai")).toBe("2025-12-31T16:00:00.000Z");
    expect(publishAtFromLocal("2026-12-05T09:30:15", "UTC")).toBe("2026-12-05T09:30:15.000Z");
  });

  it("follows a zone's daylight saving on either side of the change", () => {
    expect(publishAtFromLocal("2026-01-15T12:00", "Europe/Berlin")).toBe("2026-01-15T11:00:00.000Z");
    expect(publishAtFromLocal("2026-07-15T12:00", "Europe/Berlin")).toBe("2026-07-15T10:00:00.000Z");
    // 02:30 does not exist in New York on 8 March 2026; 01:30 on 1 November happens twice.
    expect(publishAtFromLocal("2026-03-08T02:30", "America/New_York")).toBe("2026-03-08T06:30:00.000Z");
    expect(publishAtFromLocal("2026-11-01T01:30", "America/New_York")).toBe("2026-11-01T05:30:00.000Z");
  });

  it("refuses empty and impossible text instead of guessing", () => {
    for (const text of ["", "2026-02-30T10:00", "2026-12-05T24:00", "2026-12-05", "tomorrow", "2026-12-05T09:60"]) {
      expect(publishAtFromLocal(text, "Asia/Shanghai")).toBeNull();
    }
  });

  it("shows a stored instant as the text that reads back to it", () => {
    expect(localFromPublishAt("2026-12-05T01:30:00.000Z", "Asia/Shanghai")).toBe("2026-12-05T09:30");
    expect(localFromPublishAt("2026-12-05T01:30:15.000Z", "Asia/Shanghai")).toBe("2026-12-05T09:30:15");
    expect(localFromPublishAt(null, "Asia/Shanghai")).toBe("");
    for (const zone of ["Asia/Shanghai", "Europe/Berlin", "America/Los_Angeles", "UTC"]) {
      const iso = "2026-07-04T18:45:00.000Z";
      expect(publishAtFromLocal(localFromPublishAt(iso, zone), zone)).toBe(iso);
    }
  });

  it("uses SITE_TIMEZONE when Intl knows it, else China", () => {
    expect(siteTimeZone({})).toBe("Asia/Shanghai");
    expect(siteTimeZone({ SITE_TIMEZONE: "Europe/Berlin" })).toBe("Europe/Berlin");
    expect(siteTimeZone({ SITE_TIMEZONE: "Mars/Olympus" })).toBe("Asia/Shanghai");
  });

  it("names the zone when it shows a time", () => {
    expect(formatScheduleTime("2026-12-05T01:30:00.000Z", "Asia/Shanghai", "zh-CN")).toMatch(/2026.*12.*5.*09:30.*\(Asia\/Shanghai\)$/);
  });
});

describe("what saving will do", () => {
  const now = new Date("2026-12-05T00:00:00.000Z");
  it("a draft is never published, whatever its time", () => {
    expect(scheduleOutcome({ draft: true, publishAt: "2026-12-06T00:00:00.000Z" }, now)).toEqual({ kind: "draft" });
  });
  it("a later time schedules it", () => {
    expect(scheduleOutcome({ draft: false, publishAt: "2026-12-05T00:01:00.000Z" }, now)).toEqual({ kind: "scheduled", at: "2026-12-05T00:01:00.000Z" });
  });
  it("no time, or one already past, publishes at once", () => {
    expect(scheduleOutcome({ draft: false, publishAt: null }, now)).toEqual({ kind: "immediate" });
    expect(scheduleOutcome({ draft: false, publishAt: "2026-12-04T23:59:59.000Z" }, now)).toEqual({ kind: "immediate" });
  });
});
