import { describe, expect, it } from "vitest";
import { isConnectionError, isUniqueViolation } from "./errors";

const withCode = (code: string, message = "failed") => Object.assign(new Error(message), { code });

describe("isConnectionError", () => {
  it("knows an unreachable database by Prisma's and the drivers' codes, also as a cause", () => {
    expect(isConnectionError(withCode("P1001", "Can't reach database server at `db:5432`"))).toBe(true);
    expect(isConnectionError(withCode("P1017", "Server has closed the connection."))).toBe(true);
    expect(isConnectionError(withCode("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:5432"))).toBe(true);
    expect(isConnectionError(withCode("57P01", "terminating connection due to administrator command"))).toBe(true);
    expect(isConnectionError(new Error("query failed", { cause: withCode("ECONNRESET") }))).toBe(true);
  });

  it("does not take a query's own failure for an outage because its message says connect", () => {
    expect(isConnectionError(new Error("Argument `connect` is missing."))).toBe(false);
    expect(isConnectionError(new Error("Cannot connect the tag to the post: it was deleted"))).toBe(false);
    expect(isConnectionError(withCode("P2025", "No record was found to connect."))).toBe(false);
    expect(isConnectionError(withCode("P2002", "Unique constraint failed on the fields: (`slug`)"))).toBe(false);
    expect(isConnectionError("ECONNREFUSED")).toBe(false);
    expect(isConnectionError(null)).toBe(false);
  });
});

describe("isUniqueViolation", () => {
  it("is Prisma's P2002 and nothing else", () => {
    expect(isUniqueViolation(withCode("P2002"))).toBe(true);
    expect(isUniqueViolation(withCode("P2025"))).toBe(false);
    expect(isUniqueViolation(new Error("Unique constraint failed"))).toBe(false);
  });
});
