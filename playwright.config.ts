import { defineConfig } from '@playwright/test';

// Browser tests run in Debian's Chromium (no browser download here), against
// the portal started exactly as the README's Quick start does.
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// PLAYWRIGHT_URL points the tests at a portal already running elsewhere
// (other ports); the default is the one ./scripts/portal starts.
const baseURL = process.env.PLAYWRIGHT_URL ?? 'http://localhost:3000';

export default defineConfig({
  testDir: 'packages/app/e2e-tests',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: 'e2e-test-report' }],
  ],
  webServer: {
    command: './scripts/portal start',
    url: baseURL,
    reuseExistingServer: !process.env.CI,
    // The first start compiles the frontend bundle.
    timeout: 600_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
  use: {
    baseURL,
    screenshot: 'on',
    // Recording a trace of every test (retain-on-failure) took about 40 %
    // of the suite's time on 2 cores; a failed test runs once more in CI
    // (retries: 1), and that run records its trace.
    trace: 'on-first-retry',
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  // Screenshots of every run, and the trace of every retried test, are kept
  // here as CI artifacts.
  outputDir: 'e2e-test-results',
  projects: [{ name: 'chromium' }],
});
