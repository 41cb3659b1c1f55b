import { defineConfig } from '@playwright/test';

// Run by BrowserJourneysIntegrationTests (./mvnw verify) against the app it boots, or by hand:
// BASE_URL=http://localhost:8091 CONTEST=luat-htx-2023 ORGANIZER_PASSWORD=… npx playwright test
// The system's Chromium is used; Playwright never downloads a browser.
const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  outputDir: '../target/playwright-results',
  use: {
    baseURL: process.env.BASE_URL ?? 'http://localhost:8080',
    browserName: 'chromium',
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    // one size for every staff page, so that the guide's pictures (docs/vi/images) stay alike
    viewport: { width: 1280, height: 800 },
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      // Chromium's sandbox refuses to run as root; as an ordinary user it stays on
      args: asRoot ? ['--no-sandbox'] : [],
    },
  },
});
