// Trust: what the officer does is never lost, never silently wrong, and never kills the app.
// Undo after deletes (and across a reload), numbers typed wrongly, wording that went stale,
// problem links, export from the list, unsaved signatures, import errors in plain Thai,
// browser history, defaults from today's date, agency prefixes, focus, crashes, the draft
// watermark, the first visit, draft names, and one long hostile session.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { execFileSync } from 'node:child_process';
import { open, load, shot, download, pdfText, squash, drawSignature, PHONE, DESKTOP, BASE_URL, OUT_DIR, readFileSync, join, step } from './lib.mjs';

const EXAMPLE = 'เขาสมอคอน';
const TODAY = new Date('2026-12-02T10:00:00+07:00');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/// Polls `probe` until `ok` holds or `timeout` ms pass; returns the last value either way
/// (the caller asserts on it, so a failure shows what was there).
async function eventually(probe, ok, timeout = 5000) {
  const end = Date.now() + timeout;
  for (;;) {
    let v;
    try {
      v = await probe();
    } catch {
      v = undefined;
    }
    if (ok(v) || Date.now() > end) return v;
    await sleep(100);
  }
}

/// The stored version of a draft: {id, rev, saved_ms, name, draft}. Without `id`: the draft
/// whose row in the drafts list is current, else the one named in the top bar, else the
/// newest in the index.
async function storedDraft(page, id) {
  return page.evaluate((wanted) => {
    const ls = window.localStorage;
    const index = JSON.parse(ls.getItem('prongsai.index') ?? '[]');
    const read = (id) => {
      const head = JSON.parse(ls.getItem(`prongsai.draft.${id}.head`) ?? 'null');
      if (!head) return null;
      const raw = ls.getItem(`prongsai.draft.${id}.${head.slot === 0 ? 'a' : 'b'}`);
      return raw ? { id, ...JSON.parse(raw) } : null;
    };
    if (wanted) return read(wanted);
    const newest = (list) => list.reduce((best, m) => (!best || m.updated_ms >= best.updated_ms ? m : best), null);
    const named = (el) => (el && el.textContent.trim() ? newest(index.filter((m) => m.name.trim() === el.textContent.trim())) : null);
    const meta =
      named(document.querySelector('.draft-list li.current strong')) ??
      named(document.querySelector('.topbar .draft-name')) ??
      newest(index);
    return meta ? read(meta.id) : null;
  }, id ?? null);
}

async function indexIds(page) {
  return page.evaluate(() => JSON.parse(localStorage.getItem('prongsai.index') ?? '[]').map((m) => m.id));
}

/// Console errors of a page (page errors are collected by open()).
function consoleErrors(page) {
  const list = [];
  page.on('console', (m) => {
    if (m.type() === 'error') list.push(m.text());
  });
  return list;
}

function assertNoCrash(b, cerr, what) {
  assert.deepEqual(b.errors, [], `${what}: page error`);
  const panics = cerr.filter((t) => /disposed|unreachable|panicked/i.test(t));
  assert.deepEqual(panics, [], `${what}: panic in the console`);
}

async function clickUndo(page) {
  const undo = page.locator('.toast button', { hasText: 'เลิกทำ' });
  await undo.waitFor({ state: 'visible', timeout: 5000 });
  await undo.click();
  await sleep(300);
}

async function blankDraft(page) {
  await page.click('#to-drafts');
  await page.getByRole('button', { name: 'เริ่มร่างใหม่ (ว่าง)' }).click();
  await page.waitForSelector('.progress li.current', { timeout: 5000 });
  await eventually(() => page.inputValue('#f-agency-name'), (v) => v === '', 3000);
}

async function blur(page, selector) {
  await page.press(selector, 'Tab');
}

async function clickNext(page) {
  await page.locator('button', { hasText: 'ถัดไป ›' }).first().click();
}

/// After an undo: typing is still saved and survives a reload.
async function stillSaves(page) {
  if (await page.locator('.draft-list').isVisible()) await page.click('#to-drafts');
  await step(page, 1);
  const name = 'พิมพ์หลังเลิกทำ';
  await page.fill('#f-agency-name', name);
  await blur(page, '#f-agency-name');
  const s = await eventually(() => storedDraft(page), (d) => d?.draft?.agency?.name === name);
  assert.equal(s?.draft?.agency?.name, name, 'typing after the undo is saved');
  await page.reload();
  await page.waitForSelector('main');
  await step(page, 1);
  assert.equal(await page.inputValue('#f-agency-name'), name, 'typing after the undo survives a reload');
}

const measureCount = (d) => d.measures.reduce((n, g) => n + g.measures.length, 0);

/// On the example draft at step `at`: `prepare`, then `remove` something; once the stored
/// draft shows it `gone`, press เลิกทำ (after a reload when `reload`): the measures come back
/// exactly as they were (ids, order, photos), the app never crashes and keeps saving.
async function deleteAndUndo(what, { at, prepare = async () => {}, ready = () => true, remove, gone, reload = false }) {
  const b = await open(DESKTOP);
  const { page } = b;
  const cerr = consoleErrors(page);
  try {
    await load(page);
    await step(page, at);
    await prepare(page);
    const before = await eventually(() => storedDraft(page), (d) => d?.draft?.measures?.length > 2 && ready(d.draft));
    await remove(page);
    const after = await eventually(() => storedDraft(page), (d) => d && gone(d.draft, before.draft));
    assert.ok(gone(after.draft, before.draft), `the ${what} was deleted`);
    if (reload) {
      await page.waitForSelector('.save-state.saved', { timeout: 5000 });
      await page.reload();
      await page.waitForSelector('main');
    }
    await clickUndo(page);
    assertNoCrash(b, cerr, `${what} undo`);
    const back = await eventually(() => storedDraft(page), (d) => isDeepStrictEqual(d?.draft.measures, before.draft.measures));
    assert.deepEqual(back.draft.measures, before.draft.measures, `the ${what} is back, same id and place`);
    await stillSaves(page);
    assertNoCrash(b, cerr, `after the ${what} undo`);
  } finally {
    await b.close();
  }
}

