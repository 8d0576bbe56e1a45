// The template holds what real reports publish: lines typed or pasted into a cell stay
// lines (after a reload and in the PDF), the columns only some agencies use are printed when
// filled, and a report may name no round.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open, load, shot, download, pdfText, squash, PHONE, DESKTOP, importDraft, hundredMeasureDraft, step } from './lib.mjs';

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

test('reviewers are added, removed with undo, kept over a reload and printed in order; a pasted table in the memo prints as cells', async () => {
  const b = await open(PHONE);
  const { page } = b;
  try {
    await load(page);
    await step(page, 6);
    for (let i = 0; i < 3; i++) await page.click('#add-reviewer');
    await page.fill('#f-signers-reviewers-0-name', 'นายหนึ่ง ผ่านงาน');
    await page.fill('#f-signers-reviewers-0-position', 'หัวหน้าสำนักปลัด');
    await page.fill('#f-signers-reviewers-1-name', 'นางสาวสอง ผ่านงาน');
    await page.fill('#f-signers-reviewers-1-position', 'รองปลัด');
    await page.fill('#f-signers-reviewers-2-name', 'นายสาม ผ่านงาน');
    await page.fill('#f-signers-reviewers-1-comment', 'เห็นควรอนุญาต');
    // The heading follows the position typed.
    assert.equal(await page.inputValue('#f-signers-reviewers-0-heading'), 'ความเห็นหัวหน้าสำนักปลัด');
    // Removing the second takes what was typed for them; เลิกทำ puts them back in place.
    await page.locator('#signer-reviewers-1 button.danger', { hasText: 'ลบผู้ผ่านงาน' }).click();
    assert.equal(await page.inputValue('#f-signers-reviewers-1-name'), 'นายสาม ผ่านงาน');
    await page.locator('.toast button', { hasText: 'เลิกทำ' }).click();
    assert.equal(await page.inputValue('#f-signers-reviewers-1-name'), 'นางสาวสอง ผ่านงาน');
    assert.equal(await page.inputValue('#f-signers-reviewers-1-comment'), 'เห็นควรอนุญาต');
    // Moved: the third signs before the second.
    await page.locator('#signer-reviewers-2 button[aria-label="เลื่อนขึ้น"]').click();
    assert.equal(await page.inputValue('#f-signers-reviewers-1-name'), 'นายสาม ผ่านงาน');
    assert.ok(await page.locator('#signer-reviewers-2 button[aria-label="เลื่อนลง"]').isDisabled(), 'the last cannot move down');
    assert.ok(await page.locator('#signer-reviewers-0 button[aria-label="เลื่อนลง"]').isEnabled());
    assert.ok(await page.locator('#signer-reviewers-0 button[aria-label="เลื่อนขึ้น"]').isDisabled(), 'the first cannot move up');
    // A small table pasted into the body (cells separated by tabs, as spreadsheets copy).
    const body = page.locator('#f-memo-body');
    const own = await body.inputValue();
    await body.fill(`${own}\n\nตัวชี้วัด\tคะแนน\n10.1 การเปิดเผยข้อมูล\t91.25\n10.2 การป้องกันการทุจริต\t88.00`);
    await page.check('#opt-sign-lines');
    await body.blur();
    await page.waitForSelector('.save-state.saved');
    await shot(page, 'template-reviewers-phone');
    await page.reload();
    await page.waitForSelector('#f-signers-reviewers-2-name');
    assert.equal(await page.inputValue('#f-signers-reviewers-2-name'), 'นางสาวสอง ผ่านงาน', 'the order survives a reload');
    assert.ok((await page.inputValue('#f-memo-body')).includes('10.1 การเปิดเผยข้อมูล\t91.25'), 'the tabs survive');
    await step(page, 7);
    const { path } = await download(page, '#download-pdf', 'template-reviewers.pdf');
    const raw = pdfText(path);
    const text = squash(raw);
    const at = (s) => text.indexOf(squash(s));
    assert.ok(at('(นายหนึ่ง ผ่านงาน)') > 0, 'the first reviewer is printed');
    assert.ok(at('(นายหนึ่ง ผ่านงาน)') < at('(นายสาม ผ่านงาน)') && at('(นายสาม ผ่านงาน)') < at('(นางสาวสอง ผ่านงาน)'), 'in signing order');
    assert.ok(at('ความเห็นปลัด') > at('(นางสาวสอง ผ่านงาน)'), 'the clerk comes after the reviewers');
    for (const cell of ['๑๐.๑การเปิดเผยข้อมูล', '๙๑.๒๕', '๘๘.๐๐']) assert.ok(text.includes(cell), `${cell} is not printed`);
    assert.ok(!raw.includes('\t'), 'a tab reached the PDF');
    assert.ok(text.includes('ลงชื่อ'), 'no signing line');
  } finally {
    await b.close();
  }
});

