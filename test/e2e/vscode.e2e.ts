/**
 * End-to-end test of the Acquis extension in a real VS Code (code-server 4.139.1, VS Code 1.139.1)
 * driven through its UI by headless Chromium. Not a vitest suite: `node test/e2e/run.mjs` builds,
 * packages and installs the extension, starts code-server, then calls `runVscodeE2E` below.
 *
 * Steps (each leaves a screenshot in the output folder), with the points of issue 10 checked
 * through the UI:
 *   open demo.draft by Quick Open; the squiggle of a one-word change is about a word wide; verbatim
 *   consensus language has no squiggle (a code lens says "agreed language"); no ambiguous-character
 *   boxes on curly apostrophes; the Problems panel has one entry per span; the status bar shows the
 *   agreed share only; the hover's first block is the comparison; the disable action leaves the
 *   cursor on the reason; the documentation opens in the Markdown preview; the quick fix restores
 *   the agreed wording and Ctrl+S writes it; Go to Symbol; Go to Definition opens the built-in
 *   acquis document read-only and unlinted; completion offers each formulation once; compare run
 *   from the older file redlines old -> new, names both in the title, and swaps; fix-all on save.
 * The screenshot `NN-hover-comparison.png` is the README's picture (docs/images/vscode-hover.png).
 *
 * Checks about the look of the editor are collected (`check`) so one run reports every miss; a
 * step that cannot go on throws.
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

/** Open a workspace file through Quick Open (Ctrl+P) and wait until its editor shows `expect` (tried three times). */
async function quickOpen(page: Page, name: string, expect: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await closeQuickInput(page);
      await quickInput(page, 'Control+P', name);
      const row = page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
      await row.waitFor({ state: 'visible', timeout: 15_000 });
      await page.waitForTimeout(150);
      await page.keyboard.press('Enter');
      await page.locator('.tabs-container .tab.active', { hasText: name }).first().waitFor({ timeout: 5_000 });
      break;
    } catch (e) {
      if (attempt === 3) throw e;
    }
  }
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
  const misses: string[] = [];
  /** A point of the issue checked through the UI: recorded, and reported together at the end. */
  const check = (what: string, ok: boolean, detail = ''): void => {
    log(`  ${ok ? 'ok  ' : 'MISS'} ${what}${detail ? `: ${detail}` : ''}`);
    if (!ok) misses.push(`${what}${detail ? ` (${detail})` : ''}`);
  };
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
    log(`  done (${Date.now() - t0} ms)`);
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

    const command = async (title: string): Promise<void> => {
      await quickInput(p, 'F1', title);
      await p.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10_000 });
      await p.keyboard.press('Enter');
    };
    const closeTab = async (title: string): Promise<void> => {
      const tab = p.locator('.tabs-container .tab', { hasText: title }).first();
      await tab.hover();
      await tab.locator('.tab-actions .codicon-close, .tab-actions .action-label').first().click();
      await tab.waitFor({ state: 'detached', timeout: 5_000 }).catch(() => log(`  (tab "${title}" still open)`));
      // Give the keyboard back to the editor left (a web view may have held it).
      await p.locator('.tabs-container .tab.active').first().click();
      await p.locator(`${EDITOR}.focused`).waitFor({ timeout: 5_000 }).catch(() => undefined);
    };
    const activeTab = async (): Promise<string> => (await p.locator('.tabs-container .tab.active').allInnerTexts()).join(' | ');
    /** The cursor's box (after Go to Line it sits at the start of the line). */
    const cursorBox = async (): Promise<Box> => {
      const all = await boxes(p.locator(`${EDITOR}.focused .cursors-layer .cursor`));
      if (!all.length) throw new Error('no cursor on screen');
      return all[0]!;
    };
    const squigglesOn = async (severity: 'error' | 'warning' | 'info' | 'hint' | 'any', top: number, bottom: number): Promise<Box[]> => {
      const selector = severity === 'any' ? '[class*="squiggly-"]' : `.squiggly-${severity}`;
      return (await boxes(p.locator(`${EDITOR} ${selector}`))).filter((b) => b.y + b.height > top && b.y < bottom);
    };
    const openQuickFixes = async (target: Box): Promise<Locator> => {
      const rows = p.locator('.action-widget .monaco-list-row');
      for (let attempt = 0; attempt < 4; attempt++) {
        await p.keyboard.press('Escape');
        await p.mouse.click(target.x + Math.min(target.width / 2, 30), target.y + target.height / 2);
        await p.locator('[class*="codicon-gutter-lightbulb"], .lightBulbWidget .codicon').first()
          .waitFor({ state: 'visible', timeout: 5_000 }).catch(() => undefined);
        await p.keyboard.press('Control+.');
        if (await rows.first().waitFor({ state: 'visible', timeout: 3_000 }).then(() => true, () => false)) return rows;
      }
      throw new Error('the quick fix menu (.action-widget) did not open after 4 tries of Ctrl+.');
    };
    const pickAction = async (rows: Locator, title: string): Promise<void> => {
      const titles = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
      const row = rows.filter({ hasText: title }).first();
      if ((await row.count()) === 0) throw new Error(`no "${title}" action among ${JSON.stringify(titles)}`);
      await row.click();
    };
    const deviationSquiggle = async (): Promise<Box> => {
      const all = await boxes(p.locator(`${EDITOR} .squiggly-error`));
      if (all.length === 0) throw new Error('no .squiggly-error on screen');
      return all[0]!;
    };

    await step('workbench', async () => {
      await p.goto(o.url, { waitUntil: 'domcontentloaded', timeout: 30_000 });
      await p.locator('.monaco-workbench').waitFor({ timeout: 30_000 });
      await p.locator('.explorer-folders-view .monaco-list-row', { hasText: 'demo.draft' }).first().waitFor({ timeout: 30_000 });
    });

    await step('open-demo', async () => {
      await quickOpen(p, 'demo.draft', 'title:');
      await waitFor('the language mode "Draft" in the status bar', 15_000, async () =>
        ((await p.locator('[id="status.editor.mode"]').innerText().catch(() => '')).includes('Draft')));
    });

    // Paragraph 13 (line 89) drops "not" from A/70/174, para. 33: a one-word change, the only
    // substantive error near the top of the screen after Go to Line.
    await step('squiggle-width', async () => {
      await goToLine(p, 89);
      await waitFor('a deviation squiggle (.squiggly-error) near line 89', 45_000, async () =>
        (await boxes(p.locator(`${EDITOR} .squiggly-error`))).length > 0);
      const lineText = 'should duplicate ongoing work by other international organizations and forums addressing issues';
      // Measure once the view has settled after Go to Line (while it scrolls, the band around the
      // cursor can miss the squiggle).
      const measure = async (): Promise<{ cursor: Box; errors: Box[] }> => {
        const cursor = await cursorBox();
        return { cursor, errors: await squigglesOn('error', cursor.y - cursor.height * 1.5, cursor.y + cursor.height * 3) };
      };
      const { cursor, errors } = await waitFor('the error squiggle beside the cursor', 5_000, async () => {
        const m = await measure();
        return m.errors.length > 0 ? m : undefined;
      }).catch(() => measure());
      // The text's own width (the span inside the view line), to measure one character.
      const line = (await boxes(p.locator(`${EDITOR} .view-line > span`, { hasText: lineText })))[0];
      const charWidth = line ? line.width / lineText.length : 8; // lineText is the whole of line 89
      log(`  cursor ${JSON.stringify(cursor)}; error squiggles ${JSON.stringify(await boxes(p.locator(`${EDITOR} .squiggly-error`)))}`);
      const width = errors.reduce((sum, b) => sum + b.width, 0);
      check('one-word change: the squiggle covers the changed words only', width > 0 && width <= 20 * charWidth,
        `${errors.length} error squiggle box(es), ${Math.round(width)} px wide, ${(width / charWidth).toFixed(1)} characters`);
    });

    await step('agreed-quiet', async () => {
      // Paragraph 14's first line quotes A/70/174, para. 33 word for word; paragraph 11 quotes para. 18.
      for (const [lineNumber, what] of [[92, 'paragraph 14'], [79, 'paragraph 11']] as const) {
        await goToLine(p, lineNumber);
        // Measure once the view has settled: while it scrolls to the line, a squiggle of the
        // departure three lines above can pass through the cursor's band.
        const squigglesOnCursorLine = async (): Promise<Box[]> => {
          const cursor = await cursorBox();
          return squigglesOn('any', cursor.y + 1, cursor.y + cursor.height - 1);
        };
        const on = await waitFor(`${what} without a squiggle`, 3_000, async () => ((await squigglesOnCursorLine()).length === 0 ? [] : undefined))
          .catch(() => squigglesOnCursorLine());
        check(`verbatim agreed language (${what}, line ${lineNumber}) has no squiggle`, on.length === 0, `${on.length} squiggle(s)`);
      }
      const lenses = await waitFor('a code lens saying "agreed language"', 15_000, async () => {
        const t = await p.locator(`${EDITOR} .codelens-decoration`).allInnerTexts();
        return t.some((x) => x.includes('agreed language')) ? t : undefined;
      }).catch(() => [] as string[]);
      check('a code lens says "agreed language: A/70/174 ..."', lenses.some((t) => /agreed language: A\/70\/174/.test(t)), JSON.stringify(lenses.slice(0, 4)));
      const boxed = await p.locator(`${EDITOR} .unicode-highlight`).count();
      check('no ambiguous-character boxes on typographic quotes', boxed === 0, `${boxed} boxed`);
    });

    await step('problems', async () => {
      await p.keyboard.press('Control+Shift+M');
      const rows = p.locator('.markers-panel .monaco-list-row');
      await rows.first().waitFor({ timeout: 15_000 });
      const texts = await waitFor('a Problems entry containing precedent.deviation', 15_000, async () => {
        const t = (await rows.allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim());
        return t.some((s) => s.includes('precedent.deviation')) ? t : undefined;
      });
      log(`  problems rows on screen: ${texts.length}`);
      // The problems themselves (source and rule: "acquis(precedent.deviation)"), not the rows of
      // their related information (the quoted stretch, the precedent) that the tree shows under them.
      const problems = texts.filter((t) => /acquis\W{0,3}[a-z]+\.[a-z]+/.test(t));
      log(`  problems: ${JSON.stringify(problems.map((t) => t.slice(0, 70)))}`);
      const spans = problems.map((t) => /\[Ln (\d+), Col (\d+)\]/.exec(t)?.slice(1).join(':')).filter((x): x is string => !!x);
      const repeated = [...new Set(spans.filter((s, i) => spans.indexOf(s) !== i))];
      check('one Problems entry per span', spans.length > 0 && repeated.length === 0, `${spans.length} entries; repeated at ${JSON.stringify(repeated)}`);
      check('no Problems entry for agreed language', !texts.some((t) => t.includes('precedent.agreed') && t.includes('consensus')));
      const status = await p.locator('[id="status.problems"]').getAttribute('aria-label').catch(() => null);
      if (status) log(`  VS Code's problem counts: ${status}`);
    });

    await step('status bar', async () => {
      const item = await waitFor('the Acquis status bar item with the agreed share', 15_000, async () => {
        const texts = await p.locator('.statusbar-item').allInnerTexts();
        return texts.find((t) => /\d+% agreed/.test(t));
      });
      const figures = item.replace(/\s+/g, ' ').trim();
      check('the status bar item shows the agreed share only (no problem counts)', /^\d+% agreed$/.test(figures), JSON.stringify(figures));
    });

    await step('hover', async () => {
      await p.keyboard.press('Control+J');
      await p.locator('.markers-panel').waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => log('  (Problems panel still visible)'));
      // On the quoted stretch, away from the changed word: line 90 ("such as criminal ...").
      await goToLine(p, 90);
      await p.waitForTimeout(300);
      const cursor = await cursorBox();
      const hover = p.locator('.monaco-hover');
      const rows = await waitFor('a hover with "A/70/174"', 30_000, async () => {
        await p.mouse.move(5, 5);
        await p.mouse.move(cursor.x + 120, cursor.y + cursor.height / 2, { steps: 4 });
        for (let i = 0; i < 10; i++) {
          await p.waitForTimeout(250);
          const texts = await hover.allInnerTexts().catch(() => [] as string[]);
          if (texts.some((t) => t.includes('A/70/174'))) {
            return (await p.locator('.monaco-hover .hover-row:not(.status-bar)').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
          }
        }
        return undefined;
      }, 100);
      const all = rows.join('\n');
      log(`  hover blocks: ${JSON.stringify(rows.map((r) => r.slice(0, 100)))}`);
      check("the hover's first block is the comparison", /^Precedent:/.test(rows[0] ?? ''), JSON.stringify((rows[0] ?? '').slice(0, 80)));
      const precedentAt = all.indexOf('Precedent:');
      const sourceAt = all.indexOf('A/70/174, para. 33');
      check('the source line comes after the comparison', precedentAt >= 0 && sourceAt > precedentAt);
      check('no internal labels in the hover', !/\.draft\(\d+, \d+\)/.test(all), JSON.stringify(/\S*\.draft\(\d+, \d+\)/.exec(all)?.[0] ?? ''));
      // The README's picture (docs/images/vscode-hover.png): the quiet editor with the hover open.
      await screenshot('hover-comparison');
      await p.mouse.move(5, 5);
    });

    await step('disable-with-reason', async () => {
      await p.keyboard.press('Escape');
      await goToLine(p, 89);
      const rows = await openQuickFixes(await deviationSquiggle());
      await pickAction(rows, 'Disable precedent.deviation for this paragraph');
      await p.waitForTimeout(300);
      await p.keyboard.type('settled in informals');
      // Wait for the typing to be drawn (a busy machine lags); the check below says what was seen.
      const text = await waitFor('the disable comment with the typed reason', 10_000, async () => {
        const t = (await editorText(p)).replace(/\s+/g, ' ');
        return t.includes('settled in informals') ? t : undefined;
      }).catch(async () => (await editorText(p)).replace(/\s+/g, ' '));
      check('the disable action leaves the cursor on the reason', text.includes('acquis-disable precedent.deviation -- settled in informals'),
        JSON.stringify(/\/\/ acquis-disable[^\n]{0,60}/.exec(text)?.[0] ?? ''));
      await screenshot('disable-typed');
      // Back to the file as saved.
      await p.keyboard.press('Escape');
      await command('File: Revert File');
      await waitFor('demo.draft to be clean after Revert File', 10_000, async () => !(await p.locator('.tabs-container .tab.active.dirty').count()));
    });

    await step('docs-rendered', async () => {
      await goToLine(p, 89);
      const rows = await openQuickFixes(await deviationSquiggle());
      await pickAction(rows, 'Show documentation for precedent.deviation');
      const tab = await waitFor('a Markdown preview tab', 15_000, async () => {
        const tabs = await p.locator('.tabs-container .tab').allInnerTexts();
        return tabs.find((t) => /Preview\s+rules\.md/.test(t));
      }).catch(() => '');
      check('the documentation opens rendered (Markdown preview)', !!tab, JSON.stringify(await p.locator('.tabs-container .tab').allInnerTexts()));
      const source = (await p.locator('.tabs-container .tab').allInnerTexts()).some((t) => /^\s*rules\.md/.test(t));
      check('the documentation does not open as source', !source);
      await screenshot('docs-preview');
      // Close the preview (the web view holds the keyboard focus: click) and go back to demo.draft.
      await closeTab('Preview rules.md');
      // The rule's code in the Problems panel is a link to the same page: a default editor
      // association (package.json) opens the extension's docs in the Markdown preview too.
      await p.locator('.tabs-container .tab', { hasText: 'demo.draft' }).first().click();
      await p.keyboard.press('Control+Shift+M');
      const link = p.locator('.markers-panel a.monaco-link, .markers-panel .code-link', { hasText: 'precedent.deviation' }).first();
      if (await link.waitFor({ timeout: 5_000 }).then(() => true, () => false)) {
        await link.click();
        await p.waitForTimeout(2_000);
        const opened = await activeTab();
        const preview = await p.locator('.editor-group-container.active', { hasText: 'Markdown Preview' }).count();
        check("the Problems panel's rule link opens the page rendered", /rules\s*\.md/.test(opened) && preview > 0, JSON.stringify(opened));
        await screenshot('docs-code-link');
        const tab = (await activeTab()).trim();
        if (tab && !tab.includes('demo.draft')) await closeTab(tab.split('\n')[0]!.trim());
      } else check("the Problems panel's rule link opens the page rendered", false, 'no rule link in the Problems panel');
      await p.keyboard.press('Control+J');
      await p.locator('.tabs-container .tab', { hasText: 'demo.draft' }).first().click();
      await p.locator('.tabs-container .tab.active', { hasText: 'demo.draft' }).waitFor({ timeout: 10_000 });
    });

    await step('quick-fix', async () => {
      await goToLine(p, 89);
      const rows = await openQuickFixes(await deviationSquiggle());
      await screenshot('quick-fix-menu');
      await pickAction(rows, 'wording of A/70/174');
      await waitFor('the editor to show "should not duplicate"', 10_000, async () =>
        (await editorText(p)).replace(/\s+/g, ' ').includes('should not duplicate'));
    });

    await step('save', async () => {
      await p.keyboard.press('Control+S');
      await readUntil(path.join(o.workspace, 'demo.draft'), 'demo.draft on disk to contain "should not duplicate"', 15_000,
        (t) => t.replace(/\s+/g, ' ').includes('It should not duplicate ongoing work'));
      await waitFor('the editor tab to be clean', 10_000, async () => !(await p.locator('.tabs-container .tab.active.dirty').count()));
    });

    await step('outline', async () => {
      await quickInput(p, 'Control+Shift+O', '');
      const rows = p.locator('.quick-input-list .monaco-list-row');
      const labels = await waitFor('paragraph labels in Go to Symbol', 15_000, async () => {
        const t = (await rows.allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim());
        return t.filter((s) => /^\d+\. \S/.test(s)).length >= 2 ? t : undefined;
      });
      log(`  symbols: ${JSON.stringify(labels.slice(0, 6).map((s) => s.slice(0, 50)))}`);
      await closeQuickInput(p);
    });

    await step('builtin-read-only', async () => {
      // Go to Definition on the agreed quote of paragraph 14 opens A/70/174 from the built-in acquis.
      await goToLine(p, 92);
      await p.keyboard.press('End');
      await p.keyboard.press('F12');
      const tab = await waitFor('the built-in A/70/174 document', 15_000, async () => {
        const t = await activeTab();
        return t.includes('A\u221570\u2215174') ? t : undefined;
      });
      log(`  tab: ${JSON.stringify(tab)}`);
      // Typing is refused with VS Code's "Cannot edit in read-only editor" (polled: a busy machine
      // draws it late, and it fades after a while).
      // On a loaded machine the first keys can arrive before the editor has focus, and the message
      // fades: up to three attempts, each with the editor focused first.
      let message: string[] = [];
      for (let attempt = 0; attempt < 3 && !message.some((m) => m.includes('read-only')); attempt++) {
        await p.locator(`${EDITOR} .view-lines`).first().click().catch(() => undefined);
        await p.keyboard.type('zzz');
        await waitFor('the read-only message', 5_000, async () => {
          message = await p.locator('.monaco-editor-overlaymessage').allInnerTexts().catch(() => [] as string[]);
          return message.some((m) => m.includes('read-only'));
        }, 100).catch(() => undefined);
      }
      const after = await editorText(p);
      check('the built-in document is read-only', !after.includes('zzz') && message.some((m) => m.includes('read-only')), JSON.stringify(message));
      await p.waitForTimeout(1500);
      const squiggles = await p.locator(`${EDITOR} [class*="squiggly-"]`).count();
      check('the built-in document is not linted', squiggles === 0, `${squiggles} squiggles`);
      await p.keyboard.press('Control+W');
    });

    await step('completion', async () => {
      await quickOpen(p, 'demo.draft', '');
      await p.locator(`${EDITOR}.focused`).waitFor({ timeout: 5_000 });
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
        labels = (await rows.allInnerTexts().catch(() => [] as string[])).map((s) => s.replace(/\s+/g, ' ').trim());
        if (labels.some((s) => s.includes('institutional dialogue'))) return true;
        await p.keyboard.press('Escape');
        return undefined;
      }, 500);
      log(`  completion items: ${JSON.stringify(labels.map((s) => s.slice(0, 90)))}`);
      const formulation = labels.filter((s) => s.includes('institutional dialogue with broad participation'));
      check('completion offers the formulation once', formulation.length === 1, `${formulation.length} items`);
      const firstWords = labels.map((s) => s.split(' ').slice(0, 8).join(' '));
      check('completion has no duplicates', new Set(firstWords).size === firstWords.length);
      check('completion offers no junk words', !labels.some((s) => /^\S{1,3}$/.test(s.split(' ')[0] ?? '') && s.split(' ').length === 1), JSON.stringify(labels));
      await screenshot('completion-list');
      await p.keyboard.press('Escape');
      // After a space (a trigger character) where no agreed sentence goes on: nothing at all.
      await p.keyboard.type(' purple elephants ');
      await p.waitForTimeout(1200);
      const junk = (await p.locator('.suggest-widget.visible .monaco-list-row').allInnerTexts().catch(() => [] as string[])).map((s) => s.trim());
      check('no suggestions of words picked from the document', junk.length === 0, JSON.stringify(junk.slice(0, 8)));
      await p.keyboard.press('Escape');
      await command('File: Revert File');
      await waitFor('demo.draft to be clean after Revert File', 10_000, async () => !(await p.locator('.tabs-container .tab.active.dirty').count()));
    });

    await step('compare', async () => {
      // From the older revision (11 March 2020), pick the newer (27 May 2020).
      await quickOpen(p, 'oewg-pre-draft.draft', 'title:');
      await command('Acquis: Compare this draft with another revision');
      const row = p.locator('.quick-input-list .monaco-list-row', { hasText: 'revised-pre-draft.draft' }).first();
      await row.waitFor({ timeout: 15_000 });
      const title = await p.locator('.quick-input-widget .quick-input-title').innerText().catch(() => '');
      const rowText = (await row.innerText()).replace(/\s+/g, ' ');
      log(`  pick dialog: ${JSON.stringify(title)}; row ${JSON.stringify(rowText)}`);
      check('the pick dialog names old and new', /old: oewg-pre-draft\.draft → new: revised-pre-draft\.draft/.test(rowText) && /\bnew\b/.test(rowText), JSON.stringify(rowText));
      await screenshot('compare-pick');
      await row.click();
      const tab = await waitFor('the comparison page', 20_000, async () => {
        const tabs = await p.locator('.tabs-container .tab').allInnerTexts();
        return tabs.find((t) => t.includes('Compare:'));
      });
      check('the page title names old and new', /old oewg-pre-draft\.draft → new revised-pre-draft\.draft/.test(tab), JSON.stringify(tab));
      const html = await waitFor('the comparison page content', 15_000, async () => {
        for (const frame of p.frames()) {
          const content = await frame.content().catch(() => '');
          if (content.includes('Comparison of two revisions')) return content;
        }
        return undefined;
      });
      check('the page says how the revisions were ordered', html.includes('old: oewg-pre-draft.draft, new: revised-pre-draft.draft, ordered by the front matter by date'));
      const struck = /<del>[^<]*in its entirety[^<]*<\/del>/.test(html);
      const inserted = /<ins>[^<]*in its entirety[^<]*<\/ins>/.test(html);
      check('compare from the older file: old -> new (Japan\'s accepted "in its entirety" inserted, not struck through)', !struck && inserted);
      await screenshot('compare-page');
      await command('Acquis: Swap old and new in the comparison');
      const swapped = await waitFor('the swapped comparison', 15_000, async () => {
        const tabs = await p.locator('.tabs-container .tab').allInnerTexts();
        return tabs.find((t) => /old revised-pre-draft\.draft → new oewg-pre-draft\.draft/.test(t));
      }).catch(() => '');
      check('the swap command reverses old and new', !!swapped, JSON.stringify(await p.locator('.tabs-container .tab').allInnerTexts()));
      await closeTab('Compare:');
    });

    await step('fix-all-on-save', async () => {
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
    });

    await step('find-agreed-language', () => pickAndInsertFormulation(p, command, check));
    await step('word-export-and-import', () => exportAndImportWord(p, command, check, o.workspace));

  } finally {
    await context?.close().catch(() => undefined);
  }
  if (misses.length) throw new Error(`${misses.length} check(s) missed:\n  - ${misses.join('\n  - ')}`);
}

