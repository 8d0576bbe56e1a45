// Speed in the browser, measured (figures are printed and written for the budget check):
// PDF generation for the 40-row reference report, and typing smoothness in a
// 100-measure draft.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open, DESKTOP, OUT_DIR, load, readFileSync, writeFileSync, join, importDraft, hundredMeasureDraft } from './lib.mjs';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

test('PDF of the 40-row reference report in the browser (median of runs)', async () => {
  const b = await open(DESKTOP);
  const { page } = b;
  try {
    await load(page);
    await importDraft(page, JSON.parse(readFileSync('tests/drafts/reference-40.json', 'utf8')), 'อ้างอิง ๔๐ แถว');
    await page.click('.progress li:nth-child(7) button');
    const runs = 6;
    let bytes = 0;
    for (let i = 0; i < runs; i++) {
      const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#download-pdf')]);
      const path = join(OUT_DIR, 'bench-reference.pdf');
      await dl.saveAs(path);
      bytes = readFileSync(path).length;
    }
    const times = await page.evaluate(() => performance.getEntriesByName('prongsai:pdf').map((e) => e.duration));
    assert.equal(times.length, runs);
    // The first run includes loading the engine's data: it is not counted.
    const ms = median(times.slice(1));
    const pages = (readFileSync(join(OUT_DIR, 'bench-reference.pdf'), 'latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    const figures = { median_ms: Math.round(ms * 10) / 10, runs: runs - 1, pages, bytes, all_ms: times.map((t) => Math.round(t)) };
    writeFileSync(join(OUT_DIR, 'bench.json'), JSON.stringify(figures, null, 1));
    console.log(`browser PDF, 40-row reference report: median ${figures.median_ms} ms (${figures.runs} runs), ${pages} pages, ${bytes} bytes`);
    assert.ok(pages > 10);
  } finally {
    await b.close();
  }
});

/// Imports a draft of ten groups of ten measures (ids g0…g9, m0-0…m9-9) and opens step 4
/// with every card open (a long list starts folded): the worst case for typing.
async function hundredMeasures(page) {
  await importDraft(page, hundredMeasureDraft(), 'ร้อยมาตรการ');
  await page.click('.progress li:nth-child(4) button');
  assert.equal(await page.locator('.measure').count(), 100);
  await page.click('#open-all');
  assert.equal(await page.locator('.measure .measure-summary').count(), 0);
}

/// Which fields' closures ran since the last call (path → runs).
const fieldRuns = (page) => page.evaluate(() => JSON.parse(window.__prongsaiFieldRuns()));

test('typing in one field of a 100-measure draft re-runs no other field', async () => {
  const b = await open(DESKTOP);
  const { page } = b;
  try {
    await load(page);
    await hundredMeasures(page);
    const field = page.locator('#f-measure-m5-7-name');
    await field.click();
    await field.press('End');
    await fieldRuns(page);
    const typed = 'ทดสอบการพิมพ์';
    await page.keyboard.type(typed, { delay: 10 });
    // Leaving the field commits it; the save follows.
    await page.locator('#f-measure-m5-8-name').focus();
    await page.waitForSelector('.save-state.saved');
    const runs = await fieldRuns(page);
    const total = Object.values(runs).reduce((a, b) => a + b, 0);
    const fields = Object.keys(runs);
    const shown = fields.length <= 5 ? JSON.stringify(runs) : `${fields.length} fields`;
    console.log(`closure runs while typing ${typed.length} characters in one of 100 measures: ${total} (${shown})`);
    assert.deepEqual(Object.keys(runs), ['measure.m5-7.name'], 'only the field typed in re-ran');
    // Its value follows each keystroke: a run or two per character, never one per measure.
    assert.ok(total <= 2 * typed.length, `${total} runs`);

    // The same on the memo step: the reporter's name, nothing else.
    await page.click('.progress li:nth-child(6) button');
    const name = page.locator('#f-signers-reporter-name');
    await name.click();
    await name.press('End');
    await fieldRuns(page);
    await page.keyboard.type('ก', { delay: 10 });
    await page.waitForSelector('.save-state.saved');
    assert.deepEqual(Object.keys(await fieldRuns(page)), ['signers.reporter.name']);
  } finally {
    await b.close();
  }
});

test('typing stays smooth with a 100-measure draft open', async () => {
  const b = await open(DESKTOP);
  const { page } = b;
  try {
    await load(page);
    await hundredMeasures(page);
    const field = page.locator('.measure').nth(57).getByLabel('มาตรการ/กิจกรรม');
    await field.scrollIntoViewIfNeeded();
    await field.click();
    await field.press('End');
    // Frame times while typing 200 characters.
    await page.evaluate(() => {
      window.__frames = [];
      let last = performance.now();
      const tick = (t) => { window.__frames.push(t - last); last = t; if (window.__frames.length < 100000) window.__raf = requestAnimationFrame(tick); };
      window.__raf = requestAnimationFrame(tick);
    });
    const text = 'ทดสอบการพิมพ์ต่อเนื่อง '.repeat(10).slice(0, 200);
    const started = Date.now();
    await page.keyboard.type(text, { delay: 15 });
    const elapsed = Date.now() - started;
    const frames = await page.evaluate(() => { cancelAnimationFrame(window.__raf); return window.__frames; });
    const sorted = [...frames].sort((a, b) => a - b);
    const p95 = sorted[Math.floor(sorted.length * 0.95)];
    const worst = sorted[sorted.length - 1];
    console.log(`typing 200 characters in a 100-measure draft: ${frames.length} frames in ${elapsed} ms, p95 ${p95.toFixed(1)} ms, worst ${worst.toFixed(1)} ms`);
    const value = await field.inputValue();
    assert.ok(value.endsWith(text), 'every character arrived');
    assert.ok(p95 < 50, `p95 frame time ${p95.toFixed(1)} ms`);
    // Autosave is debounced: it waits for the typing to stop.
    await page.waitForSelector('.save-state.saved');
  } finally {
    await b.close();
  }
});
