import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './scripts/ensure-browser.ts';

// The browser scripts/ensure-browser.ts found or installed (run before the tests by npm run test:e2e): the
// system's Chromium where there is one, else Playwright's own, which Playwright finds by itself.
const found = findChromium();
const executablePath = found?.kind === 'system' ? found.path : undefined;

// E2E_PORT lets several checkouts run their browser tests side by side on one machine.
export const PORT = Number(process.env['E2E_PORT'] ?? 4321);
export const SUBPATH_PORT = PORT + 1;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  // One retry on CI, where the machine is shared and busy; a test that passes only on retry is listed as flaky.
  retries: process.env['CI'] ? 1 : 0,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: { args: CHROMIUM_ARGS, ...(executablePath ? { executablePath } : {}) },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: [
    {
      // The static server with the headers the build wrote (dist/_headers), so the tests run under the CSP header.
      command: `npx tsx scripts/serve-static.ts dist --port ${PORT}`,
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: !process.env['CI'],
      timeout: 60_000,
    },
    {
      command: `npx tsx scripts/serve-static.ts dist-subpath --base /karabakh/ --port ${SUBPATH_PORT}`,
      url: `http://127.0.0.1:${SUBPATH_PORT}/karabakh/`,
      reuseExistingServer: !process.env['CI'],
      timeout: 60_000,
    },
  ],
});
