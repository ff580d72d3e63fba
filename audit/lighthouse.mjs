// Lighthouse (mobile preset) on each URL given, reusing one headless Debian Chromium.
// Prints one JSON line per URL: {"url", "performance", "accessibility", "best-practices", "seo", "failed"}.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";

const urls = process.argv.slice(2);
const profile = fs.mkdtempSync(path.join(os.tmpdir(), "lighthouse-profile-"));
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM || "/usr/bin/chromium",
  userDataDir: profile,
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  for (const url of urls) {
    const result = await lighthouse(url, {
      port: chrome.port, output: "json", logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
    });
    const { categories, audits } = result.lhr;
    const failed = Object.values(audits)
      .filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === "binary")
      .map((audit) => audit.id);
    const score = (name) => Math.round((categories[name].score ?? 0) * 100);
    console.log(JSON.stringify({
      url, performance: score("performance"), accessibility: score("accessibility"),
      "best-practices": score("best-practices"), seo: score("seo"), failed,
    }));
  }
} finally {
  await chrome.kill();
  fs.rmSync(profile, { recursive: true, force: true });
}
