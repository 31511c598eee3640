/**
 * End-to-end test of the Acquis extension in a real VS Code (code-server 4.139.1, VS Code 1.139.1)
 * driven through its UI by headless Chromium. Not a vitest suite: `node test/e2e/run.mjs` builds,
 * packages and installs the extension, starts code-server, then calls `runVscodeE2E` below.
 *
 * Steps (each leaves a screenshot in the output folder):
 *   open demo.draft by Quick Open; the deviation squiggle appears; the Problems panel lists
 *   precedent.deviation; hover shows the precedent (A/70/174, consensus); the quick fix restores the
 *   agreed wording and Ctrl+S writes it to disk; Go to Symbol lists the paragraph labels; completion
 *   offers "institutional dialogue"; fix-all on save (`source.fixAll.acquis`) fixes a second file.
 *
 * Only DOM-free Playwright calls are used here (the project's tsconfig has no DOM lib).
 */
import type { BrowserContext, BrowserType, Locator, Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';

export interface E2EOptions {
  /** playwright-core's `chromium`, passed in by the runner (the compiled test imports nothing). */
  chromium: BrowserType;
  executablePath: string;
  /** The workbench URL, e.g. http://127.0.0.1:PORT/?folder=/tmp/.../workspace */
  url: string;
  /** The workspace folder on disk (holds demo.draft and second.draft). */
  workspace: string;
  /** Where screenshots go. */
  outDir: string;
  /** A fresh Chromium profile folder. */
  profileDir: string;
  env: Record<string, string | undefined>;
  log: (message: string) => void;
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

const EDITOR = '.editor-instance .monaco-editor';

/** Editor text as rendered (only the visible lines), with the renderer's non-breaking spaces normalised. */
async function editorText(page: Page): Promise<string> {
  const texts = await page.locator(`${EDITOR} .view-lines`).allInnerTexts();
  return texts.join('\n').replace(/\u00a0/g, ' ');
}

async function waitFor<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined | false>, intervalMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ''}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

interface Box { x: number; y: number; width: number; height: number }

/** The boxes of the visible elements matching a selector, top first. */
async function boxes(locator: Locator): Promise<Box[]> {
  const result: Box[] = [];
  const n = await locator.count();
  for (let i = 0; i < n; i++) {
    const b = await locator.nth(i).boundingBox().catch(() => null);
    if (b && b.width > 0 && b.height > 0) result.push(b);
  }
  return result.sort((a, b) => a.y - b.y || a.x - b.x);
}

async function quickInput(page: Page, keys: string, text: string): Promise<void> {
  await page.keyboard.press(keys);
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await page.keyboard.type(text);
}

async function closeQuickInput(page: Page): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  if (await widget.isVisible().catch(() => false)) await page.keyboard.press('Escape');
}

/** Open a workspace file through Quick Open (Ctrl+P) and wait until its editor shows `expect`. */
async function quickOpen(page: Page, name: string, expect: string): Promise<void> {
  await quickInput(page, 'Control+P', name);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
  await row.waitFor({ state: 'visible', timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: 15_000 });
  await waitFor(`editor text of ${name}`, 15_000, async () => (await editorText(page)).includes(expect));
}

async function goToLine(page: Page, line: number): Promise<void> {
  await quickInput(page, 'Control+G', String(line));
  await page.waitForTimeout(150);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 5_000 });
}

async function readUntil(file: string, what: string, timeoutMs: number, test: (text: string) => boolean): Promise<string> {
  let last = '';
  try {
    return await waitFor(what, timeoutMs, async () => {
      last = await readFile(file, 'utf8');
      return test(last) ? last : undefined;
    });
  } catch (e) {
    throw new Error(`${(e as Error).message}; ${path.basename(file)} on disk has ${JSON.stringify(last.slice(-400))}`);
  }
}

