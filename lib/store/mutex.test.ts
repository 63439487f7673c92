import { describe, expect, it } from "vitest";
import { withLock } from "./mutex";

function tick(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 5));
}

describe("withLock", () => {
  it("runs work on one key one at a time, in call order", async () => {
    const events: string[] = [];
    const job = (name: string) =>
      withLock("post:a", async () => {
        events.push(`${name} start`);
        await tick();
        events.push(`${name} end`);
        return name;
      });
    expect(await Promise.all([job("1"), job("2"), job("3")])).toEqual(["1", "2", "3"]);
    expect(events).toEqual(["1 start", "1 end", "2 start", "2 end", "3 start", "3 end"]);
  });

  it("keeps the queue going after a failure, and reports the failure to its caller only", async () => {
    const failing = withLock("post:b", async () => {
      await tick();
      throw new Error("boom");
    });
    const next = withLock("post:b", async () => "after");
    await expect(failing).rejects.toThrow("boom");
    expect(await next).toBe("after");
  });

  it("does not hold up work on another key", async () => {
    const events: string[] = [];
    let release: () => void = () => undefined;
    const blocked = withLock("post:c", () => new Promise<void>((resolve) => (release = resolve)));
    await withLock("post:d", async () => {
      events.push("d ran");
    });
    expect(events).toEqual(["d ran"]);
    release();
    await blocked;
  });
});
