// Usage: node .snap.cjs BASE PATH WIDTH Y HEIGHT OUT [cookie]
const { chromium } = require("playwright-core");
(async () => {
  const [base, path, width, y, height, out, cookie] = process.argv.slice(2);
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  const context = await browser.newContext({ viewport: { width: Number(width), height: 900 } });
  if (cookie) { const [n, ...r] = cookie.split("="); await context.addCookies([{ name: n, value: r.join("="), url: base }]); }
  const page = await context.newPage();
  await page.goto(new URL(path, base).href, { waitUntil: "load", timeout: 60000 });
  await page.screenshot({ path: out, fullPage: true, clip: { x: 0, y: Number(y), width: Number(width), height: Number(height) } });
  await browser.close();
})();
