// Bad input gets a clear Thai message and nothing is lost: corrupt and foreign files, files
// that are not images or are huge, full or refused storage, two tabs on one draft, and text
// that looks like HTML.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open, load, download, pdfText, shot, DESKTOP, PHONE, readFileSync, writeFileSync, join, OUT_DIR } from './lib.mjs';

async function toast(page) {
  await page.waitForSelector('.toast');
  return (await page.locator('.toast span').first().textContent()) ?? '';
}

async function draftNames(page) {
  return page.locator('.draft-list strong').allTextContents();
}

test('corrupt and foreign draft files are refused in Thai, nothing changes', async () => {
  const b = await open(DESKTOP);
  const { page } = b;
  try {
    await load(page);
    await page.click('#to-drafts');
    const before = await draftNames(page);
    const cases = [
      ['corrupt.json', Buffer.from([0x7b, 0x22, 0x66, 0xff, 0xfe, 0x00, 0x13]), 'อ่านเป็น JSON ไม่ได้'],
      ['foreign.json', Buffer.from('{"hello": "world"}'), 'ไม่ใช่ไฟล์ร่างรายงาน'],
      ['newer.json', Buffer.from('{"format":"prongsai-draft","draft":{"schema":99}}'), 'รุ่นที่ใหม่กว่า'],
      ['bad-image.json', Buffer.from('{"format":"prongsai-draft","draft":{"schema":2},"images":{"x":"data:image/png;base64,AAAA"}}'), 'เสียหาย'],
    ];
    for (const [name, buffer, expected] of cases) {
      await page.setInputFiles('#import-file', { name, mimeType: 'application/json', buffer });
      const t = await toast(page);
      assert.match(t, /นำเข้าไม่สำเร็จ/, name);
      assert.ok(t.includes(expected), `${name}: ${t}`);
      await page.click('.toast .close');
    }
    assert.deepEqual(await draftNames(page), before, 'no draft added or changed');
    await shot(page, 'robust-import-error');
  } finally {
    await b.close();
  }
});

