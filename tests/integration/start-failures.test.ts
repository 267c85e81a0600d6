import { spawnSync } from "node:child_process";
import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { tempPath } from "../helpers/db";

function runStart(env: Record<string, string>) {
  return spawnSync(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: { ...process.env, AUTH_SECRET: "test-secret", ...env },
    encoding: "utf8",
    timeout: 30_000,
  });
}

describe("npm start refuses to start, with one clear line", () => {
  it("when the port is already in use", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, resolve));
    const port = (blocker.address() as { port: number }).port;
    const result = runStart({ PORT: String(port), INVENTORY_DB_PATH: tempPath() });
    blocker.close();
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      `error: Port ${port} is already in use: stop the program using it or start on another port, e.g. PORT=${port + 1} npm start.`,
    );
  });

  it("when PORT is not a port number", () => {
    const result = runStart({ PORT: "eighty", INVENTORY_DB_PATH: tempPath() });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split("\n")).toEqual(["error: the configuration is not usable:", "  PORT must be a port number"]);
  });

  it("in production without a secret and a site URL, one line for each", () => {
    const result = runStart({ NODE_ENV: "production", AUTH_SECRET: "", PORT: "3999", INVENTORY_DB_PATH: tempPath() });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split("\n")).toEqual([
      "error: the configuration is not usable:",
      "  AUTH_SECRET is required in production (generate one with: openssl rand -base64 32)",
      "  NEXTAUTH_URL is required in production: the public https URL of the site",
    ]);
  });
});
