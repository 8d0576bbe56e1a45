// Shared helpers for the end-to-end tests: Debian's Chromium driven by playwright-core,
// a fresh profile per test, downloads captured, PDF text read back with pdftotext.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

export const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:8080/';
export const OUT_DIR = process.env.OUT_DIR ?? 'tests/e2e/out';
export const CLI = process.env.PRONGSAI_CLI ?? 'target/debug/prongsai';
// Chromium flags for a closed network and a root user: one list, shared with xtask.
const ARGS = (process.env.CHROMIUM_ARGS ?? readFileSync(new URL('../chromium-args.txt', import.meta.url), 'utf8'))
  .split(/\s+/)
  .filter(Boolean);

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };

/// A browser with a fresh profile. Returns { context, page, close }.
export async function open(viewport = DESKTOP, options = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'prongsai-e2e-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ARGS,
    viewport,
    acceptDownloads: true,
    locale: 'th-TH',
    ...options,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return {
    context,
    page,
    errors,
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/// Loads the app and waits until it is interactive.
export async function load(page, path = '') {
  // The first visit of a run starts a cold browser and compiles the wasm: seen over 30 s
  // once on a loaded 2-core machine.
  await page.goto(BASE_URL + path, { timeout: 90000 });
  await page.waitForSelector('main', { timeout: 30000 });
}

export async function shot(page, name) {
  await page.screenshot({ path: join(OUT_DIR, `${name}.png`), fullPage: true });
}

/// Clicks `selector`, captures the download, saves it in OUT_DIR; returns its path.
export async function download(page, selector, name) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), page.click(selector)]);
  const path = join(OUT_DIR, name ?? dl.suggestedFilename());
  await dl.saveAs(path);
  // Every PDF the app makes must be a valid PDF.
  if (path.endsWith('.pdf')) execFileSync('qpdf', ['--check', path], { encoding: 'utf8' });
  return { path, suggested: dl.suggestedFilename() };
}

export function pdfText(path, raw = true) {
  return execFileSync('pdftotext', [...(raw ? ['-raw'] : []), path, '-'], { encoding: 'utf8' });
}

/// Text with all whitespace removed (line breaks fall between words in Thai).
export function squash(s) {
  return s.replace(/\s+/gu, '');
}

export function cli(args, input) {
  return execFileSync(CLI, args, { encoding: 'utf8', input });
}

export { writeFileSync, readFileSync, join };

/// True when `needle` occurs in `hay` (both squashed), possibly in up to three pieces in
/// order: a table row split across pages continues after the next page's header.
export function foundInOrder(hay, needle) {
  hay = squash(hay);
  const n = [...squash(needle)];
  let from = 0;
  let i = 0;
  for (let piece = 0; piece < 3; piece++) {
    let found = null;
    for (let k = n.length; k > i; k--) {
      const part = n.slice(i, k).join('');
      const at = hay.indexOf(part, from);
      if (at >= 0) {
        found = [k, at + part.length];
        break;
      }
    }
    if (!found) return false;
    if (found[0] === n.length) return true;
    if (found[0] - i < 8) return false;
    [i, from] = found;
  }
  return false;
}

/// Signs on the first pad with the mouse.
export async function drawSignature(page) {
  const pad = page.locator('canvas.pad').first();
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  await page.mouse.move(box.x + 20, box.y + box.height * 0.7);
  await page.mouse.down();
  for (let k = 1; k <= 24; k++) {
    await page.mouse.move(box.x + 20 + (k * (box.width - 40)) / 24, box.y + box.height * (0.5 + 0.3 * Math.sin(k / 2)));
  }
  await page.mouse.up();
}

/// Imports `draft` as a file from the drafts screen, as an officer would.
export async function importDraft(page, draft, name) {
  const buffer = Buffer.from(JSON.stringify({ format: 'prongsai-draft', name, draft, images: {} }));
  await page.click('#to-drafts');
  await page.setInputFiles('#import-file', { name: 'draft.json', mimeType: 'application/json', buffer });
  await page.waitForSelector('.toast');
}

/// Seed 004 with ten groups of ten measures (ids g0…g9, m0-0…m9-9).
export function hundredMeasureDraft() {
  const seed = JSON.parse(readFileSync('tests/drafts/seed-004.json', 'utf8'));
  const base = seed.measures[0].measures;
  const groups = Array.from({ length: 10 }, (_, g) => ({
    id: `g${g}`,
    indicator: (g % 10) + 1,
    heading: '',
    measures: Array.from({ length: 10 }, (_, m) => ({ ...base[(g * 10 + m) % base.length], id: `m${g}-${m}` })),
  }));
  return { ...seed, measures: groups };
}

/// Goes to step `n` of the wizard by its button in the progress bar.
export async function step(page, n) {
  await page.click(`.progress li:nth-child(${n}) button`);
  await page.waitForSelector(`.progress li:nth-child(${n}).current`, { timeout: 5000 });
}