test('a file that is not an image, or is huge, is refused with a Thai message', async () => {
  const b = await open(DESKTOP);
  const { page } = b;
  try {
    await load(page);
    await page.click('.progress li:nth-child(5) button');
    const input = page.locator('input[id^="photo-file-"]').first();
    const photos = () => page.locator('.photo').count();
    const before = await photos();
    await input.setInputFiles({ name: 'notes.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('this is a text file, not a photo') });
    assert.match(await toast(page), /ไม่ใช่ภาพ/);
    await page.click('.toast .close');
    await input.setInputFiles({ name: 'huge.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(41 * 1024 * 1024, 0xff) });
    assert.match(await toast(page), /ใหญ่เกินไป/);
    assert.equal(await photos(), before, 'no photo added');
    // A real photo still works afterwards.
    await input.setInputFiles('tests/fixtures/photo.jpg');
    await page.waitForSelector('.photo img[src^="blob:"]');
    assert.equal(await photos(), before + 1);
  } finally {
    await b.close();
  }
});

test('full storage shows a Thai message and an export that keeps the unsaved work', async () => {
  const b = await open(DESKTOP);
  const { page, context } = b;
  // The browser's own failure: setItem throws QuotaExceededError once the test says so.
  await context.addInitScript(() => {
    const set = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (window.__storageFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return set.call(this, k, v);
    };
  });
  try {
    await load(page);
    await page.evaluate(() => { window.__storageFull = true; });
    await page.fill('#f-agency-name', 'ข้อความที่ยังไม่ได้บันทึก');
    await page.waitForSelector('.banner.error');
    const banner = await page.locator('.banner.error').textContent();
    assert.match(banner, /พื้นที่เก็บข้อมูลของเบราว์เซอร์เต็ม/);
    assert.match(await page.locator('.save-state').textContent(), /บันทึกไม่สำเร็จ/);
    await shot(page, 'robust-storage-full');
    const { path } = await download(page, '.banner.error button.primary', 'storage-full-export.json');
    const exported = JSON.parse(readFileSync(path, 'utf8'));
    assert.equal(exported.draft.agency.name, 'ข้อความที่ยังไม่ได้บันทึก');
    // Space freed: the retry saves.
    await page.evaluate(() => { window.__storageFull = false; });
    await page.click('text=ลองบันทึกอีกครั้ง');
    await page.waitForSelector('.save-state.saved');
  } finally {
    await b.close();
  }
});

test('storage refused (private mode) still opens the app and says how to keep the work', async () => {
  const b = await open(PHONE);
  const { page, context } = b;
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
  });
  try {
    await load(page);
    await page.waitForSelector('.banner.error');
    assert.match(await page.locator('.banner.error').textContent(), /ไม่อนุญาตให้บันทึกข้อมูล/);
    assert.equal(await page.inputValue('#f-agency-name'), 'เขาสมอคอน', 'the example opens anyway');
    await shot(page, 'robust-private-mode');
  } finally {
    await b.close();
  }
});

test('two tabs on one draft: an idle tab follows; a tab with unsaved work is warned and never overwrites', async () => {
  const b = await open(DESKTOP);
  const { page, context } = b;
  try {
    await load(page);
    const other = await context.newPage();
    await load(other);
    // A second tab with nothing unsaved simply shows what the first one saved.
    await page.fill('#f-agency-name', 'แก้ในแท็บแรก');
    await page.waitForSelector('.save-state.saved');
    await other.waitForFunction(() => document.querySelector('#f-agency-name')?.value === 'แก้ในแท็บแรก', null, { timeout: 5000 });
    assert.equal(await other.locator('.banner.conflict').count(), 0, 'no conflict without unsaved work');
    // Both type; the first tab saves first: the second, still unsaved, is warned at once.
    await page.fill('#f-agency-district', 'อำเภอจากแท็บแรก');
    await page.waitForTimeout(300);
    await other.fill('#f-agency-name', 'แก้ในแท็บที่สอง');
    await other.waitForSelector('.banner.conflict');
    assert.match(await other.locator('.banner.conflict').textContent(), /ถูกแก้ไขในแท็บหรือหน้าต่างอื่น/);
    await other.waitForTimeout(1200);
    await shot(other, 'robust-two-tabs');
    // The first tab's version is what is stored.
    await page.reload();
    await page.waitForSelector('main');
    assert.equal(await page.inputValue('#f-agency-name'), 'แก้ในแท็บแรก');
    assert.equal(await page.inputValue('#f-agency-district'), 'อำเภอจากแท็บแรก');
    // The second tab keeps its work as a new draft.
    await other.click('text=บันทึกฉบับในแท็บนี้เป็นร่างใหม่');
    await other.waitForSelector('.save-state.saved');
    await other.click('#to-drafts');
    const names = await draftNames(other);
    assert.ok(names.some((n) => n.includes('สำเนาจากแท็บนี้')), names.join(', '));
    await other.click('.draft-list li.current >> text=เปิด');
    assert.equal(await other.inputValue('#f-agency-name'), 'แก้ในแท็บที่สอง');
  } finally {
    await b.close();
  }
});

test('text that looks like HTML stays text, in every step and in the PDF', async () => {
  const b = await open(DESKTOP);
  const { page } = b;
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs++; d.dismiss(); });
  const evil = '<img src=x onerror=alert(1)><script>alert(2)</script>';
  try {
    await load(page);
    await page.fill('#f-agency-name', evil);
    await page.click('.progress li:nth-child(4) button');
    await page.locator('.measure').first().getByLabel('มาตรการ/กิจกรรม').fill(evil);
    await page.click('.progress li:nth-child(6) button');
    await page.fill('#f-signers-reporter-name', evil);
    for (let n = 1; n <= 7; n++) {
      await page.click(`.progress li:nth-child(${n}) button`);
      await page.waitForTimeout(150);
      assert.equal(await page.locator('main img[src="x"], main script').count(), 0, `step ${n} made an element from text`);
    }
    assert.equal(await page.locator('.draft-name').textContent(), await page.locator('.draft-name').textContent());
    const { path } = await download(page, '#download-pdf', 'html-text.pdf');
    const text = pdfText(path);
    assert.ok(text.includes('<img src=x onerror=alert(1)><script>alert(2)</script>'), 'the PDF shows the text as typed');
    assert.equal(dialogs, 0, 'no script ran');
  } finally {
    await b.close();
  }
});
