// The officer's whole job in the browser: a blank draft filled through all seven steps with
// seed 004's content, a photo and a drawn signature; the PDF downloaded and read back;
// everything found again after a reload; export, delete, import, compare.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open, load, shot, download, pdfText, squash, foundInOrder, drawSignature, PHONE, DESKTOP, readFileSync } from './lib.mjs';

const seed = JSON.parse(readFileSync('tests/drafts/seed-004.json', 'utf8'));
const MEASURES = seed.measures[0].measures.slice(0, 4);
const SCORES = [96.28, 98.04, 100, 65.29, 96.47, 98.19, 98.48, 90.95, 83.57, 100];

async function step(page, n) {
  await page.click(`.progress li:nth-child(${n}) button`);
  await page.waitForSelector(`.progress li:nth-child(${n}).current`);
}

async function fillAll(page) {
  // Step 1
  await step(page, 1);
  await page.selectOption('#f-agency-kind', 'sao');
  await page.fill('#f-agency-name', seed.agency.name);
  await page.fill('#f-agency-province', seed.agency.province);
  await page.fill('#f-agency-district', seed.agency.district);
  await page.fill('#f-agency-unit', seed.agency.unit);
  await page.fill('#f-agency-phone', '๐ ๔๒๒๔ ๕๖๗๘');
  await page.fill('#f-agency-doc_code', 'อด ๗๘๙๐๑');
  // Step 2
  await step(page, 2);
  await page.fill('#f-report-fiscal_year', '2568');
  await page.getByLabel('รอบ ๑๒ เดือน (ทั้งปีงบประมาณ)').check();
  // Step 3
  await step(page, 3);
  await page.fill('#f-ita-assessed_year', '2567');
  await page.fill('#f-ita-score', '91.72');
  for (let i = 0; i < 10; i++) await page.fill(`#f-ita-indicators-${i}-previous`, String(SCORES[i]));
  await page.fill('#f-analysis-improvements', seed.analysis.improvements);
  // The live list of weak indicators follows the scores.
  const weak = await page.locator('.weak li').allTextContents();
  assert.equal(weak.length, 2, `weak indicators: ${weak}`);
  assert.match(weak[0], /การใช้ทรัพย์สินของราชการ/);
  // Step 4
  await step(page, 4);
  await page.click('text=+ เพิ่มกลุ่มมาตรการ');
  await page.locator('.group').first().getByLabel('หัวข้อกลุ่ม').fill(seed.measures[0].heading);
  for (let i = 0; i < MEASURES.length; i++) {
    if (i > 0) await page.click('text=+ เพิ่มมาตรการ');
    const m = MEASURES[i];
    const card = page.locator('.measure').nth(i);
    await card.getByLabel('มาตรการ/กิจกรรม').fill(m.name);
    await card.getByLabel('ขั้นตอน/วิธีการปฏิบัติ').fill(m.steps);
    await card.getByLabel('ผู้รับผิดชอบ').fill(m.responsible);
    await card.getByLabel('ระยะเวลาดำเนินการ').fill(m.period);
    await card.getByLabel('ผลการดำเนินการ (ผลผลิต)').fill(m.output);
    await card.getByLabel('ผลลัพธ์').fill(m.outcome);
  }
  // One more from the preset catalogue.
  await page.selectOption('#preset-0', { index: 1 });
  await page.click('.preset button');
  assert.equal(await page.locator('.measure').count(), MEASURES.length + 1);
  // Step 5: a photo for the first measure.
  await step(page, 5);
  await page.setInputFiles(`#photo-file-${await firstMeasureId(page)}`, 'tests/fixtures/photo.jpg');
  await page.waitForSelector('.photo img[src^="blob:"]');
  await page.fill(`#f-measure-${await firstMeasureId(page)}-photos-0`, 'ภาพการประชุมชี้แจงแนวทาง');
  // Step 6: memo and signers, with a drawn signature.
  await step(page, 6);
  await page.fill('#f-signers-reporter-name', 'นางสาวทดสอบ ใจดี');
  await page.fill('#f-signers-reporter-position', 'นักวิเคราะห์นโยบายและแผนชำนาญการ');
  await page.fill('#f-signers-clerk-name', 'นายปลัด ทดสอบ');
  await page.fill('#f-signers-executive-name', 'นายนายก ทดสอบ');
  await page.fill('#f-signers-executive-comment', 'ทราบ อนุญาตให้เผยแพร่');
  await drawSignature(page);
  await page.locator('.signature').first().getByText('บันทึกลายมือชื่อ').click();
  await page.waitForSelector('.sig-current img[src^="blob:"]');
}

