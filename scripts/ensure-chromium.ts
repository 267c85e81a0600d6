/** Browser tests run in Debian's Chromium (Playwright cannot download its own browser here). */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

if (!existsSync(CHROMIUM)) {
  console.log(`${CHROMIUM} is missing: installing Debian's chromium (needs root)…`);
  const steps = [
    ["apt-get", ["update"]],
    ["apt-get", ["install", "-y", "--no-install-recommends", "chromium"]],
  ] as const;
  for (const [cmd, args] of steps) {
    const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    if (r.status !== 0) {
      console.error(`error: '${cmd} ${args.join(" ")}' failed; install Chromium yourself (apt-get install chromium) or set CHROMIUM_PATH.`);
      process.exit(1);
    }
  }
}
