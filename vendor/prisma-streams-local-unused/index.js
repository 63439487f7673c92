// Only `prisma dev` imports this (lazily, to start a local Prisma Postgres); Digest uses SQLite or a real PostgreSQL.
export async function startLocalDurableStreamsServer() {
  throw new Error(
    "`prisma dev` is not available in Digest: @prisma/streams-local is replaced by a stub (package.json overrides) " +
      "because it requires Node >= 22. Use the embedded SQLite database or DATABASE_URL=postgresql://… instead.",
  );
}