const photosOfFirst = (d) => d.measures[0].measures[0].photos.length;

// Guards: undo of a deleted group restores it (same id, same place) without killing the app.
test('undo: a deleted group comes back with its id and place, and the app keeps saving', () =>
  deleteAndUndo('group', {
    at: 4,
    remove: (page) => page.locator('.group').nth(1).locator('button', { hasText: 'ลบกลุ่ม' }).click(),
    gone: (d, before) => d.measures.length === before.measures.length - 1,
  }));

// Guards: undo of a deleted measure restores it (same id, same place) without killing the app.
test('undo: a deleted measure comes back with its id and place, and the app keeps saving', () =>
  deleteAndUndo('measure', {
    at: 4,
    remove: (page) => page.locator('.measure').nth(1).locator('button', { hasText: 'ลบมาตรการ' }).click(),
    gone: (d, before) => measureCount(d) === measureCount(before) - 1,
  }));

// Guards: undo of a deleted photo restores it (same image id, same place) without killing the app.
test('undo: a deleted photo comes back in its place, and the app keeps saving', () =>
  deleteAndUndo('photo', {
    at: 5,
    prepare: async (page) => {
      await page.locator('input[id^="photo-file-"]').first().setInputFiles('tests/fixtures/photo.jpg');
      await page.waitForSelector('.photo img[src^="blob:"]', { timeout: 10000 });
    },
    ready: (d) => photosOfFirst(d) === 1,
    remove: (page) => page.locator('.photo').first().locator('button', { hasText: 'ลบภาพ' }).click(),
    gone: (d) => photosOfFirst(d) === 0,
  }));

// Guards: the undo offer survives a reload while its message is shown.
test('undo survives a reload: the message comes back and still restores the measure', () =>
  deleteAndUndo('measure', {
    at: 4,
    reload: true,
    remove: (page) => page.locator('.measure').nth(1).locator('button', { hasText: 'ลบมาตรการ' }).click(),
    gone: (d, before) => measureCount(d) === measureCount(before) - 1,
  }));

// Guards: undo of a deleted draft (the current one) restores it whole, without killing the app.
test('undo: a deleted draft comes back with its id, content and place in the list', async () => {
  const b = await open(DESKTOP);
  const { page } = b;
  const cerr = consoleErrors(page);
  page.on('dialog', (d) => d.accept());
  try {
    await load(page);
    await blankDraft(page);
    await page.fill('#f-agency-name', 'ร่างที่จะลบ');
    await blur(page, '#f-agency-name');
    await eventually(() => storedDraft(page), (d) => d?.draft?.agency?.name === 'ร่างที่จะลบ');
    await page.click('#to-drafts');
    await page.waitForSelector('.draft-list li.current');
    const before = await storedDraft(page);
    assert.equal(before.draft.agency.name, 'ร่างที่จะลบ');
    const rowsBefore = await page.locator('.draft-list strong').allInnerTexts();
    await page.locator('.draft-list li.current').locator('button', { hasText: 'ลบ' }).click();
    const gone = await eventually(() => indexIds(page), (ids) => !ids.includes(before.id));
    assert.ok(!gone.includes(before.id), 'the draft was deleted');
    await clickUndo(page);
    assertNoCrash(b, cerr, 'draft undo');
    const ids = await eventually(() => indexIds(page), (ids) => ids.includes(before.id));
    assert.ok(ids.includes(before.id), 'the draft is back under its id');
    assert.deepEqual((await storedDraft(page, before.id)).draft, before.draft, 'with the same content');
    const rowsAfter = await eventually(() => page.locator('.draft-list strong').allInnerTexts(), (r) => isDeepStrictEqual(r, rowsBefore), 3000);
    assert.deepEqual(rowsAfter, rowsBefore, 'the list is as before the delete');
    await stillSaves(page);
    assertNoCrash(b, cerr, 'after the draft undo');
  } finally {
    await b.close();
  }
});

