/**
 * UI checks in the real workbench, the way a user meets the extension: the squiggle and its hover,
 * the Problems panel, a quick fix, FROM completion and the status bar. Each check that shows
 * something also writes the README screenshot of it.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';

export interface UiCheck {
  name: string;
  ok: boolean;
  detail?: string;
  metrics?: Record<string, number | string>;
}

const MESSAGE = 'Shell-form ENTRYPOINT runs under /bin/sh -c';
const TIMEOUT = 30_000;

/**
 * Runs one named check on `page` into `checks`: a failure is recorded with its first line and a
 * screenshot in `failures`, and does not stop the checks after it.
 */
export function checkRunner(page: Page, failures: string, checks: UiCheck[]) {
  return async (name: string, body: () => Promise<Omit<UiCheck, 'name' | 'ok'> | void>): Promise<void> => {
    try {
      checks.push({ name, ok: true, ...(await body()) });
    } catch (error) {
      const shot = join(failures, `${name.replace(/\W+/g, '-')}.png`);
      await page.screenshot({ path: shot }).catch(() => undefined);
      checks.push({ name, ok: false, detail: `${(error instanceof Error ? error.message : String(error)).split('\n')[0]}; see ${shot}` });
      // A failed check may leave a widget open that would confuse the next one.
      await page.keyboard.press('Escape').catch(() => undefined);
    }
  };
}

/** Screenshots that also illustrate the walkthrough (package.json `contributes.walkthroughs`). */
const WALKTHROUGH: Record<string, string> = { 'hover.png': 'diagnostics.png', 'quick-fix.png': 'quick-fix.png', 'completion.png': 'completion.png' };

/**
 * @param screenshots where the README screenshots go (the walkthrough's go to media/walkthrough);
 *   undefined leaves both alone
 * @param failures where a screenshot of the workbench goes when a check fails
 */
