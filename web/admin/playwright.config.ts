import { defineConfig } from "@playwright/test";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * The editor app's browser tests: Debian's Chromium (/usr/bin/chromium, never `playwright install`), one worker,
 * against Portal on a fresh seeded SQLite database (scripts/serve-test-api.sh) serving this app's build at /admin.
 * ADMIN_E2E_RESULTS (set by scripts/web-tests.sh) receives the JUnit XML and the screenshots.
 */
const repo = path.resolve(here, "../..");
const results = process.env.ADMIN_E2E_RESULTS ?? path.join(here, "test-results");
const port = Number(process.env.ADMIN_E2E_PORT ?? 5292);

export default defineConfig({
  testDir: "tests",
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: path.join(results, "admin-e2e-artifacts"),
  reporter: [["list"], ["junit", { outputFile: path.join(results, "admin-e2e.xml") }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 860 },
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  webServer: {
    command: `make --no-print-directory -C ${repo} admin >&2 && ${repo}/scripts/serve-test-api.sh ${port} --Admin:Root ${repo}/web/admin/dist`,
    url: `http://127.0.0.1:${port}/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
  },
});
