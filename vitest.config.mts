import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts", "lib/**/*.test.ts"],
    exclude: ["tests/e2e/**", "node_modules/**"],
    environment: "node",
    // next-intl imports "next/navigation" without an extension, which Node's ESM resolution refuses; Vite resolves it.
    server: { deps: { inline: ["next-intl"] } },
    pool: "forks",
    // Timeouts only catch a hung test; speed is measured by bench/. CI shares two cores,
    // where vitest's 5 s default failed a test that takes 4 s here.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