// Guards: a number typed wrongly is kept as typed, flagged everywhere, and the old value never prints.
test('a wrongly typed number stays as typed, is flagged everywhere, and the old value is not printed', async () => {
  const b = await open(DESKTOP);
  const { page } = b;
  try {
    await load(page);
    await step(page, 3);
    await page.fill('#f-ita-score', '88,45');
    await blur(page, '#f-ita-score');
    assert.equal(await page.inputValue('#f-ita-score'), '88,45');
    const invalid = await eventually(
      () => page.evaluate(() => document.querySelector('#f-ita-score').closest('.field')?.classList.contains('invalid')),
      (v) => v === true,
      2000,
    );
    assert.ok(invalid, 'the score field is marked invalid');
    const li3 = await page.locator('.progress li:nth-child(3)').getAttribute('class');
    assert.ok(/\btodo\b/.test(li3) && !/\bdone\b/.test(li3), `step 3 is still to do: ${li3}`);
    await step(page, 7);
    const heading = await page.locator('section.card h2').first().innerText();
    assert.ok(!heading.includes('ข้อมูลครบถ้วน'), `review says complete: ${heading}`);
    const problems = await page.locator('.problems li').allInnerTexts();
    assert.ok(problems.some((p) => p.includes('คะแนน')), `no problem about the score: ${problems}`);
    await step(page, 1);
    await step(page, 3);
    assert.equal(await page.inputValue('#f-ita-score'), '88,45', 'kept when coming back to the step');
    await page.waitForTimeout(900);
    await page.waitForSelector('.save-state.saved', { timeout: 5000 });
    await page.reload();
    await page.waitForSelector('main');
    await step(page, 3);
    assert.equal(await page.inputValue('#f-ita-score'), '88,45', 'kept after a reload');
    // The PDF must not print the old score (own texts of the example may quote it: they are
    // counted and allowed, nothing more).
    const stored = await storedDraft(page);
    const { ita, ...rest } = stored.draft;
    const own = JSON.stringify(rest).split('๙๒.๘๔').length - 1;
    await step(page, 7);
    const { path } = await download(page, '#download-pdf', 'trust-invalid-number.pdf');
    const text = squash(pdfText(path));
    const printed = text.split('๙๒.๘๔').length - 1;
    assert.ok(printed <= own, `the old score ๙๒.๘๔ is printed ${printed} times, own texts quote it ${own} times`);
    assert.ok(!text.includes('92.84'), 'the old score 92.84 is printed');
  } finally {
    await b.close();
  }
});

// Guards: own texts that still name the old agency are flagged, and one click replaces the name.
test('renaming the agency flags own texts naming the old one; replacing fixes the PDF', async () => {
  const b = await open(DESKTOP);
  const { page } = b;
  try {
    await load(page);
    await page.fill('#f-agency-name', 'หนองแวง');
    await blur(page, '#f-agency-name');
    const banner = page.locator('.banner.stale');
    await banner.waitFor({ state: 'visible', timeout: 5000 });
    const said = await banner.innerText();
    assert.ok(said.includes(EXAMPLE) && said.includes('หนองแวง'), `the banner names both: ${said}`);
    await shot(page, 'trust-stale-desktop');
    await page.setViewportSize(PHONE);
    await shot(page, 'trust-stale-phone');
    await page.setViewportSize(DESKTOP);
    await step(page, 7);
    const heading = await page.locator('section.card h2').first().innerText();
    assert.ok(!heading.includes('ข้อมูลครบถ้วน'), `review says complete with stale texts: ${heading}`);
    await step(page, 1);
    await page.click('#stale-replace', { timeout: 5000 });
    await page.waitForSelector('.banner.stale', { state: 'hidden', timeout: 5000 });
    await step(page, 7);
    const text = squash(pdfText((await download(page, '#download-pdf', 'trust-stale-replaced.pdf')).path));
    assert.ok(!text.includes(EXAMPLE), 'the PDF still names เขาสมอคอน');
    assert.ok(text.includes('หนองแวง'), 'the PDF lacks หนองแวง');
  } finally {
    await b.close();
  }
});

// Guards: an own memo that counts the measures is flagged when the count changes, and fixed.
test('deleting a measure flags an own memo that counts the measures; replacing updates it', async () => {
  const b = await open(DESKTOP);
  const { page } = b;
  try {
    await load(page);
    await step(page, 6);
    await page.fill('#f-memo-body', 'ขอรายงานผลการดำเนินการตามมาตรการ จำนวน ๙ มาตรการ');
    await blur(page, '#f-memo-body');
    await step(page, 4);
    await page.locator('.measure').first().locator('button', { hasText: 'ลบมาตรการ' }).click();
    const banner = page.locator('.banner.stale');
    await banner.waitFor({ state: 'visible', timeout: 5000 });
    const said = await banner.innerText();
    assert.ok(said.includes('๘'), `the banner does not give the new count ๘: ${said}`);
    await page.click('#stale-replace', { timeout: 5000 });
    await page.waitForSelector('.banner.stale', { state: 'hidden', timeout: 5000 });
    await step(page, 6);
    const body = await page.inputValue('#f-memo-body');
    assert.ok(body.includes('๘ มาตรการ') && !body.includes('๙ มาตรการ'), `memo body: ${body}`);
  } finally {
    await b.close();
  }
});

// Guards: problem links on a phone bring the field into view below the sticky bar, focused;
// a problem without an input (no measures) is shown in its step.
test('problem links on a phone focus the field below the sticky bar; the measures link shows its message', async () => {
  const b = await open(PHONE);
  const { page } = b;
  try {
    await load(page);
    await blankDraft(page);
    await step(page, 7);
    await page.locator('.problems li a', { hasText: 'ชื่อหน่วยงาน' }).first().click();
    const probe = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        const r = el.getBoundingClientRect();
        return { id: el.id, top: r.top, bottom: r.bottom, bar: document.querySelector('header.topbar').getBoundingClientRect().bottom, vh: innerHeight };
      });
    const r = await eventually(probe, (r) => r?.id === 'f-agency-name' && r.top >= r.bar && r.bottom <= r.vh, 2000);
    assert.equal(r.id, 'f-agency-name', 'the agency name is focused');
    assert.ok(r.top >= r.bar, `the field (top ${r.top}) is hidden under the top bar (bottom ${r.bar})`);
    assert.ok(r.top >= 0 && r.bottom <= r.vh, `the field (${r.top}–${r.bottom}) is outside the viewport (${r.vh})`);
    await step(page, 7);
    const msg = 'กรุณาเพิ่มมาตรการอย่างน้อย';
    await page.locator('.problems li a', { hasText: msg }).first().click();
    await page.waitForSelector('.progress li:nth-child(4).current', { timeout: 3000 });
    const shown = await eventually(
      () =>
        page.evaluate((msg) => {
          const els = [...document.querySelectorAll('main *')].filter((el) => el.innerText?.includes(msg));
          return els.some((el) => {
            const r = el.getBoundingClientRect();
            return r.width > 2 && r.height > 2 && getComputedStyle(el).visibility === 'visible';
          });
        }, msg),
      (v) => v === true,
      2000,
    );
    assert.ok(shown, 'step 4 shows the message about adding a measure');
  } finally {
    await b.close();
  }
});