export async function runVscodeE2E(o: E2EOptions): Promise<void> {
  const { log } = o;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let shot = 0;
  const screenshot = async (name: string): Promise<void> => {
    if (!page) return;
    shot++;
    const file = path.join(o.outDir, `${String(shot).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: file }).catch((e: unknown) => log(`screenshot ${name} failed: ${String(e)}`));
  };
  const step = async (name: string, fn: () => Promise<void>): Promise<void> => {
    const t0 = Date.now();
    log(`step: ${name}`);
    try {
      await fn();
    } catch (e) {
      await screenshot(`FAILED-${name}`);
      throw new Error(`step "${name}" failed: ${(e as Error).message}`);
    }
    await screenshot(name);
    log(`  ok (${Date.now() - t0} ms)`);
  };

  try {
    context = await o.chromium.launchPersistentContext(o.profileDir, {
      executablePath: o.executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1440, height: 900 },
      env: o.env,
      timeout: 30_000,
    });
    context.setDefaultTimeout(15_000);
    page = context.pages()[0] ?? (await context.newPage());
    const p = page;
    p.on('pageerror', (e) => log(`page error: ${e.message}`));

    await step('workbench', async () => {
      await p.goto(o.url, { waitUntil: 'domcontentloaded', timeout: 30_000 });
      await p.locator('.monaco-workbench').waitFor({ timeout: 30_000 });
      // The explorer shows the workspace once the file service is up.
      await p.locator('.explorer-folders-view .monaco-list-row', { hasText: 'demo.draft' }).first().waitFor({ timeout: 30_000 });
    });

    await step('open-demo', async () => {
      await quickOpen(p, 'demo.draft', 'title:');
      await waitFor('the language mode "Draft" in the status bar', 15_000, async () =>
        ((await p.locator('[id="status.editor.mode"]').innerText().catch(() => '')).includes('Draft')));
    });

    // Paragraph 13 (line 89) drops "not" from A/70/174, para. 33: the only errors in demo.draft are
    // precedent.deviation, so an error squiggle there is the deviation.
    const squiggle = async (): Promise<Box> => {
      const all = await boxes(p.locator(`${EDITOR} .squiggly-error`));
      if (all.length === 0) throw new Error('no .squiggly-error on screen');
      return all[0]!;
    };
    await step('squiggle', async () => {
      await goToLine(p, 89);
      await waitFor('a deviation squiggle (.squiggly-error) near line 89', 45_000, async () => {
        const all = await boxes(p.locator(`${EDITOR} .squiggly-error`));
        return all.length > 0;
      });
      const warnings = await p.locator(`${EDITOR} .squiggly-warning`).count();
      log(`  squiggles on screen: ${await p.locator(`${EDITOR} .squiggly-error`).count()} error, ${warnings} warning`);
    });

    await step('problems', async () => {
      await p.keyboard.press('Control+Shift+M');
      const rows = p.locator('.markers-panel .monaco-list-row');
      await rows.first().waitFor({ timeout: 15_000 });
      const texts = await waitFor('a Problems entry containing precedent.deviation', 15_000, async () => {
        const t = await rows.allInnerTexts();
        return t.some((s) => s.includes('precedent.deviation')) ? t : undefined;
      });
      log(`  problems rows: ${texts.length}; first: ${JSON.stringify(texts.find((s) => s.includes('precedent.deviation'))?.replace(/\s+/g, ' ').slice(0, 160))}`);
      const status = await p.locator('[id="status.problems"]').getAttribute('aria-label').catch(() => null);
      if (status) log(`  status bar problems: ${status}`);
    });

    await step('status bar', async () => {
      // The extension's item: the share of agreed language and the findings by severity.
      const item = await waitFor('the Acquis status bar item with the agreed share', 15_000, async () => {
        const texts = await p.locator('.statusbar-item').allInnerTexts();
        return texts.find((t) => /\d+% agreed/.test(t));
      });
      const figures = item.replace(/\s+/g, ' ').trim();
      log(`  status bar item: ${JSON.stringify(figures)}`);
      if (!/\d+% agreed.*\b3\b/.test(figures)) throw new Error(`status bar item without the figures: ${figures}`);
    });

    await step('hover', async () => {
      // Close the panel again (Ctrl+J toggles it) so the editor keeps its height.
      await p.keyboard.press('Control+J');
      await p.locator('.markers-panel').waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => log('  (Problems panel still visible)'));
      await goToLine(p, 89);
      await p.waitForTimeout(300);
      const hover = p.locator('.monaco-hover');
      await waitFor('a hover with "A/70/174" and "consensus"', 30_000, async () => {
        const b = await squiggle();
        // The squiggle lies under the text layer: move the mouse to its centre, away first to re-arm.
        await p.mouse.move(5, 5);
        await p.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 4 });
        for (let i = 0; i < 10; i++) {
          await p.waitForTimeout(250);
          const texts = await hover.allInnerTexts().catch(() => [] as string[]);
          if (texts.some((t) => t.includes('A/70/174') && t.includes('consensus'))) return true;
        }
        return undefined;
      }, 100);
    });

    await step('quick-fix', async () => {
      await p.mouse.move(5, 5);
      await p.keyboard.press('Escape');
      const b = await squiggle();
      await p.mouse.click(b.x + Math.min(b.width / 2, 60), b.y + b.height / 2);
      await p.locator('[class*="codicon-gutter-lightbulb"], .lightBulbWidget .codicon').first()
        .waitFor({ state: 'visible', timeout: 10_000 })
        .catch(() => log('  (no lightbulb seen; trying Ctrl+. anyway)'));
      const rows = p.locator('.action-widget .monaco-list-row');
      let opened = false;
      for (let attempt = 0; attempt < 4 && !opened; attempt++) {
        await p.keyboard.press('Control+.');
        opened = await rows.first().waitFor({ state: 'visible', timeout: 3_000 }).then(() => true, () => false);
        if (!opened) { await p.keyboard.press('Escape'); await p.mouse.click(b.x + Math.min(b.width / 2, 60), b.y + b.height / 2); }
      }
      if (!opened) throw new Error('the quick fix menu (.action-widget) did not open after 4 tries of Ctrl+.');
      const titles = await rows.allInnerTexts();
      log(`  code actions: ${JSON.stringify(titles.map((t) => t.replace(/\s+/g, ' ').trim()))}`);
      const fix = rows.filter({ hasText: 'Restore the agreed wording' }).first();
      if ((await fix.count()) === 0) throw new Error(`no "Restore the agreed wording" action among ${JSON.stringify(titles)}`);
      await screenshot('quick-fix-menu');
      await fix.click();
      await waitFor('the editor to show "should not duplicate"', 10_000, async () =>
        (await editorText(p)).replace(/\s+/g, ' ').includes('should not duplicate'));
    });

    await step('save', async () => {
      await p.keyboard.press('Control+S');
      await readUntil(path.join(o.workspace, 'demo.draft'), 'demo.draft on disk to contain "should not duplicate"', 15_000,
        (t) => t.replace(/\s+/g, ' ').includes('It should not duplicate ongoing work'));
      await waitFor('the editor tab to be clean', 10_000, async () =>
        !(await p.locator('.tabs-container .tab.active.dirty').count()));
    });

    await step('outline', async () => {
      await quickInput(p, 'Control+Shift+O', '');
      const rows = p.locator('.quick-input-list .monaco-list-row');
      const labels = await waitFor('paragraph labels in Go to Symbol', 15_000, async () => {
        const t = (await rows.allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim());
        return t.filter((s) => /^\d+\. \S/.test(s)).length >= 2 ? t : undefined;
      });
      log(`  symbols: ${JSON.stringify(labels.slice(0, 8).map((s) => s.slice(0, 50)))}`);
    });

    await step('completion', async () => {
      await closeQuickInput(p);
      await p.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 5_000 });
      await p.locator(`${EDITOR}.focused`).waitFor({ timeout: 5_000 });
      // Keys sent while the focus moves back from the quick input get lost: check the cursor.
      const lines = (await readFile(path.join(o.workspace, 'demo.draft'), 'utf8')).split('\n').length;
      await waitFor(`the cursor on the last line (${lines}) of demo.draft`, 10_000, async () => {
        await p.keyboard.press('Control+End');
        await p.waitForTimeout(100);
        return (await p.locator('[id="status.editor.selection"]').innerText()).includes(`Ln ${lines},`);
      });
      await p.keyboard.press('End');
      await p.keyboard.press('Enter');
      await p.keyboard.press('Enter');
      await p.keyboard.type('the Group recommends regular');
      await p.keyboard.press('Escape');
      const rows = p.locator('.suggest-widget .monaco-list-row');
      let labels: string[] = [];
      await waitFor('a completion item containing "institutional dialogue"', 20_000, async () => {
        await p.keyboard.press('Control+Space');
        await rows.first().waitFor({ state: 'visible', timeout: 3_000 }).catch(() => undefined);
        labels = await rows.allInnerTexts().catch(() => []);
        if (labels.some((s) => s.includes('institutional dialogue'))) return true;
        await p.keyboard.press('Escape');
        return undefined;
      }, 500);
      log(`  completion items: ${JSON.stringify(labels.map((s) => s.replace(/\s+/g, ' ').slice(0, 80)))}`);
    });

    await step('fix-all-on-save', async () => {
      await p.keyboard.press('Escape');
      // Leave demo.draft as saved: revert the completion line (File: Revert File).
      await quickInput(p, 'F1', 'File: Revert File');
      await p.locator('.quick-input-list .monaco-list-row', { hasText: 'Revert File' }).first().waitFor({ timeout: 10_000 });
      await p.keyboard.press('Enter');
      await waitFor('demo.draft to be clean after Revert File', 10_000, async () =>
        !(await p.locator('.tabs-container .tab.active.dirty').count()));
      await quickOpen(p, 'second.draft', 'title:');
      await goToLine(p, 14);
      await p.keyboard.press('End');
      await p.keyboard.type(' It should duplicate ongoing work by other international organizations and forums addressing issues such as criminal and terrorist use of ICTs, human rights and Internet governance.');
      await p.keyboard.press('Escape');
      await waitFor('the departure to be flagged in second.draft', 30_000, async () =>
        (await p.locator(`${EDITOR} .squiggly-error`).count()) > 0);
      await screenshot('second-departure');
      await p.keyboard.press('Control+S');
      const text = await readUntil(path.join(o.workspace, 'second.draft'), 'second.draft on disk to be fixed ("It should not duplicate")', 15_000,
        (t) => t.includes('It should not duplicate ongoing work'));
      if (text.includes('It should duplicate')) throw new Error('second.draft on disk still has the departure');
      await p.keyboard.press('Home');
      await waitFor('the editor to show the fixed words', 10_000, async () =>
        (await editorText(p)).replace(/\s+/g, ' ').includes('It should not duplicate'));
      // Not a failure (yet): does the code lens catch up with the fixed text?
      const lens = p.locator(`${EDITOR} .contentWidgets .codelens-decoration, ${EDITOR} .codelens-decoration`);
      const stale = await waitFor('the code lens to stop counting the fixed departure', 5_000, async () =>
        !(await lens.allInnerTexts()).some((t) => t.includes('departure'))).then(() => false, () => true);
      if (stale) log(`  NOTE: 5 s after the save the code lens still says ${JSON.stringify(await lens.allInnerTexts())}`);
    });
  } finally {
    await context?.close().catch(() => undefined);
  }
}
