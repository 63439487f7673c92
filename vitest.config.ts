import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(__dirname),
      // `server-only` throws outside React Server Components; tests run the same modules in plain Node.
      "server-only": path.resolve(__dirname, "tests/support/empty.ts"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "lib/**/*.test.tsx", "tests/**/*.test.ts", "tests/**/*.test.tsx", "scripts/**/*.test.ts"],
    environment: "node",
    // next-auth imports `next/server` without an extension, which plain Node resolution (used for node_modules) rejects.
    server: { deps: { inline: ["next-auth"] } },
    testTimeout: 30_000,
  },
});