// Guards: "export" on a row that is not current exports that draft and leaves the list as it was.
test('export from the drafts list exports that row, stays on the list, keeps the current draft', async () => {
  const b = await open(DESKTOP);
  const { page } = b;
  try {
    await load(page);
    await blankDraft(page);
    await page.click('#to-drafts');
    await page.waitForSelector('.draft-list li.current');
    const current = await page.locator('.draft-list li.current strong').innerText();
    const other = page.locator('.draft-list li:not(.current)').first();
    const otherName = await other.locator('strong').innerText();
    const otherStored = await page.evaluate(
      (name) => JSON.parse(localStorage.getItem('prongsai.index')).find((m) => m.name.trim() === name.trim())?.id,
      otherName,
    );
    const { path } = await download(page, '.draft-list li:not(.current) >> text=ส่งออกไฟล์', 'trust-export-other.json');
    const file = JSON.parse(readFileSync(path, 'utf8'));
    assert.equal(file.draft.agency.name, EXAMPLE, 'the exported file is the row’s draft');
    if (otherStored) assert.deepEqual(file.draft, (await storedDraft(page, otherStored)).draft);
    await page.waitForTimeout(300);
    assert.ok(await page.locator('.draft-list').isVisible(), 'still on the drafts list');
    assert.equal(await page.locator('.draft-list li.current strong').innerText(), current, 'the current draft is unchanged');
  } finally {
    await b.close();
  }
});

// Guards: a signature drawn but not saved with its button is kept when the officer moves on.
test('a signature drawn but not saved is kept when leaving the step with Next', async () => {
  const b = await open(DESKTOP);
  const { page } = b;
  try {
    await load(page);
    await step(page, 6);
    await drawSignature(page);
    await clickNext(page);
    await page.waitForSelector('.progress li:nth-child(7).current', { timeout: 5000 });
    await step(page, 6);
    const img = page.locator('.signature').first().locator('.sig-current img');
    await img.waitFor({ state: 'attached', timeout: 5000 });
    const s = await eventually(() => storedDraft(page), (d) => typeof d?.draft.signers.reporter.signature === 'string' && d.draft.signers.reporter.signature.length > 0);
    assert.ok(typeof s.draft.signers.reporter.signature === 'string' && s.draft.signers.reporter.signature.length > 0, 'the reporter’s signature is stored');
  } finally {
    await b.close();
  }
});

// Guards: an import refused for a wrongly typed field says so in Thai, naming field and value.
test('an import with a wrongly typed field is refused in plain Thai naming the field and value', async () => {
  const b = await open(DESKTOP);
  const { page } = b;
  try {
    await load(page);
    await page.click('#to-drafts');
    const bundle = '{"format":"prongsai-draft","name":"x","draft":{"schema":2,"ita":{"indicators":[{"previous":"เก้าสิบ"}]}}}';
    await page.setInputFiles('#import-file', { name: 'typed.json', mimeType: 'application/json', buffer: Buffer.from(bundle) });
    await page.waitForSelector('.toast', { timeout: 5000 });
    const msg = await page.locator('.toast span').first().innerText();
    const all = await page.locator('.toast').innerText();
    assert.match(msg, /นำเข้าไม่สำเร็จ/);
    assert.ok(!all.includes('\\u{'), `escapes in the message: ${all}`);
    assert.ok(msg.includes('เก้าสิบ'), `the value is not quoted as typed: ${msg}`);
    assert.ok(msg.includes('ตัวเลข'), `does not say a number was expected: ${msg}`);
    assert.ok(msg.includes('ตัวชี้วัดที่ ๑'), `does not name the field in Thai: ${msg}`);
    assert.ok(!/invalid type|expected/i.test(all), `English serde words: ${all}`);
  } finally {
    await b.close();
  }
});

// Guards: each step is a history entry (Back/Forward move between steps), and a reload keeps
// the step and the scroll position.
test('steps are browser history entries; a reload keeps the step and the scroll position', async () => {
  const b = await open(DESKTOP);
  const { page } = b;
  try {
    await load(page);
    await step(page, 2);
    const url2 = page.url();
    await step(page, 3);
    const url3 = page.url();
    assert.notEqual(url3, url2, `steps 2 and 3 have the same address ${url3}`);
    await page.goBack();
    await page.waitForSelector('.progress li:nth-child(2).current', { timeout: 3000 });
    assert.ok(page.url().startsWith(BASE_URL), `Back left the app: ${page.url()}`);
    await page.goForward();
    await page.waitForSelector('.progress li:nth-child(3).current', { timeout: 3000 });
    await page.evaluate(() => window.scrollTo(0, 600));
    await page.waitForTimeout(150);
    const y = await page.evaluate(() => window.scrollY);
    assert.ok(y >= 450, `step 3 does not scroll (${y})`);
    await page.reload();
    await page.waitForSelector('main');
    await page.waitForSelector('.progress li:nth-child(3).current', { timeout: 3000 });
    const y2 = await eventually(() => page.evaluate(() => window.scrollY), (v) => Math.abs(v - y) <= 150, 2000);
    assert.ok(Math.abs(y2 - y) <= 150, `scroll after reload ${y2}, before ${y}`);
  } finally {
    await b.close();
  }
});

