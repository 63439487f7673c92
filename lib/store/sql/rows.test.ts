import { describe, expect, it } from "vitest";
import { Prisma as SqlitePrisma } from "@/prisma/generated/sqlite/client";
import { Prisma as PostgresPrisma } from "@/prisma/generated/postgresql/client";
import { STORED_COLUMNS, SUMMARY_COLUMNS } from "@/lib/content/fields";

describe("the field list and the database", () => {
  it("has a Post column for every field stored in one (both providers)", () => {
    for (const columns of [Object.keys(SqlitePrisma.PostScalarFieldEnum), Object.keys(PostgresPrisma.PostScalarFieldEnum)]) {
      for (const name of STORED_COLUMNS) expect(columns).toContain(name);
    }
  });

  it("lists never select the body", () => {
    expect(SUMMARY_COLUMNS).not.toContain("body");
  });
});
