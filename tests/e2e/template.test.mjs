// The template holds what real reports publish: lines typed or pasted into a cell stay
// lines (after a reload and in the PDF), the columns only some agencies use are printed when
// filled, and a report may name no round.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open, load, shot, download, pdfText, squash, PHONE, DESKTOP } from './lib.mjs';

async function step(page, n) {
  await page.click(`.progress li:nth-child(${n}) button`);
  await page.waitForSelector(`.progress li:nth-child(${n}).current`, { timeout: 5000 });
}

const lines = (text) => text.split('\n').map(squash).filter(Boolean);

test('lines in a cell stay lines after a reload and in the PDF; extra columns print when filled', async () => {
  const b = await open(DESKTOP);
  const { page } = b;
  try {
    await load(page);
    await step(page, 4);
    const card = page.locator('.measure').first();
    // A pasted list of units: an <input> would have joined the lines.
    await card.getByLabel('ผู้รับผิดชอบ').fill('กองคลัง\nกองช่าง');
    await card.getByLabel('มาตรการ/กิจกรรม').fill('ประชุมชี้แจงแนวทาง\nครั้งที่สอง');
    await card.locator('.more-columns summary').click();
    await card.getByLabel('ประเด็นที่ต้องปรับปรุง / ข้อคำถามที่ได้คะแนนต่ำ').fill('ข้อคำถาม i12 ได้คะแนนต่ำ');
    await card.getByLabel('การกำกับติดตาม / การรายงานผล').fill('รายงานทุกไตรมาส');
    await card.getByLabel('ผู้รับผิดชอบ').blur();
    await page.waitForSelector('.save-state.saved');
    await shot(page, 'template-measure-desktop');
    await page.reload();
    await page.waitForSelector('.measure');
    const again = page.locator('.measure').first();
    assert.equal(await again.getByLabel('ผู้รับผิดชอบ').inputValue(), 'กองคลัง\nกองช่าง', 'the lines survive a reload');
    assert.equal(await again.locator('.more-columns').getAttribute('open'), '', 'a card using an extra column shows it open');
    await step(page, 7);
    const { path } = await download(page, '#download-pdf', 'template-lines.pdf');
    const raw = pdfText(path);
    const text = lines(raw);
    for (const l of ['กองคลัง', 'กองช่าง', 'ครั้งที่สอง', 'รายงานทุกไตรมาส']) {
      assert.ok(text.some((t) => t.includes(squash(l))), `${l} missing from the PDF`);
    }
    // Headings of the extra columns (they may wrap in their narrow column).
    for (const h of ['ประเด็นที่ต้องปรับปรุง', 'การกำกับติดตาม/การรายงานผล']) {
      assert.ok(squash(raw).includes(squash(h)), `${h} missing from the PDF`);
    }
    // The cell's two lines come out as two lines, one after the other.
    const at = text.indexOf('กองคลัง');
    assert.ok(at >= 0 && text[at + 1] === 'กองช่าง', `the cell's lines: ${text.slice(at, at + 2)}`);
  } finally {
    await b.close();
  }
});

test('a report with no round prints neither a round nor a period', async () => {
  const b = await open(PHONE);
  const { page } = b;
  try {
    await load(page);
    await step(page, 2);
    await page.getByLabel('ไม่ระบุรอบ (เอกสารไม่พิมพ์รอบและช่วงเวลา)').check();
    assert.equal(await page.locator('#f-report-period_start').count(), 0, 'no period to fill in');
    await shot(page, 'template-no-round-phone');
    await step(page, 7);
    const { path } = await download(page, '#download-pdf', 'template-no-round.pdf');
    const text = squash(pdfText(path));
    for (const gone of ['รอบ๖เดือน', 'รอบ๑๒เดือน', 'ตั้งแต่วันที่']) {
      assert.ok(!text.includes(gone), `${gone} still printed`);
    }
    // The year is still there.
    assert.ok(text.includes('ประจำปีงบประมาณพ.ศ.'), 'the fiscal year is printed');
  } finally {
    await b.close();
  }
});