// Guards: a blank draft takes its fiscal and assessed years from today; a Christian-era year
// typed is converted to the Buddhist era with a note.
test('a blank draft takes its years from today; a Christian-era year is converted with a note', async () => {
  const b = await open(DESKTOP);
  const { page } = b;
  try {
    await page.clock.setFixedTime(TODAY);
    await load(page);
    await blankDraft(page);
    await step(page, 2);
    assert.equal(await page.inputValue('#f-report-fiscal_year'), '2569', 'fiscal year on 2 Dec 2026');
    assert.ok(await page.getByLabel('รอบ ๑๒ เดือน (ทั้งปีงบประมาณ)').isChecked(), 'the 12-month round');
    await step(page, 3);
    assert.equal(await page.inputValue('#f-ita-assessed_year'), '2568', 'assessed year');
    await step(page, 2);
    await page.fill('#f-report-fiscal_year', '2025');
    await blur(page, '#f-report-fiscal_year');
    const v = await eventually(() => page.inputValue('#f-report-fiscal_year'), (v) => v === '2568', 2000);
    assert.equal(v, '2568', '2025 becomes 2568');
    const note = await page.evaluate(() => document.querySelector('#f-report-fiscal_year').closest('.field')?.querySelector('.field-note')?.innerText ?? '');
    assert.ok(note.includes('ค.ศ.'), `no note about the conversion: "${note}"`);
    const s = await eventually(() => storedDraft(page), (d) => d?.draft.report.fiscal_year === 2568);
    assert.equal(s.draft.report.fiscal_year, 2568);
  } finally {
    await b.close();
  }
});

// Guards: an agency name typed with its kind ("เทศบาลตำบล…") is split, never doubled.
test('an agency name typed with its kind is split into kind and name', async () => {
  const b = await open(DESKTOP);
  const { page } = b;
  try {
    await load(page);
    await blankDraft(page);
    await page.fill('#f-agency-name', 'เทศบาลตำบลบ้านหนองบัว');
    await blur(page, '#f-agency-name');
    const v = await eventually(() => page.inputValue('#f-agency-name'), (v) => v === 'บ้านหนองบัว', 2000);
    assert.equal(v, 'บ้านหนองบัว');
    assert.equal(await page.inputValue('#f-agency-kind'), 'tambon_municipality');
    assert.ok((await page.locator('.preview-line').first().innerText()).includes('เทศบาลตำบลบ้านหนองบัว'));
    assert.ok(!(await page.evaluate(() => document.body.innerText)).includes('เทศบาลตำบลเทศบาลตำบล'), 'the kind is doubled');
  } finally {
    await b.close();
  }
});

// Guards: Next puts the keyboard focus on the new step's heading, at the top of the page.
test('Next moves focus to the new step’s heading at the top of the page', async () => {
  const b = await open(DESKTOP);
  const { page } = b;
  try {
    await load(page);
    await clickNext(page);
    await page.waitForSelector('.progress li:nth-child(2).current', { timeout: 3000 });
    const probe = () =>
      page.evaluate(() => ({
        h1: document.activeElement === document.querySelector('main h1'),
        active: `${document.activeElement?.tagName}#${document.activeElement?.id}`,
        y: window.scrollY,
      }));
    const r = await eventually(probe, (r) => r?.h1 && r.y === 0, 2000);
    assert.ok(r.h1, `focus is on ${r.active}, not the step heading`);
    assert.equal(r.y, 0);
  } finally {
    await b.close();
  }
});

// Guards: a crash shows a Thai message with a reload button, and what was just typed survives.
test('a crash shows a Thai message, and reloading keeps what was just typed', async () => {
  const b = await open(DESKTOP);
  const { page } = b;
  try {
    await load(page);
    await page.fill('#f-agency-name', 'พิมพ์ก่อนโปรแกรมขัดข้อง');
    await page.evaluate(() => document.dispatchEvent(new CustomEvent('prongsai-test-panic')));
    const crash = page.locator('#crash');
    await crash.waitFor({ state: 'visible', timeout: 5000 });
    assert.match(await crash.innerText(), /ขออภัย/);
    await Promise.all([page.waitForEvent('load', { timeout: 15000 }), page.click('#crash-reload')]);
    await page.waitForSelector('#f-agency-name', { timeout: 30000 });
    const v = await eventually(() => page.inputValue('#f-agency-name'), (v) => v === 'พิมพ์ก่อนโปรแกรมขัดข้อง', 3000);
    assert.equal(v, 'พิมพ์ก่อนโปรแกรมขัดข้อง');
  } finally {
    await b.close();
  }
});

/// Mid-grey pixels (150..235) in the central region of page 1, rendered without
/// anti-aliasing (so text is black or white and only grey fills count).
function greyPixels(pdf, name) {
  const out = join(OUT_DIR, name);
  execFileSync('pdftoppm', ['-r', '30', '-gray', '-aa', 'no', '-aaVector', 'no', '-f', '1', '-l', '1', '-singlefile', pdf, out]);
  const buf = readFileSync(`${out}.pgm`);
  const fields = [];
  let pos = 0;
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(buf[pos]))) pos++;
    let s = '';
    while (!/\s/.test(String.fromCharCode(buf[pos]))) s += String.fromCharCode(buf[pos++]);
    fields.push(s);
  }
  pos++;
  assert.equal(fields[0], 'P5');
  const [w, h] = [Number(fields[1]), Number(fields[2])];
  let n = 0;
  for (let y = Math.floor(h * 0.2); y < Math.floor(h * 0.8); y++) {
    for (let x = Math.floor(w * 0.2); x < Math.floor(w * 0.8); x++) {
      const v = buf[pos + y * w + x];
      if (v >= 150 && v <= 235) n++;
    }
  }
  return n;
}

