import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const E2E_DIR = `.e2e-${PORT}`;
const DB = `${E2E_DIR}/inventory.sqlite`;
// The EUR-Lex import reads a stand-in for CELLAR's SPARQL endpoint serving tests/fixtures/cellar/ (the machine has no internet).
const CELLAR_PORT = PORT + 1000;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  timeout: 60_000,
  // An assertion waits for the page, not a stopwatch (speed is bench/'s): 5 s is tight on two shared cores.
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://localhost:${PORT}`,
    browserName: "chromium",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
    trace: "retain-on-failure",
  },
  // The production build against a fresh database seeded the way `npm start` seeds it.
  webServer: [
    {
      command: `rm -rf ${E2E_DIR} && mkdir -p ${E2E_DIR} && tsx scripts/start.ts`,
      url: `http://localhost:${PORT}/`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        PORT: String(PORT),
        INVENTORY_DB_PATH: DB,
        AUTH_SECRET: "e2e-only-secret-not-for-production-0123456789",
        EURLEX_SPARQL_URL: `http://127.0.0.1:${CELLAR_PORT}/sparql`,
        EURLEX_PAGE_SIZE: "5",
        EURLEX_BACKOFF_MS: "50",
      },
      stdout: "ignore", // the JSON access log of every request; errors still come through stderr
      stderr: "pipe",
    },
    {
      command: `tsx tests/support/cellar-server.ts --port ${CELLAR_PORT}`,
      // The stand-in answers a request without a query with 400, which Playwright takes as ready.
      url: `http://127.0.0.1:${CELLAR_PORT}/sparql`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});
