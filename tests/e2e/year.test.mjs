// A year of ITA work from one draft: the measures published at the start, the six-month
// and the twelve-month reports, each with its own results and period, and the next year
// started from this one while the old draft stays as it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { open, load, shot, download, pdfText, squash, DESKTOP, PHONE, step } from './lib.mjs';

const output = (page) => page.locator('.measure').first().getByLabel('ผลการดำเนินการ (ผลผลิต)');

test('one draft gives the measures, the six-month and the twelve-month reports, and starts next year', async () => {
  const b = await open(DESKTOP);
  const { page } = b;
  try {
    await load(page);
    // The example is the twelve-month report of 2568 with its results.
    await step(page, 4);
    const yearResult = await output(page).inputValue();
    assert.ok(yearResult.length > 20, 'the example has twelve-month results');
    // The six-month report: its own results, not the year's carried back.
    await step(page, 2);
    await page.getByLabel('รอบ ๖ เดือน (ตุลาคม – มีนาคม)').check();
    await step(page, 4);
    assert.match(await page.locator('.round-note').innerText(), /รอบ ๖ เดือน/);
    assert.equal(await output(page).inputValue(), '', 'the six-month results start empty');
    await output(page).fill('ดำเนินการแล้วครึ่งทางเมื่อสิ้นมีนาคม');
    await output(page).blur();
    await page.waitForSelector('.save-state.saved');
    // Back and forth: nothing typed is lost.
    await step(page, 2);
    await page.getByLabel('รอบ ๑๒ เดือน (ทั้งปีงบประมาณ)').check();
    await step(page, 4);
    assert.equal(await output(page).inputValue(), yearResult, 'the twelve-month results are back');
    await step(page, 2);
    await page.getByLabel('รอบ ๖ เดือน (ตุลาคม – มีนาคม)').check();
    await page.reload();
    await step(page, 7);

    const six = await download(page, '#download-pdf', 'year-six.pdf');
    assert.match(six.suggested, /๖เดือน/);
    const sixText = squash(pdfText(six.path));
    assert.ok(sixText.includes('ดำเนินการแล้วครึ่งทางเมื่อสิ้นมีนาคม'), 'six-month result');
    assert.ok(sixText.includes('รอบ๖เดือน') && !sixText.includes('รอบ๑๒เดือน'), 'six-month period');
    assert.ok(!sixText.includes(squash(yearResult.split('\n')[0])), 'the year result is not in the six-month report');

    const twelve = await download(page, '#download-round-twelve', 'year-twelve.pdf');
    assert.match(twelve.suggested, /๑๒เดือน/);
    const twelveText = squash(pdfText(twelve.path));
    assert.ok(twelveText.includes(squash(yearResult.split('\n')[0])), 'twelve-month result');
    assert.ok(twelveText.includes('รอบ๑๒เดือน') && !twelveText.includes('ดำเนินการแล้วครึ่งทาง'), 'twelve-month period');

    const measures = await download(page, '#download-measures', 'year-measures.pdf');
    assert.match(measures.suggested, /^มาตรการ-ITA-/);
    const measuresText = squash(pdfText(measures.path));
    assert.ok(measuresText.includes('ประกาศองค์การบริหารส่วนตำบลเขาสมอคอน'), 'the announcement');
    assert.ok(measuresText.includes('ขั้นตอน/วิธีการปฏิบัติ'), 'the plan');
    for (const gone of ['ผลผลิต', 'ผลลัพธ์', 'ครึ่งทาง', 'รอบ๖เดือน']) assert.ok(!measuresText.includes(gone), `${gone} in the measures`);
    // The Word file of the six-month report, made by the engine in its worker.
    const word = await download(page, '#download-docx', 'year-six.docx');
    assert.match(word.suggested, /๖เดือน-.*\.docx$/);
    const xml = execFileSync('python3', ['-c', "import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read('word/document.xml').decode())", word.path], { encoding: 'utf8', maxBuffer: 64 << 20 });
    assert.ok(xml.includes('ดำเนินการแล้วครึ่งทางเมื่อสิ้นมีนาคม'), 'the six-month result is in the Word file');
    assert.ok(xml.includes('TH SarabunIT๙') && xml.includes('<w:tblHeader />'), 'font and repeated header');
    await shot(page, 'year-downloads-desktop');

    // Next year: a new draft with the plan, empty results, years moved on.
    await page.click('#start-next-year');
    await page.waitForSelector('.progress li:nth-child(1).current');
    assert.match(await page.locator('.toast').first().innerText(), /ปีงบประมาณ ๒๕๖๙/);
    await step(page, 3);
    assert.equal(await page.inputValue('#f-ita-assessed_year'), '2568');
    assert.equal(await page.inputValue('#f-ita-indicators-0-previous'), '99.65', 'this year\'s score became the assessed one');
    await step(page, 4);
    assert.equal(await output(page).inputValue(), '', 'results start empty');
    const name = await page.locator('.measure').first().getByLabel('มาตรการ/กิจกรรม').inputValue();
    assert.ok(name.length > 5, 'the plan is copied');
    // The old draft is as it was.
    await page.click('#to-drafts');
    const old = page.locator('.draft-list li', { hasText: 'ปีงบประมาณ ๒๕๖๘' }).first();
    await old.getByRole('button', { name: 'เปิด', exact: true }).click();
    await step(page, 4);
    assert.equal(await output(page).inputValue(), 'ดำเนินการแล้วครึ่งทางเมื่อสิ้นมีนาคม');
  } finally {
    await b.close();
  }
});

test('the downloads of the year read on a phone', async () => {
  const b = await open(PHONE);
  const { page } = b;
  try {
    await load(page);
    await step(page, 2);
    await page.getByLabel('รอบ ๖ เดือน (ตุลาคม – มีนาคม)').check();
    await step(page, 7);
    assert.equal(await page.locator('#download-round-twelve').count(), 1, 'the twelve-month report is offered');
    await page.locator('#download-measures').scrollIntoViewIfNeeded();
    await shot(page, 'year-downloads-phone');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${overflow} px too wide`);
  } finally {
    await b.close();
  }
});