async function firstMeasureId(page) {
  const id = await page.locator('input[id^="photo-file-"]').first().getAttribute('id');
  return id.replace('photo-file-', '');
}

async function shots(page, prefix) {
  for (let n = 1; n <= 7; n++) {
    await step(page, n);
    await page.setViewportSize(DESKTOP);
    await shot(page, `${prefix}-step${n}-desktop`);
    await page.setViewportSize(PHONE);
    await shot(page, `${prefix}-step${n}-phone`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `step ${n} is ${overflow}px wider than a phone`);
  }
  await page.setViewportSize(DESKTOP);
}

test('a whole report from a blank draft, through every step, to the PDF and back', async () => {
  const b = await open(DESKTOP);
  const { page } = b;
  page.on('dialog', (d) => d.accept());
  try {
    await load(page);
    await page.click('#to-drafts');
    await page.click('text=เริ่มร่างใหม่ (ว่าง)');
    await fillAll(page);
    await step(page, 7);
    await page.waitForSelector('text=บันทึกแล้ว');
    const problems = await page.locator('.problems li').allTextContents();
    assert.deepEqual(problems, [], 'no problems left');
    await shots(page, 'wizard');

    const { path, suggested } = await download(page, '#download-pdf', 'wizard.pdf');
    assert.equal(suggested, 'รายงานผลมาตรการ-ITA-๒๕๖๘-๑๒เดือน-อบต.หนองไฮ.pdf');
    const text = pdfText(path);
    const all = squash(text);
    for (const m of MEASURES) {
      for (const t of [m.name, ...m.steps.split('\n'), m.responsible, m.period]) {
        assert.ok(foundInOrder(all, t), `PDF lacks: ${t}`);
      }
    }
    for (const t of ['องค์การบริหารส่วนตำบลหนองไฮ', 'ภาพการประชุมชี้แจงแนวทาง', '(นางสาวทดสอบ ใจดี)', 'ทราบ อนุญาตให้เผยแพร่', '๖๕.๒๙', 'อด ๗๘๙๐๑/']) {
      assert.ok(text.includes(t) || all.includes(squash(t)), `PDF lacks: ${t}`);
    }

    // Everything is still there after a reload.
    await page.reload();
    await page.waitForSelector('main');
    await step(page, 1);
    assert.equal(await page.inputValue('#f-agency-name'), seed.agency.name);
    await step(page, 4);
    assert.equal(await page.locator('.measure').nth(2).getByLabel('มาตรการ/กิจกรรม').inputValue(), MEASURES[2].name);
    await step(page, 5);
    await page.waitForSelector('.photo img[src^="blob:"]');
    await step(page, 6);
    await page.waitForSelector('.sig-current img[src^="blob:"]');

    // Export, delete, import: the same draft comes back.
    await page.click('#to-drafts');
    const exported = await download(page, '.draft-list li.current >> text=ส่งออกไฟล์', 'export.json');
    const before = JSON.parse(readFileSync(exported.path, 'utf8'));
    await page.locator('.draft-list li.current >> text=ลบ').click();
    await page.waitForSelector('text=เลิกทำ');
    const names = await page.locator('.draft-list strong').allTextContents();
    assert.ok(!names.includes(before.name), 'deleted');
    await page.setInputFiles('#import-file', exported.path);
    await page.waitForSelector('text=เป็นร่างใหม่แล้ว');
    await page.click('#to-drafts');
    const again = await download(page, '.draft-list li.current >> text=ส่งออกไฟล์', 'export-again.json');
    const after = JSON.parse(readFileSync(again.path, 'utf8'));
    assert.deepEqual(normalise(after), normalise(before));
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});

/// The draft with image ids replaced by the image bytes they point at (ids are renewed on
/// import so that nothing is overwritten; the pictures must be the same).
function normalise(bundle) {
  const text = JSON.stringify(bundle.draft).replace(/"((?:img|sig)-[0-9a-z-]+)"/g, (_, id) => JSON.stringify(bundle.images[id] ?? "missing"));
  return JSON.parse(text);
}
