import { expect } from "@playwright/test";

/**
 * A post scheduled for `at` must be on none of `surfaces` before then (each asked twice: a search query is cached
 * from its second ask) and on each of them, by itself, soon after: polled every 250 ms, the delay measured from the
 * time set. Measured 0.7–1.3 s alone, up to 4.5 s beside other suites on 2 cores (the page renders again after its
 * time, and the first request then is answered from the old page while it does): 8 s tells "by itself, at its time"
 * from "not at all" (a page given no lifetime never shows it) without failing on a busy machine.
 */
export async function expectAppearsAtItsTime(label: string, at: Date, surfaces: Record<string, () => Promise<boolean>>): Promise<Record<string, number>> {
  for (const [name, visible] of Object.entries(surfaces)) {
    expect(await visible(), `${name} before the time`).toBe(false);
    expect(await visible(), `${name} before the time, cached`).toBe(false);
  }
  expect(Date.now(), "the checks before the time ran before it").toBeLessThan(at.getTime());

  const delays: Record<string, number> = {};
  const early: string[] = [];
  await Promise.all(
    Object.entries(surfaces).map(async ([name, visible]) => {
      await expect
        .poll(
          async () => {
            const asked = Date.now();
            const shown = await visible();
            // Not before its time: a page that showed it early would leak an unpublished post.
            if (shown && asked < at.getTime()) early.push(name);
            return shown;
          },
          { timeout: at.getTime() - Date.now() + 15_000, intervals: [250] },
        )
        .toBe(true);
      delays[name] = Date.now() - at.getTime();
    }),
  );
  expect(early, "surfaces that showed it before its time").toEqual([]);
  console.log(`[${label}] scheduled post appeared after its time (ms): ${JSON.stringify(delays)}`);
  for (const [name, delay] of Object.entries(delays)) expect(delay, `${name} within a few seconds`).toBeLessThan(8_000);
  return delays;
}
