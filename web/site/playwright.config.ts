/**
 * Browser tests of the reference portal: Debian's Chromium (/usr/bin/chromium, installed by
 * scripts/ensure-chromium.sh), one worker. Starts Portal on a fresh seeded database (port 5290, the site's origin
 * allowed to write) and the site on 5291 against it — two origins, as a real portal frontend and its API.
 * JUnit XML and screenshots go under PORTAL_WEB_RESULTS (scripts/web-tests.sh passes TestResults/web).
 */
import { defineConfig } from "@playwright/test";

const results = process.env.PORTAL_WEB_RESULTS ?? "test-results";
export const API = "http://127.0.0.1:5290";
export const SITE = "http://127.0.0.1:5291";

export default defineConfig({
  testDir: "tests",
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 30_000,
  outputDir: `${results}/site-artifacts`,
  reporter: [["list"], ["junit", { outputFile: `${results}/site-e2e.xml` }]],
  use: {
    baseURL: SITE,
    browserName: "chromium",
    // A reader's browser: headless Chromium names itself "HeadlessChrome", which the API's crawler list drops.
    userAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36",
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  webServer: [
    {
      command: "../../scripts/serve-test-api.sh 5290",
      url: `${API}/health`,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      command: "npx tsx src/server.ts",
      url: `${SITE}/assets/site.css`,
      env: { PORTAL_API: API, SITE_URL: SITE },
      timeout: 60_000,
      reuseExistingServer: false,
    },
  ],
});
