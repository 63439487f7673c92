/** How database failures look from Prisma 7 with driver adapters, in one place. */

/** A unique constraint refused the write (Prisma P2002). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/** Codes and driver errors that mean "the database cannot be reached", never "the query was wrong". */
const CONNECTION_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "57P01", "57P03"]);
const CONNECTION_MESSAGE = /\b(?:ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|Can't reach database server|Connection terminated|connection timeout|terminating connection|server closed the connection)\b/i;

export function isConnectionError(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth += 1) {
    if (typeof current !== "object") break;
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && CONNECTION_CODES.has(code)) return true;
    const message = current instanceof Error ? current.message : "";
    if (CONNECTION_MESSAGE.test(message)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