export async function runUiChecks(browser: BrowserContext, url: string, screenshots: string | undefined, failures: string): Promise<UiCheck[]> {
  const page = await browser.newPage();
  // Tall enough for a catalog hover below a diagnostic's to show whole.
  await page.setViewportSize({ width: 1280, height: 960 });
  const checks: UiCheck[] = [];
  const check = checkRunner(page, failures, checks);
  /** Screenshot of the page, or of `clip`'s top `height` pixels, for the README. */
  const shoot = async (file: string, clip?: Locator, height = 340) => {
    if (!screenshots) return;
    await page.waitForTimeout(400);
    const path = join(screenshots, file);
    const box = clip && await clip.boundingBox();
    await page.screenshot({ path, clip: box ? { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, height) } : undefined });
    if (WALKTHROUGH[file]) copyFileSync(path, join(screenshots, '..', '..', 'media', 'walkthrough', WALKTHROUGH[file]));
  };
  const editor = page.locator('.editor-instance .monaco-editor').first();

  try {
    await check('the workbench opens a Dockerfile and shows the smlint squiggle', async () => {
      await page.goto(url);
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'train' }).first().waitFor({ timeout: 60_000 });
      await quickOpen(page, 'train/Dockerfile');
      await page.locator('.editor-instance .monaco-editor .view-lines', { hasText: 'ENTRYPOINT python train.py' }).waitFor({ timeout: TIMEOUT });
      await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: TIMEOUT });
    });

    await check('the squiggle\'s hover shows the message and rule id', async () => {
      const box = await page.locator('.monaco-editor .squiggly-warning').first().boundingBox();
      if (!box) throw new Error('no squiggle to hover');
      await page.mouse.move(box.x + Math.min(40, box.width / 2), box.y + box.height / 2);
      const hover = page.locator('.monaco-hover:visible, .monaco-resizable-hover:visible').filter({ hasText: MESSAGE }).first();
      await hover.waitFor({ timeout: TIMEOUT });
      const text = await hover.innerText();
      if (!text.includes('entrypoint-shell-form')) throw new Error(`the hover lacks the rule id: ${text}`);
      await shoot('hover.png', page.locator('.part.editor'));
      await page.mouse.move(5, 5);
    });

    await check('the Problems panel lists the finding with source and code', async () => {
      await palette(page, 'View: Focus Problems');
      const row = page.locator('.markers-panel .monaco-list-row').filter({ hasText: MESSAGE }).first();
      await row.waitFor({ timeout: TIMEOUT });
      const text = await page.locator('.markers-panel').innerText();
      for (const part of ['smlint', 'entrypoint-shell-form', 'Dockerfile']) {
        if (!text.includes(part)) throw new Error(`"${part}" missing from the Problems panel: ${text.slice(0, 200)}`);
      }
      await shoot('problems.png');
    });

    await check('the status bar shows the detected container modes', async () => {
      const item = page.locator('.statusbar-item', { hasText: 'SageMaker: train' }).first();
      await item.waitFor({ timeout: TIMEOUT });
      return { detail: (await item.innerText()).trim() };
    });

    await check('a quick fix converts the ENTRYPOINT to exec form', async () => {
      await editor.locator('.view-line', { hasText: 'ENTRYPOINT python train.py' }).click();
      await page.keyboard.press('Control+.');
      const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Convert to exec form' }).first();
      await fix.waitFor({ timeout: TIMEOUT });
      await shoot('quick-fix.png', page.locator('.part.editor'));
      // The suggestion comes first and is focused.
      await page.locator('.action-widget .monaco-list-row.focused', { hasText: 'Convert to exec form' }).waitFor({ timeout: TIMEOUT });
      await page.keyboard.press('Enter');
      await editor.locator('.view-lines', { hasText: 'ENTRYPOINT ["python", "train.py"]' }).waitFor({ timeout: TIMEOUT });
      await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ state: 'detached', timeout: TIMEOUT });
    });

    await check('FROM completion lists SageMaker images, then their tags', async () => {
      // The editor gets the whole height, so hovers and lists open at full size.
      await palette(page, 'View: Hide Panel');
      await editor.locator('.view-line', { hasText: 'python:3.12-slim' }).click();
      await page.keyboard.press('End');
      for (let i = 0; i < 'python:3.12-slim'.length; i++) await page.keyboard.press('Backspace');
      await page.keyboard.press('Control+Space');
      const suggest = page.locator('.suggest-widget.visible');
      await suggest.locator('.monaco-list-row', { hasText: 'pytorch-training' }).first().waitFor({ timeout: TIMEOUT });
      await shoot('completion.png', page.locator('.part.editor'));
      await page.keyboard.type('pytorch-train');
      await suggest.locator('.monaco-list-row.focused', { hasText: 'pytorch-training' }).waitFor({ timeout: TIMEOUT });
      await page.keyboard.press('Enter');
      // Choosing a repository asks for its tags at once.
      await suggest.locator('.monaco-list-row', { hasText: '-gpu-py' }).first().waitFor({ timeout: TIMEOUT });
      await shoot('completion-tags.png', page.locator('.part.editor'));
      await page.keyboard.press('Enter');
      const line = editor.locator('.view-line', { hasText: '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:' });
      await line.waitFor({ timeout: TIMEOUT });
      return { detail: (await line.innerText()).replace(/\u00a0/g, ' ').trim() };
    });

    await check('hovering the FROM image shows what the catalog knows', async () => {
      await page.keyboard.press('Escape');
      // Back to the start of the line, which the long URI scrolled out of view.
      await page.keyboard.press('Home');
      const box = await editor.locator('.view-line', { hasText: '763104351884' }).boundingBox();
      if (!box) throw new Error('no FROM line to hover');
      // Past `FROM --platform=linux/amd64 `, inside the image reference.
      await page.mouse.move(box.x + 400, box.y + box.height / 2);
      const hover = page.locator('.monaco-hover:visible, .monaco-resizable-hover:visible').filter({ hasText: 'training image' }).first();
      await hover.waitFor({ timeout: TIMEOUT });
      const text = await hover.innerText();
      if (!/PyTorch/.test(text) || !/763104351884 \(matches the region\)/.test(text)) throw new Error(`unexpected hover: ${text}`);
      await shoot('image-hover.png', page.locator('.part.editor'), 560);
      await page.mouse.move(5, 5);
    });

    await check('Running Extensions reports the activation time', async () => {
      await palette(page, 'Developer: Show Running Extensions');
      const row = page.locator('.monaco-list-row', { hasText: 'sagemaker-containers' }).filter({ hasText: 'Activation' }).first();
      await row.waitFor({ timeout: TIMEOUT });
      const text = await row.innerText();
      const ms = /(\d+)\s*ms/.exec(text)?.[1];
      if (!ms) throw new Error(`no activation time in: ${text}`);
      return { detail: text.replace(/\s+/g, ' ').trim(), metrics: { workbenchActivationMs: Number(ms) } };
    });
  } finally {
    await page.close();
  }
  return checks;
}

export async function palette(page: Page, command: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${command}`);
  await page.locator('.quick-input-widget .quick-input-list .monaco-list-row').first().filter({ hasText: command }).waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
}

export async function quickOpen(page: Page, file: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible' });
  await input.fill(file);
  await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'Dockerfile' }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
}