/// Dispatches a paste of `data` (type → text) on `selector`, as the browser does on Ctrl+V.
async function paste(page, selector, data) {
  await page.locator(selector).first().focus();
  await page.evaluate(([selector, data]) => {
    const dt = new DataTransfer();
    for (const [type, text] of Object.entries(data)) dt.setData(type, text);
    document.querySelector(selector).dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, [selector, data]);
}

test('twenty rows pasted from a spreadsheet and a Word table become measures in the right columns', async () => {
  const b = await open(DESKTOP);
  const { page } = b;
  try {
    await load(page);
    await step(page, 4);
    const before = await page.locator('.measure').count();
    const group = page.locator('.group').first();
    // Excel: tab-separated, a header row, a cell with a line break comes quoted.
    const header = 'ลำดับ\tมาตรการ/กิจกรรม\tหน่วยงานที่รับผิดชอบ\tระยะเวลา\tผลผลิต\tงบประมาณ';
    const rows = Array.from({ length: 20 }, (_, i) => `${i + 1}\tมาตรการวาง ${i + 1}\t"กองคลัง\nกองช่าง"\tตุลาคม\tรายงาน ${i + 1}\t${(i + 1) * 1000} บาท`);
    await group.getByRole('button', { name: 'วางแถวจาก Excel / Word' }).click();
    await paste(page, '.group .paste-target', { 'text/plain': [header, ...rows].join('\r\n') });
    const preview = page.locator('.paste-preview');
    await preview.waitFor();
    assert.match(await preview.innerText(), /พบ ๒๐ แถว/);
    // The budget column has no field: it is named as left out, never mixed into another.
    assert.match(await preview.innerText(), /๑ คอลัมน์ที่ไม่ได้เลือกช่อง/);
    await shot(page, 'template-paste-preview-desktop');
    assert.match(await preview.innerText(), /จะเพิ่ม ๒๐ มาตรการในกลุ่มนี้/);
    await preview.getByRole('button', { name: /เพิ่ม ๒๐ มาตรการ/ }).click();
    assert.equal(await page.locator('.measure').count(), before + 20);
    const last = group.locator('.measure').last();
    assert.equal(await last.getByLabel('มาตรการ/กิจกรรม').inputValue(), 'มาตรการวาง 20');
    assert.equal(await last.getByLabel('ผู้รับผิดชอบ').inputValue(), 'กองคลัง\nกองช่าง');
    assert.equal(await last.getByLabel('ผลการดำเนินการ (ผลผลิต)').inputValue(), 'รายงาน 20');
    assert.ok(!(await last.getByLabel('หมายเหตุ (ถ้ามี)').inputValue()).includes('20000'));

    // Word: an HTML table, a heading row across it, paragraphs in a cell.
    const html = `<html><body><table>
      <tr><td><p>มาตรการ</p></td><td><p>ขั้นตอนการดำเนินงาน</p></td><td><p>ผู้รับผิดชอบ</p></td></tr>
      <tr><td colspan="3"><p>ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล</p></td></tr>
      <tr><td><p>เผยแพร่ข้อมูล\r\n  ทางเว็บไซต์</p></td><td><p>รวบรวม</p><p>เผยแพร่</p></td><td>สำนักปลัด</td></tr>
      <tr><td>ประชาสัมพันธ์</td><td>จัดทำสื่อ</td><td>กองคลัง<br>กองช่าง</td></tr>
    </table></body></html>`;
    const groupsBefore = await page.locator('.group').count();
    await group.getByRole('button', { name: 'วางแถวจาก Excel / Word' }).click();
    await paste(page, '.group .paste-target', { 'text/html': html, 'text/plain': 'ignored' });
    assert.match(await page.locator('.paste-preview').innerText(), /สร้างกลุ่มใหม่ ๑ กลุ่ม/);
    await page.locator('.paste-preview').getByRole('button', { name: /เพิ่ม ๒ มาตรการ/ }).click();
    assert.equal(await page.locator('.group').count(), groupsBefore + 1, 'the heading row made a group');
    const added = page.locator('.group').nth(1);
    assert.equal(await added.getByLabel('หัวข้อกลุ่ม').inputValue(), 'ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล');
    const first = added.locator('.measure').first();
    assert.equal(await first.getByLabel('มาตรการ/กิจกรรม').inputValue(), 'เผยแพร่ข้อมูล ทางเว็บไซต์', 'Word wraps its source, not the text');
    assert.equal(await first.getByLabel('ขั้นตอน/วิธีการปฏิบัติ').inputValue(), 'รวบรวม\nเผยแพร่');
    assert.equal(await added.locator('.measure').nth(1).getByLabel('ผู้รับผิดชอบ').inputValue(), 'กองคลัง\nกองช่าง');
  } finally {
    await b.close();
  }
});

test('a measure moves to another group with what was typed in it', async () => {
  const b = await open(PHONE);
  const { page } = b;
  try {
    await load(page);
    await step(page, 4);
    const groups = page.locator('.group');
    const [firstCount, secondCount] = [await groups.nth(0).locator('.measure').count(), await groups.nth(1).locator('.measure').count()];
    const card = groups.nth(0).locator('.measure').first();
    const name = await card.getByLabel('มาตรการ/กิจกรรม').inputValue();
    // The first group offered is the second (a measure is not offered its own group).
    const select = card.locator('select.move-to');
    assert.match(await select.locator('option').nth(1).innerText(), /^กลุ่มที่ ๒/);
    await select.selectOption({ index: 1 });
    assert.equal(await groups.nth(0).locator('.measure').count(), firstCount - 1);
    assert.equal(await groups.nth(1).locator('.measure').count(), secondCount + 1);
    assert.equal(await groups.nth(1).locator('.measure').last().getByLabel('มาตรการ/กิจกรรม').inputValue(), name);
    await shot(page, 'template-moved-phone');
  } finally {
    await b.close();
  }
});

test('with every part of the document left out, nothing is made and the officer is told why', async () => {
  const b = await open(PHONE);
  const { page } = b;
  try {
    await load(page);
    await step(page, 7);
    for (const part of ['memo', 'cover', 'analysis', 'measures', 'photos', 'recommendations']) {
      await page.locator(`#opt-part-${part}`).uncheck();
    }
    let downloaded = false;
    page.on('download', () => { downloaded = true; });
    await page.click('#download-pdf');
    await page.waitForSelector('.error:has-text("ยังไม่ได้เลือกส่วนของเอกสาร")');
    assert.equal(downloaded, false, 'an empty PDF was downloaded');
    await page.locator('#opt-part-memo').check();
    const { path } = await download(page, '#download-pdf', 'template-memo-only.pdf');
    assert.ok(squash(pdfText(path)).includes('บันทึกข้อความ'));
  } finally {
    await b.close();
  }
});
