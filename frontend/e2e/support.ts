import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { expect, test as base, type APIRequestContext, type Locator, type Page } from '@playwright/test';

const require = createRequire(import.meta.url);

export const contest = process.env.CONTEST ?? 'luat-htx-2023';
export const organizerPassword = process.env.ORGANIZER_PASSWORD ?? '';
export const committeePassword = process.env.COMMITTEE_PASSWORD ?? '';
export const adminPassword = process.env.ADMIN_PASSWORD ?? '';
/** A contest whose round has closed, with submitted attempts and a prize plan. */
export const awardContest = process.env.AWARD_CONTEST ?? '';
const screenshots = process.env.SCREENSHOTS ?? join(process.cwd(), '..', 'target', 'screenshots');

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
}

/** The Vietnamese guide's pictures, which every run of the journeys writes again. */
const guideImages = process.env.GUIDE_IMAGES ?? join(process.cwd(), '..', 'docs', 'vi', 'images');

/**
 * A picture for the Vietnamese guide (`docs/vi/images/{name}.png`): the screen as the user
 * sees it, scrolled to `from`, or to the top of the page. A picture that cannot be written
 * fails the journey, and BrowserJourneysIntegrationTests checks that every picture the guide
 * shows was written by the run.
 */
export async function guideScreenshot(page: Page, name: string, from?: Locator): Promise<void> {
  if (from) {
    await from.evaluate((element) => {
      element.scrollIntoView({ block: 'start' });
      window.scrollBy(0, -16);
    });
  } else {
    await page.evaluate(() => window.scrollTo(0, 0));
  }
  await page.screenshot({ path: join(guideImages, `${name}.png`), animations: 'disabled', caret: 'hide' });
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** Runs axe-core on the page as it is; fails on any serious or critical violation. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  // evaluated through the DevTools protocol: a <script> tag would (rightly) be refused by
  // the pages' Content-Security-Policy
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const violations: AxeViolation[] = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations;
  });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of violations) {
    console.log(`[axe ${name}] ${v.impact}: ${v.id} – ${v.help} (${v.nodes.length} nodes) ${v.helpUrl}`);
    for (const node of v.nodes.slice(0, 5)) {
      console.log(`    ${JSON.stringify(node.target)} ${node.failureSummary?.replace(/\n/g, ' ') ?? ''}`);
    }
  }
  expect(
    serious.map((v) => `${v.id}: ${v.help}`),
    `serious or critical accessibility violations on ${name}`,
  ).toEqual([]);
}

export function newPhone(): string {
  return `09${String(Math.floor(Math.random() * 100_000_000)).padStart(8, '0')}`;
}

export async function contestDetails(request: APIRequestContext) {
  const response = await request.get(`/api/contests/${contest}`);
  expect(response.ok()).toBeTruthy();
  return (await response.json()) as {
    units: { code: string; name: string }[];
    districts: string[];
    title: string;
    predictionQuestion: string;
    consentText: string;
    consentVersion: string;
  };
}

/** Signs in on admin.html with the given account. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/admin.html');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

export function basic(username: string, password: string): Record<string, string> {
  return { Authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` };
}

/**
 * Every journey's page is watched for Content-Security-Policy refusals: the pages must
 * work under the policy the server sends, with nothing inline.
 */
export const test = base.extend<{ cspWatch: void }>({
  cspWatch: [
    async ({ page }, use) => {
      const refusals: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
          refusals.push(message.text());
      });
      await use();
      expect(refusals, 'Content-Security-Policy refusals').toEqual([]);
    },
    { auto: true },
  ],
});