/**
 * Find agreed language: the quick pick searches the acquis as the drafter types, the consensus
 * formulation comes first, and Enter inserts it at the cursor.
 */
async function pickAndInsertFormulation(
  p: Page,
  command: (title: string) => Promise<void>,
  check: (what: string, ok: boolean, detail?: string) => void,
): Promise<void> {
  await quickOpen(p, 'demo.draft', '');
  await p.locator(`${EDITOR}.focused`).waitFor({ timeout: 5_000 });
  await p.keyboard.press('Control+End');
  await p.keyboard.press('Enter');
  await p.keyboard.press('Enter');
  await p.keyboard.type('20. ');
  await command('Acquis: Find agreed language');
  // Wait for the quick pick itself (its title), not the command palette's box that is closing:
  // keys sent to that one would land in the draft.
  await p.locator('.quick-input-widget .quick-input-title', { hasText: 'Find agreed language' }).waitFor({ state: 'visible', timeout: 10_000 });
  const input = p.locator('.quick-input-widget .quick-input-box input[placeholder^="Words or a sentence"]');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.pressSequentially('regular institutional dialogue broad participation');
  const rows = p.locator('.quick-input-widget .quick-input-list .monaco-list-row');
  await rows.filter({ hasText: 'A/70/174, para. 18' }).first().waitFor({ state: 'visible', timeout: 20_000 });
  const first = (await rows.first().innerText()).replace(/\s+/g, ' ');
  check('the quick pick shows the consensus formulation first', first.includes('A/70/174, para. 18') && first.includes('consensus'), first.slice(0, 160));
  await p.keyboard.press('Enter');
  await waitFor('the formulation inserted at the cursor', 10_000, async () =>
    (await editorText(p)).replace(/\s+/g, ' ').includes('20. In this regard, the Group recommends regular institutional dialogue with broad participation'));
  check('choosing a formulation inserts its text at the cursor', true);
  await command('File: Revert File');
  await waitFor('demo.draft to be clean after Revert File', 10_000, async () => !(await p.locator('.tabs-container .tab.active.dirty').count()));
}

