import { readFileSync, statSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ensureAuthSecret } from "@/scripts/auth-secret";
import { tempPath } from "../helpers/db";

describe("the local auth secret", () => {
  it("is generated once, stored with mode 600 and reused", () => {
    const path = tempPath(".env.local");
    const first = ensureAuthSecret({}, path);
    expect(first.origin).toBe("generated");
    expect(first.secret.length).toBeGreaterThanOrEqual(43);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(ensureAuthSecret({}, path)).toEqual({ secret: first.secret, origin: "stored" });
  });

  it("prefers AUTH_SECRET from the environment and keeps other lines of .env.local", () => {
    const path = tempPath(".env.local");
    writeFileSync(path, "PORT=3001");
    expect(ensureAuthSecret({ AUTH_SECRET: "from-env" }, path)).toEqual({ secret: "from-env", origin: "environment" });
    ensureAuthSecret({}, path);
    expect(readFileSync(path, "utf8")).toMatch(/^PORT=3001\nAUTH_SECRET=\S+\n$/);
  });
});
