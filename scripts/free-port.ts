import net from "node:net";

/**
 * A port on 127.0.0.1 nobody listens on: `wanted` when it is free (reusing a server's earlier port), else any the
 * system hands out. Shared by the e2e harness, the benchmarks and the tests that start servers of their own.
 */
export function freePort(wanted = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(wanted, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}
