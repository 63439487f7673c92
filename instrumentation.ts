/** Runs once when the server starts; the Node-only checks live in instrumentation-node.ts (Next's documented split). */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./instrumentation-node");
}
