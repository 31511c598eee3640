/**
 * The HTML pages in a real browser: the report page (`acquis report`) and the comparison page
 * (`acquis compare --format html`) open in headless Chromium (Debian's, at /usr/bin/chromium,
 * driven by playwright-core) without console errors or requests, with their SVG charts drawn.
 * Screenshots go to test-output/screenshots/ (git-ignored). Skipped, with a message, when
 * Chromium is not installed (`bash scripts/ensure-chromium.sh` installs it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReport } from '../../server/src/cli/commands/report';
import { ROOT } from './helpers';

const CHROMIUM = '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const SCREENSHOTS = join(ROOT, 'test-output', 'screenshots');
const CLI_BUNDLE = join(ROOT, 'dist', 'cli.js');

if (!HAVE_CHROMIUM) {
  console.warn(`test/report/browser.test.ts: skipped: ${CHROMIUM} is missing (run \`bash scripts/ensure-chromium.sh\` to install Debian's chromium).`);
}

interface Opened {
  page: Page;
  errors: string[];
  /** Requests other than the page itself. */
  requests: string[];
}

describe.skipIf(!HAVE_CHROMIUM)('the HTML pages in headless Chromium', () => {
  let browser: BrowserContext;
  let profile: string;
  let pages: string;

  beforeAll(async () => {
    profile = mkdtempSync(join(tmpdir(), 'acquis-chromium-profile-'));
    pages = mkdtempSync(join(tmpdir(), 'acquis-pages-'));
    mkdirSync(SCREENSHOTS, { recursive: true });
    // A fresh, empty profile (--user-data-dir) each run: playwright takes it as the persistent context's folder.
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1100, height: 900 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(pages, { recursive: true, force: true });
  });

  async function open(file: string): Promise<Opened> {
    const page = await browser.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    const url = pathToFileURL(file).href;
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('request', (r) => {
      if (r.url() !== url) requests.push(r.url());
    });
    await page.goto(url, { waitUntil: 'load' });
    return { page, errors, requests };
  }

  async function screenshot(page: Page, name: string): Promise<string> {
    const path = join(SCREENSHOTS, name);
    await page.screenshot({ path, fullPage: true });
    expect(statSync(path).size).toBeGreaterThan(1000);
    return path;
  }

  for (const [sample, name] of [
    ['samples/demo.draft', 'report-demo.png'],
    ['samples/oewg-pre-draft.draft', 'report-oewg-pre-draft.png'],
  ] as const) {
    it(`shows the report on ${sample} with its charts`, async () => {
      const file = join(pages, `${name}.html`);
      const io = { cwd: ROOT, stdout: () => undefined, stderr: () => undefined };
      expect(runReport(sample, { output: file, acquis: [], builtin: true }, io)).toBe(0);
      const { page, errors, requests } = await open(file);
      try {
        expect(errors).toEqual([]);
        expect(requests).toEqual([]);
        // An excerpt (the pre-draft sample) is not judged on balance: no mandate chart, and it says why.
        const excerpt = sample.includes('oewg-pre-draft');
        expect(await page.locator('svg.chart').count()).toBe(excerpt ? 1 : 2);
        expect(await page.locator('p.excerpt').count()).toBe(excerpt ? 1 : 0);
        if (!excerpt) {
          const mandateRects = await page.locator('svg.chart').nth(0).locator('rect').count();
          expect(mandateRects).toBe(12); // a track and a bar for each of the six items
        }
        const sectionRects = await page.locator('svg.chart').nth(excerpt ? 0 : 1).locator('rect').count();
        expect(sectionRects).toBeGreaterThanOrEqual(2);
        expect(sectionRects % 2).toBe(0);
        // The bars are drawn: at least one has a visible width.
        const widths = await page.locator('svg.chart rect.bar').evaluateAll((els) => els.map((el) => (el as unknown as { getBBox(): { width: number } }).getBBox().width));
        expect(Math.max(...widths)).toBeGreaterThan(0);
        expect(await page.locator('h2').count()).toBe(7);
        expect(await page.locator('script').count()).toBe(0);
        await screenshot(page, name);
      } finally {
        await page.close();
      }
    });
  }

  it('shows the comparison page of `acquis compare --format html`', async () => {
    if (!existsSync(CLI_BUNDLE)) throw new Error(`${CLI_BUNDLE} is missing: run \`npm run build\` first (\`npm test\` does it in \`pretest\`).`);
    const file = join(pages, 'compare.html');
    const run = spawnSync(
      process.execPath,
      [join(ROOT, 'bin', 'acquis.js'), 'compare', 'samples/oewg-pre-draft.draft', 'samples/revised-pre-draft.draft', '--format', 'html', '-o', file],
      { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
    );
    expect(run.status, run.stderr).toBe(0);
    const { page, errors, requests } = await open(file);
    try {
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
      expect(await page.locator('table').count()).toBeGreaterThan(0);
      expect(await page.locator('del').count()).toBeGreaterThan(0);
      expect(await page.locator('ins').count()).toBeGreaterThan(0);
      expect(await page.locator('script').count()).toBe(0);
      await screenshot(page, 'compare-pre-draft-revised.png');
    } finally {
      await page.close();
    }
  });
});
