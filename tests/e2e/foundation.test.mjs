// The first vertical slice: edit the agency name, reload, download the PDF, read it back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open, load, shot, download, pdfText, PHONE, DESKTOP } from './lib.mjs';

const NAME = 'ทดสอบปู่ฟ้าน้ำ ฝั่งปฏิบัติ';

test('agency name survives a reload and comes out of the PDF exactly', async () => {
  const b = await open(DESKTOP);
  try {
    const { page } = b;
    await load(page);
    const input = page.getByLabel('ชื่อหน่วยงาน', { exact: true });
    await input.fill(NAME);
    await page.getByText('บันทึกแล้ว').waitFor();
    await page.reload();
    await page.waitForSelector('main');
    assert.equal(await page.getByLabel('ชื่อหน่วยงาน', { exact: true }).inputValue(), NAME);
    await shot(page, 'foundation-desktop');
    await page.setViewportSize(PHONE);
    await shot(page, 'foundation-phone');
    await page.click('.progress li:nth-child(7) button');
    const { path } = await download(page, '#download-pdf', 'foundation.pdf');
    const text = pdfText(path);
    assert.ok(text.includes(`องค์การบริหารส่วนตำบล${NAME}`), `name missing from PDF text:\n${text.slice(0, 800)}`);
    assert.ok(!text.includes('\uFFFD'));
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});
