import { describe, expect, it } from "vitest";
import { dummyPasswordHash, hashPassword, passwordSchema, verifyPassword } from "@/lib/auth/password";

describe("password hashing", () => {
  it("hashes with bcrypt at cost 12 and verifies only the right password", async () => {
    const hash = await hashPassword("correct horse");
    expect(hash).toMatch(/^\$2[aby]\$12\$/);
    expect(hash).not.toContain("correct horse");
    await expect(verifyPassword("correct horse", hash)).resolves.toBe(true);
    await expect(verifyPassword("correct horsE", hash)).resolves.toBe(false);
  });

  it("salts: the same password hashes differently each time", async () => {
    const [a, b] = await Promise.all([hashPassword("same-password"), hashPassword("same-password")]);
    expect(a).not.toBe(b);
  });

  it("keeps one dummy hash at the same cost, which no ordinary password matches", async () => {
    const dummy = await dummyPasswordHash();
    expect(dummy).toMatch(/^\$2[aby]\$12\$/);
    expect(await dummyPasswordHash()).toBe(dummy);
    await expect(verifyPassword("digest-editor", dummy)).resolves.toBe(false);
  });

  it("accepts 8 to 72 bytes", () => {
    expect(passwordSchema.safeParse("1234567").success).toBe(false);
    expect(passwordSchema.safeParse("12345678").success).toBe(true);
    expect(passwordSchema.safeParse("a".repeat(72)).success).toBe(true);
    expect(passwordSchema.safeParse("a".repeat(73)).success).toBe(false);
    // 25 three-byte characters are 75 bytes although only 25 characters long.
    expect(passwordSchema.safeParse("密".repeat(25)).success).toBe(false);
  });
});