// Guards: the PDF of an incomplete draft carries a drawn "ร่าง" watermark; an option removes it.
test('an incomplete draft’s PDF carries a drawn ร่าง watermark, which an option switches off', async () => {
  const b = await open(DESKTOP);
  const { page } = b;
  try {
    await load(page);
    await step(page, 7);
    const complete = await download(page, '#download-pdf', 'trust-complete.pdf');
    await step(page, 3);
    await page.fill('#f-ita-score', '');
    await blur(page, '#f-ita-score');
    await step(page, 7);
    const marked = await download(page, '#download-pdf', 'trust-watermark.pdf');
    const gComplete = greyPixels(complete.path, 'trust-complete');
    const gMarked = greyPixels(marked.path, 'trust-watermark');
    assert.ok(gMarked > 4 * gComplete + 300, `no watermark drawn: ${gMarked} grey pixels, complete draft ${gComplete}`);
    await page.check('#opt-no-watermark', { timeout: 5000 });
    const plain = await download(page, '#download-pdf', 'trust-no-watermark.pdf');
    const gPlain = greyPixels(plain.path, 'trust-no-watermark');
    assert.ok(gMarked > 4 * gPlain + 300, `the option does not remove it: ${gMarked} vs ${gPlain} grey pixels`);
    const count = (p) => squash(pdfText(p)).split('ร่าง').length - 1;
    assert.ok(count(marked.path) <= count(plain.path), 'the watermark is text, not drawn');
  } finally {
    await b.close();
  }
});

async function firstVisit(viewport, name) {
  const b = await open(viewport);
  const { page } = b;
  try {
    await load(page);
    const banner = page.locator('.example-banner');
    await banner.waitFor({ state: 'visible', timeout: 5000 });
    assert.match(await banner.innerText(), /ตัวอย่าง/);
    const start = page.locator('#start-own');
    assert.ok(await start.isVisible(), '#start-own is visible');
    assert.match((await start.getAttribute('class')) ?? '', /\bprimary\b/, '#start-own is the primary button');
    const r = await page.evaluate(() => ({ top: document.querySelector('.example-banner').getBoundingClientRect().top, vh: innerHeight }));
    assert.ok(r.top < r.vh, `the banner is below the fold (${r.top} ≥ ${r.vh})`);
    const nameEl = page.locator('.topbar .draft-name');
    assert.ok(await nameEl.isVisible(), 'the draft name is visible in the top bar');
    assert.match(await nameEl.innerText(), /ตัวอย่าง/);
    await shot(page, name);
    await start.click();
    const v = await eventually(() => page.inputValue('#f-agency-name'), (v) => v === '', 3000);
    assert.equal(v, '', 'a blank draft');
    await page.waitForSelector('.example-banner', { state: 'hidden', timeout: 3000 });
  } finally {
    await b.close();
  }
}

// Guards: the first visit says clearly that this is an example, with a way to start one's own.
test('first visit (desktop): the example is labelled, with a button to start one’s own', async () => {
  await firstVisit(DESKTOP, 'trust-first-visit-desktop');
});

// Guards: the same on a phone, without scrolling, with the draft name in the top bar.
test('first visit (phone): the example banner and draft name are visible without scrolling', async () => {
  await firstVisit(PHONE, 'trust-first-visit-phone');
});

// Guards: automatic draft names from kind, agency, year and round; inline rename (no dialog)
// that then sticks.
test('draft names follow agency, year and round until renamed inline', async () => {
  const b = await open(DESKTOP);
  const { page } = b;
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  try {
    await page.clock.setFixedTime(TODAY);
    await load(page);
    await blankDraft(page);
    await page.selectOption('#f-agency-kind', 'sao');
    await page.fill('#f-agency-name', 'หนองแวง');
    await blur(page, '#f-agency-name');
    const want = 'อบต.หนองแวง ปีงบประมาณ ๒๕๖๙ รอบ ๑๒ เดือน';
    const top = await eventually(() => page.locator('.topbar .draft-name').innerText(), (t) => t?.trim() === want, 3000);
    assert.equal(top?.trim(), want);
    await page.click('#to-drafts');
    const row = page.locator('.draft-list li.current');
    await row.waitFor({ timeout: 3000 });
    assert.equal((await row.locator('strong').innerText()).trim(), want);
    assert.ok((await row.locator('.completeness').count()) > 0, 'the row shows how complete the draft is');
    await row.locator('button', { hasText: 'เปลี่ยนชื่อ' }).click();
    const input = page.locator('input.rename');
    await input.waitFor({ state: 'visible', timeout: 3000 });
    assert.deepEqual(dialogs, [], 'a browser dialog opened');
    await input.fill('ร่างของฉัน');
    await input.press('Enter');
    const renamed = await eventually(() => page.locator('.draft-list li.current strong').innerText(), (t) => t?.trim() === 'ร่างของฉัน', 3000);
    assert.equal(renamed?.trim(), 'ร่างของฉัน');
    await page.click('#to-drafts');
    await step(page, 1);
    await page.fill('#f-agency-name', 'หนองแวงใต้');
    await blur(page, '#f-agency-name');
    const s = await eventually(() => storedDraft(page), (d) => d?.draft.agency.name === 'หนองแวงใต้');
    assert.equal(s.name, 'ร่างของฉัน', 'the stored name stays as renamed');
    assert.equal((await page.locator('.topbar .draft-name').innerText()).trim(), 'ร่างของฉัน');
    assert.deepEqual(dialogs, [], 'a browser dialog opened');
  } finally {
    await b.close();
  }
});