/**
 * Word from the editor: export the pre-draft (Japan's proposals pending) to Word with tracked
 * changes, then import that .docx back as a new draft; Japan's proposals come back as Japan's.
 * Both commands end in code-server's own file dialogs (a quick input holding a path).
 */
async function exportAndImportWord(
  p: Page,
  command: (title: string) => Promise<void>,
  check: (what: string, ok: boolean, detail?: string) => void,
  workspace: string,
): Promise<void> {
  const docx = path.join(workspace, 'oewg-pre-draft.docx');
  const back = path.join(workspace, 'from-word.draft');
  const box = p.locator('.quick-input-widget .quick-input-box input');
  /**
   * A file dialog is up when its box holds the path it suggests (`suggested` tells it from the
   * dialog before it, which the same widget may still show); replace it with `file` and accept.
   */
  const answerDialog = async (what: string, suggested: (value: string) => boolean, file: string): Promise<void> => {
    // The dialog follows a child process (the CLI's export or import): slower on a busy machine.
    await waitFor(`the ${what} dialog`, 45_000, async () => {
      if (!(await box.isVisible())) return false;
      return suggested(await box.inputValue());
    });
    await box.fill(file);
    await p.waitForTimeout(300);
    await p.keyboard.press('Enter');
  };

  await quickOpen(p, 'oewg-pre-draft.draft', 'title:');
  await command('Acquis: Export this draft to Word');
  await p.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'Tracked changes' }).first().waitFor({ state: 'visible', timeout: 10_000 });
  await p.keyboard.press('Enter');
  await answerDialog('save', (v) => v.endsWith('.docx'), docx);
  const bytes = await waitFor('oewg-pre-draft.docx on disk', 30_000, async () => {
    const b = await readFile(docx).catch(() => undefined);
    return b && b.length > 0 ? b : undefined;
  });
  check('the export writes a Word file (a zip package)', bytes[0] === 0x50 && bytes[1] === 0x4b, `${bytes.length} bytes`);

  await command('Acquis: Import a Word or PDF file as a draft');
  await answerDialog('open', (v) => v.endsWith('/'), docx);
  await answerDialog('save', (v) => v.endsWith('.draft'), back);
  const onDisk = await readUntil(back, 'from-word.draft on disk with Japan\'s proposals', 30_000, (t) => t.includes('@Japan'));
  check('the Word round trip keeps Japan\'s proposals as Japan\'s amendments', /\{(\+\+|--|~~)@Japan/.test(onDisk));
  // The window title names the active editor.
  await waitFor('the imported draft to open in the editor', 45_000, async () => (await p.title()).includes('from-word.draft'));
  check('the imported draft opens in the editor', true);
}
