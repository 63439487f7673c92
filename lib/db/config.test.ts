import path from "node:path";
import { describe, expect, it } from "vitest";
import { databaseConfig, databaseTarget, migrationsDir, prismaUrl } from "./config";

const root = "/srv/digest";

describe("databaseConfig", () => {
  it("defaults to the embedded SQLite file under the project", () => {
    expect(databaseConfig({}, root)).toEqual({ kind: "sqlite", file: "/srv/digest/data/digest.db" });
    expect(databaseConfig({ DATABASE_URL: "  " }, root)).toEqual({ kind: "sqlite", file: "/srv/digest/data/digest.db" });
  });

  it("reads file: URLs as SQLite paths, relative to the project", () => {
    expect(databaseConfig({ DATABASE_URL: "file:./tmp/x.db" }, root)).toEqual({ kind: "sqlite", file: "/srv/digest/tmp/x.db" });
    expect(databaseConfig({ DATABASE_URL: "file:/var/lib/digest.db" }, root)).toEqual({ kind: "sqlite", file: "/var/lib/digest.db" });
    expect(databaseConfig({ DATABASE_URL: "file:///var/lib/digest.db?mode=rw" }, root)).toEqual({
      kind: "sqlite",
      file: "/var/lib/digest.db",
    });
  });

  it("uses PostgreSQL for postgres:// and postgresql:// URLs", () => {
    for (const url of ["postgres://u:p@db:5432/digest", "postgresql://db/digest?schema=x", "POSTGRESQL://db/digest"]) {
      expect(databaseConfig({ DATABASE_URL: url }, root)).toEqual({ kind: "postgresql", url });
    }
  });

  it("has no database with DIGEST_STORE=files, whatever DATABASE_URL says", () => {
    expect(databaseConfig({ DIGEST_STORE: "files", DATABASE_URL: "postgres://db/x" }, root)).toEqual({ kind: "none" });
    expect(databaseTarget({ DIGEST_STORE: "files" }, root).kind).toBe("sqlite");
  });

  it("rejects URLs it cannot serve instead of guessing", () => {
    expect(() => databaseConfig({ DATABASE_URL: "mysql://db/x" }, root)).toThrow(/DATABASE_URL/);
  });

  it("gives Prisma absolute SQLite URLs and per-provider migration folders", () => {
    expect(prismaUrl({ kind: "sqlite", file: "/a/b.db" })).toBe("file:/a/b.db");
    expect(migrationsDir("postgresql", root)).toBe(path.join(root, "prisma", "postgresql", "migrations"));
  });
});