/// Opens draft `id` from the drafts list (by its unique name, else by its place in the list).
async function openDraft(page, id) {
  const index = await page.evaluate(() => JSON.parse(localStorage.getItem('prongsai.index') ?? '[]'));
  const meta = index.find((m) => m.id === id);
  assert.ok(meta, `draft ${id} is not in the index`);
  const names = (await page.locator('.draft-list strong').allInnerTexts()).map((s) => s.trim());
  let at = names.filter((n) => n === meta.name.trim()).length === 1 ? names.indexOf(meta.name.trim()) : -1;
  if (at < 0) at = [...index].sort((a, b) => b.updated_ms - a.updated_ms).findIndex((m) => m.id === id);
  await page.locator('.draft-list li').nth(at).locator('button', { hasText: 'เปิด' }).click();
  await page.waitForSelector('.progress li.current', { timeout: 5000 });
}

// Guards: everything together in one session: nothing lost, nothing stale, no error at all.
test('a hostile session: deletes and undos, bad numbers, renames, history, reloads — nothing lost, no error', async () => {
  const b = await open(DESKTOP);
  const { page } = b;
  const cerr = consoleErrors(page);
  page.on('dialog', (d) => d.accept());
  try {
    await load(page);
    const example = await eventually(() => storedDraft(page), (d) => d?.draft?.measures?.length > 2);
    const id = example.id;
    const stored = () => storedDraft(page, id);
    const shape = example.draft.measures.map((g) => g.measures.length);

    // Delete and undo a group and a measure.
    await step(page, 4);
    let before = await stored();
    await page.locator('.group').first().locator('button', { hasText: 'ลบกลุ่ม' }).click();
    await eventually(stored, (d) => d.draft.measures.length === shape.length - 1);
    await clickUndo(page);
    assertNoCrash(b, cerr, 'group undo');
    let after = await eventually(stored, (d) => isDeepStrictEqual(d.draft.measures, before.draft.measures));
    assert.deepEqual(after.draft.measures, before.draft.measures, 'group undo');
    await page.locator('.measure').nth(2).locator('button', { hasText: 'ลบมาตรการ' }).click();
    await eventually(stored, (d) => measureCount(d.draft) === measureCount(before.draft) - 1);
    await clickUndo(page);
    assertNoCrash(b, cerr, 'measure undo');
    after = await eventually(stored, (d) => isDeepStrictEqual(d.draft.measures, before.draft.measures));
    assert.deepEqual(after.draft.measures, before.draft.measures, 'measure undo');

    // Add a photo, delete it, undo.
    await step(page, 5);
    await page.locator('input[id^="photo-file-"]').first().setInputFiles('tests/fixtures/photo.jpg');
    await page.waitForSelector('.photo img[src^="blob:"]', { timeout: 10000 });
    before = await eventually(stored, (d) => d.draft.measures[0].measures[0].photos.length === 1);
    await page.locator('.photo').first().locator('button', { hasText: 'ลบภาพ' }).click();
    await eventually(stored, (d) => d.draft.measures[0].measures[0].photos.length === 0);
    await clickUndo(page);
    assertNoCrash(b, cerr, 'photo undo');
    after = await eventually(stored, (d) => isDeepStrictEqual(d.draft.measures, before.draft.measures));
    assert.deepEqual(after.draft.measures, before.draft.measures, 'photo undo');

    // Delete the draft itself, undo, open it again.
    await page.click('#to-drafts');
    await page.waitForSelector('.draft-list li.current');
    before = await stored();
    await page.locator('.draft-list li.current').locator('button', { hasText: 'ลบ' }).click();
    await eventually(() => indexIds(page), (ids) => !ids.includes(id));
    await clickUndo(page);
    assertNoCrash(b, cerr, 'draft undo');
    await eventually(() => indexIds(page), (ids) => ids.includes(id));
    assert.deepEqual((await stored())?.draft, before.draft, 'draft undo');
    await openDraft(page, id);

    // Bad numbers everywhere, then good ones.
    const fields = [
      [2, '#f-report-fiscal_year'],
      [3, '#f-ita-score'],
      [3, '#f-ita-threshold'],
      [3, '#f-ita-assessed_year'],
      [3, '#f-ita-indicators-0-previous'],
    ];
    for (const [n, sel] of fields) {
      await step(page, n);
      for (const v of ['abc', '88,45', '-5', '120']) {
        await page.fill(sel, v);
        await blur(page, sel);
      }
    }
    await step(page, 2);
    await page.fill('#f-report-fiscal_year', '2568');
    await blur(page, '#f-report-fiscal_year');
    await step(page, 3);
    for (const [sel, v] of [['#f-ita-score', '91.5'], ['#f-ita-threshold', '85'], ['#f-ita-assessed_year', '2567'], ['#f-ita-indicators-0-previous', '90']]) {
      await page.fill(sel, v);
      await blur(page, sel);
    }

    // An own subject naming the agency, then a new agency name, replaced everywhere.
    await step(page, 6);
    await page.fill('#f-memo-subject', `รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสขององค์การบริหารส่วนตำบล${EXAMPLE}`);
    await blur(page, '#f-memo-subject');
    await step(page, 1);
    await page.fill('#f-agency-name', 'หนองแวง');
    await blur(page, '#f-agency-name');
    await page.waitForSelector('.banner.stale', { state: 'visible', timeout: 5000 });
    await page.click('#stale-replace');
    await page.waitForSelector('.banner.stale', { state: 'hidden', timeout: 5000 });

    // Back, Forward and reload in the middle of the steps.
    await step(page, 3);
    await step(page, 4);
    await page.goBack();
    await page.waitForSelector('.progress li:nth-child(3).current', { timeout: 3000 });
    await page.goForward();
    await page.waitForSelector('.progress li:nth-child(4).current', { timeout: 3000 });
    await page.reload();
    await page.waitForSelector('main');
    await page.waitForSelector('.progress li:nth-child(4).current', { timeout: 3000 });

    // A signature drawn and left with Next.
    await step(page, 6);
    await drawSignature(page);
    await clickNext(page);
    await page.waitForSelector('.progress li:nth-child(7).current', { timeout: 5000 });

    const done = (d) =>
      d?.draft.agency.name === 'หนองแวง' && d.draft.ita.score === 91.5 && typeof d.draft.signers.reporter.signature === 'string';
    const end = (await eventually(stored, done)).draft;
    assert.equal(end.agency.name, 'หนองแวง');
    assert.equal(end.ita.score, 91.5);
    assert.equal(end.ita.threshold, 85);
    assert.equal(end.report.fiscal_year, 2568);
    assert.equal(end.ita.assessed_year, 2567);
    assert.equal(end.ita.indicators[0].previous, 90);
    assert.deepEqual(end.measures.map((g) => g.measures.length), shape, 'groups and measures as in the example');
    assert.ok(typeof end.signers.reporter.signature === 'string' && end.signers.reporter.signature.length > 0, 'signature');
    assert.ok(end.memo.subject.includes('หนองแวง') && !end.memo.subject.includes(EXAMPLE), `subject: ${end.memo.subject}`);

    const text = squash(pdfText((await download(page, '#download-pdf', 'trust-hostile.pdf')).path));
    assert.ok(text.includes('หนองแวง'), 'the PDF lacks หนองแวง');
    assert.ok(text.includes('๙๑.๕'), 'the PDF lacks the score ๙๑.๕(๐)');
    assert.ok(!text.includes(EXAMPLE), 'the PDF still names เขาสมอคอน');
    assert.deepEqual(b.errors, [], 'page errors');
    assert.deepEqual(cerr, [], 'console errors');
  } finally {
    await b.close();
  }
});

