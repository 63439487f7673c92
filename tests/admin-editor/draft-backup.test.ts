import { describe, expect, it } from "vitest";
import { backupKey, clearBackup, readBackup, writeBackup } from "@/components/admin/draft-backup";
import { emptyPostFormValues } from "@/components/admin/post-form-values";

class MemoryStorage {
  items = new Map<string, string>();
  full = false;
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.full) throw new DOMException("quota", "QuotaExceededError");
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

describe("draft backups", () => {
  const values = { ...emptyPostFormValues("2026-02-01"), title: "新文章", body: "未保存的正文" };

  it("round-trips per post and keeps new posts apart from a post slugged 'new-post'", () => {
    const storage = new MemoryStorage();
    expect(writeBackup(storage, "k8s", { values, baseVersionToken: "3", savedAt: new Date("2026-02-01T10:00:00Z") })).toBe(true);
    expect(readBackup(storage, "k8s")).toEqual({
      version: 1,
      savedAt: "2026-02-01T10:00:00.000Z",
      baseVersionToken: "3",
      values,
    });
    expect(readBackup(storage, "other")).toBeNull();
    expect(backupKey(null)).not.toBe(backupKey("new-post"));
    clearBackup(storage, "k8s");
    expect(readBackup(storage, "k8s")).toBeNull();
  });

  it("ignores corrupt or foreign entries and survives a full storage", () => {
    const storage = new MemoryStorage();
    storage.items.set(backupKey(null), "{not json");
    expect(readBackup(storage, null)).toBeNull();
    storage.items.set(backupKey(null), JSON.stringify({ version: 1, values: { title: 1 } }));
    expect(readBackup(storage, null)).toBeNull();
    storage.full = true;
    expect(writeBackup(storage, null, { values, baseVersionToken: null })).toBe(false);
  });
});
