// Playwright: the staff app in Debian's chromium against the real backend, started the way
// `make run` starts it (scripts/e2e-server: migrate, seed_demo, embedded_beat, runserver)
// on its own fresh database and port. No browser is ever downloaded
// (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1); under CI a missing chromium or server fails the run.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig, devices } from "@playwright/test";

const CI = process.env.CI === "true" || process.env.CI === "1";
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const PORT = Number(process.env.E2E_PORT ?? 8100);
const ROOT = fileURLToPath(new URL("..", import.meta.url));

if (!existsSync(CHROMIUM)) {
  // Never skipped quietly: `make test` decides to skip outside CI before it gets here.
  throw new Error(`chromium not found at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
}

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  forbidOnly: CI,
  retries: 0,
  // Two cores: the server takes one, the browsers the other two workers.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  reporter: [[CI ? "line" : "list"], ["./e2e/axe-reporter.ts"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/app/`,
    launchOptions: { executablePath: CHROMIUM },
    locale: "ko-KR",
    timezoneId: "Asia/Seoul",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    actionTimeout: 15_000,
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: "scripts/e2e-server",
    cwd: ROOT,
    url: `http://127.0.0.1:${PORT}/readyz`,
    env: { E2E_PORT: String(PORT) },
    // migrate + seed_demo on a fresh database takes about a minute here.
    timeout: 600_000,
    reuseExistingServer: !CI && process.env.E2E_REUSE_SERVER === "1",
    stdout: "ignore",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
  },
});