test('the indicators follow the year\'s framework: renamed, one added and removed with undo, sub-indicators scored', async () => {
  const b = await open(DESKTOP);
  const { page } = b;
  try {
    await load(page);
    await step(page, 3);
    await page.locator('details.framework summary').click();
    await page.fill('#f-ita-indicators-0-name', 'การปฏิบัติหน้าที่อย่างมีคุณธรรม');
    await page.locator('.framework-row').nth(9).getByRole('button', { name: '+ ตัวชี้วัดย่อย' }).click();
    await page.fill('#f-ita-indicators-9-subs-0-name', 'การเปิดเผยข้อมูลเชิงรุก');
    await page.fill('#f-ita-indicators-9-subs-0-previous', '61.25');
    await page.click('#add-indicator');
    // An eleventh indicator has no name in the framework: step 7 says so and leads to it.
    await page.fill('#f-ita-indicators-10-previous', '70');
    await page.locator('#f-ita-indicators-10-previous').blur();
    await step(page, 7);
    await page.locator('.problems a', { hasText: 'กรุณากรอกชื่อตัวชี้วัดที่ ๑๑' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'f-ita-indicators-10-name');
    await page.keyboard.type('ตัวชี้วัดใหม่ของปีนี้');
    await page.locator('#f-ita-indicators-10-name').blur();
    assert.equal(await page.locator('.ind-row .ind-name').nth(10).innerText(), '๑๑. ตัวชี้วัดใหม่ของปีนี้');
    // Removed by mistake, then undone: the score typed comes back.
    await page.locator('.framework button.danger', { hasText: 'ลบตัวชี้วัดลำดับสุดท้าย' }).click();
    assert.equal(await page.locator('#f-ita-indicators-10-previous').count(), 0);
    await page.locator('.toast button', { hasText: 'เลิกทำ' }).click();
    assert.equal(await page.inputValue('#f-ita-indicators-10-previous'), '70');
    await page.waitForSelector('.save-state.saved');
    await shot(page, 'template-indicators-desktop');
    await page.reload();
    await page.waitForSelector('#f-ita-indicators-9-subs-0-previous');
    assert.equal(await page.inputValue('#f-ita-indicators-9-subs-0-previous'), '61.25');
    assert.equal(await page.getAttribute('details.framework', 'open'), '', 'a changed framework shows open');
    await step(page, 4);
    const options = await page.locator('.group select').first().locator('option').allInnerTexts();
    assert.ok(options.includes('ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่อย่างมีคุณธรรม (IIT)'), options.join(' | '));
    assert.ok(options.some((o) => o.startsWith('ตัวชี้วัดที่ ๑๑ ตัวชี้วัดใหม่ของปีนี้')), options.join(' | '));
    await step(page, 7);
    const { path } = await download(page, '#download-pdf', 'template-indicators.pdf');
    const text = squash(pdfText(path));
    for (const want of ['การปฏิบัติหน้าที่อย่างมีคุณธรรม', '๑๐.๑การเปิดเผยข้อมูลเชิงรุก', '๖๑.๒๕', 'ตัวชี้วัดใหม่ของปีนี้']) {
      assert.ok(text.includes(want), `${want} is not printed`);
    }
  } finally {
    await b.close();
  }
});

test('a hundred measures read as one line each with an overview; a problem in a folded card opens it', async () => {
  for (const [viewport, size] of [[DESKTOP, 'desktop'], [PHONE, 'phone']]) {
    const b = await open(viewport);
    const { page } = b;
    try {
      await load(page);
      const draft = hundredMeasureDraft();
      draft.measures[5].measures[7].name = '';
      draft.measures[5].measures[7].responsible = '';
      await importDraft(page, draft, 'ร้อยมาตรการ');
      await step(page, 4);
      // Folded: no fields, one line per measure saying what it lacks.
      assert.equal(await page.locator('.measure.folded').count(), 100);
      assert.equal(await page.locator('#f-measure-m0-0-name').count(), 0);
      const height = await page.evaluate(() => document.body.scrollHeight);
      console.log(`step 4 with 100 folded measures (${size}): ${height} px`);
      assert.ok(height < 100 * 220, `${height} px`);
      const folded = page.locator('#measure-m5-7 .measure-summary');
      assert.match(await folded.innerText(), /ยังไม่มีชื่อ[\s\S]*ยังขาด: ชื่อมาตรการ, ผู้รับผิดชอบ/);
      // The overview lists every measure; a click opens that card at its name.
      await page.click('#show-overview');
      assert.equal(await page.locator('.overview-list ul li').count(), 100);
      await shot(page, `template-overview-${size}`);
      await page.locator('.overview-list button.link').nth(3).click();
      await page.waitForFunction(() => document.activeElement?.id === 'f-measure-m0-3-name');
      assert.equal(await page.locator('#measure-m0-3.folded').count(), 0);
      // Typing in an open card updates its line in the overview.
      await page.keyboard.press('End');
      await page.keyboard.type(' ฉบับแก้');
      assert.match(await page.locator('.overview-list button.link').nth(3).innerText(), /ฉบับแก้$/);
      // Step 7 links to the missing name of a folded measure: the card opens at that field.
      await page.click('#show-overview');
      await step(page, 7);
      await page.locator('.problems a', { hasText: 'กรุณากรอกชื่อมาตรการ' }).first().click();
      await page.waitForFunction(() => document.activeElement?.id === 'f-measure-m5-7-name');
      // Measures added while the step is open stay open; the others do not fold under the officer.
      await page.locator('.group').first().getByRole('button', { name: '+ เพิ่มมาตรการ (ว่าง)' }).click();
      assert.equal(await page.locator('.group').first().locator('.measure').last().locator('.measure-summary').count(), 0);
      await page.click('#fold-all');
      assert.equal(await page.locator('.measure.folded').count(), 101);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the page is ${overflow} px wider than the screen`);
      await shot(page, `template-folded-${size}`);
    } finally {
      await b.close();
    }
  }
});