// Guards: leaving a step with the browser's Back while a field has focus (its blur then
// comes after the step is gone) never crashes.
test('Back and Forward with the cursor in a field do not crash', async () => {
  const b = await open(PHONE);
  const { page } = b;
  const cerr = consoleErrors(page);
  try {
    await load(page);
    await step(page, 2);
    await page.click('#f-report-fiscal_year');
    await page.goBack();
    await page.waitForSelector('.progress li:nth-child(1).current', { timeout: 5000 });
    await page.click('#f-agency-district');
    await page.goForward();
    await page.waitForSelector('.progress li:nth-child(2).current', { timeout: 5000 });
    await page.click('#to-drafts');
    await page.locator('.draft-list li').first().getByRole('button', { name: 'เปลี่ยนชื่อ' }).click();
    await page.waitForSelector('input.rename');
    await page.goBack();
    await page.waitForSelector('.progress li:nth-child(2).current', { timeout: 5000 });
    await sleep(300);
    assertNoCrash(b, cerr, 'Back with focus');
    assert.equal(await page.locator('#crash').count(), 0, 'no crash message');
    assert.match(await page.locator('.save-state').innerText(), /บันทึกแล้ว/);
  } finally {
    await b.close();
  }
});

// Guards: a double click on a delete button takes two things; เลิกทำ brings both back.
test('two quick deletes are both undone', async () => {
  const b = await open(DESKTOP);
  const { page } = b;
  const cerr = consoleErrors(page);
  try {
    await load(page);
    await step(page, 4);
    const before = await eventually(() => storedDraft(page), (d) => d?.draft?.measures?.length > 2);
    await page.locator('.measure').first().locator('button', { hasText: 'ลบมาตรการ' }).dblclick();
    await eventually(() => storedDraft(page), (d) => measureCount(d.draft) === measureCount(before.draft) - 2);
    assert.match(await page.locator('.toast span').first().innerText(), /๒ รายการ/);
    await clickUndo(page);
    const back = await eventually(() => storedDraft(page), (d) => isDeepStrictEqual(d?.draft.measures, before.draft.measures));
    assert.deepEqual(back.draft.measures, before.draft.measures, 'both measures are back, in their places');
    assertNoCrash(b, cerr, 'double delete');
  } finally {
    await b.close();
  }
});

// Guards: a value typed wrongly is still flagged after a reload; stale wording waits until the
// name is committed (no offer to write in a half-typed name).
test('flags survive a reload; the stale banner waits for the field to be left', async () => {
  const b = await open(DESKTOP);
  const { page } = b;
  try {
    await load(page);
    await step(page, 3);
    await page.fill('#f-ita-indicators-0-previous', 'abc');
    await page.waitForSelector('.save-state.saved');
    await page.reload();
    await page.waitForSelector('main');
    assert.equal(await page.inputValue('#f-ita-indicators-0-previous'), 'abc');
    const msg = await page.locator('#f-ita-indicators-0-previous-err').innerText();
    assert.match(msg, /"abc" ไม่ใช่ตัวเลข/, `message after reload: ${msg}`);
    await step(page, 1);
    await page.fill('#f-agency-name', 'หนองแ');
    await sleep(300);
    assert.equal(await page.locator('.banner.stale').count(), 0, 'no banner while typing');
    await blur(page, '#f-agency-name');
    await page.waitForSelector('.banner.stale', { timeout: 5000 });
  } finally {
    await b.close();
  }
});
