const { chromium } = require("playwright-core");
(async () => {
  const [base, path] = process.argv.slice(2);
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
  const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await page.goto(base + path, { waitUntil: "load" });
  const wide = await page.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll("body *")) {
      const r = el.getBoundingClientRect();
      if (r.right > 392 && !el.closest(".table-scroll")) out.push(`${el.tagName}.${el.className} ${Math.round(r.right)} ${(el.textContent || "").slice(0, 60)}`);
    }
    return out.slice(0, 15);
  });
  console.log(wide.join("\n"));
  await browser.close();
})();
