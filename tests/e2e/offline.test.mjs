// Offline and private: every request stays on the page's origin, the app and its PDF work
// with the network cut after the first visit, a new build is picked up on the next visit
// without losing drafts, and the Content-Security-Policy is never violated.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open, load, download, pdfText, BASE_URL, DESKTOP, readFileSync, writeFileSync, join } from './lib.mjs';

const DIST = process.env.DIST_DIR ?? 'dist';
const ORIGIN = new URL(BASE_URL).origin;

async function cachedFiles(page) {
  return page.evaluate(async () => {
    const keys = await caches.keys();
    let n = 0;
    for (const k of keys) n += (await (await caches.open(k)).keys()).length;
    return { keys, n };
  });
}

async function waitForServiceWorker(page) {
  // Bounded: a service worker that never gets ready fails the test instead of hanging the run.
  await page.evaluate(() => Promise.race([
    navigator.serviceWorker.ready.then(() => true),
    new Promise((_, fail) => setTimeout(() => fail(new Error('service worker not ready after 60 s')), 60000)),
  ]));
  // The install step has cached every file once `ready` resolves.
  const { n } = await cachedFiles(page);
  assert.ok(n > 10, `only ${n} files cached`);
}

test('no request leaves the origin, and the app works offline after the first visit', async () => {
  const b = await open(DESKTOP);
  const { page, context } = b;
  const requests = [];
  const cspViolations = [];
  context.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text()); });
  try {
    await load(page);
    await waitForServiceWorker(page);
    await page.fill('#f-agency-name', 'ทดสอบออฟไลน์');
    await page.fill('#f-agency-province', 'ลพ'); // the address data loads for suggestions
    await page.click('.progress li:nth-child(7) button');
    const first = await download(page, '#download-pdf', 'online.pdf');
    assert.ok(pdfText(first.path).includes('ทดสอบออฟไลน์'));
    const foreign = requests.filter((u) => !u.startsWith(ORIGIN) && !u.startsWith('data:') && !u.startsWith('blob:'));
    assert.deepEqual(foreign, [], 'requests to other origins');
    assert.ok(requests.some((u) => u.endsWith('/data/thai-words.txt')), 'the word list came from the origin');

    // Network cut: the app still opens, with the draft, and still makes the PDF.
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('main');
    // A reload stays on the step it was on (step 7); the name is on step 1.
    await page.click('.progress li:nth-child(1) button');
    assert.equal(await page.inputValue('#f-agency-name'), 'ทดสอบออฟไลน์');
    await page.click('.progress li:nth-child(7) button');
    const offline = await download(page, '#download-pdf', 'offline.pdf');
    assert.ok(pdfText(offline.path).includes('ทดสอบออฟไลน์'), 'PDF made offline');
    assert.deepEqual(cspViolations, []);
  } finally {
    await b.close();
  }
});

test('a new build is picked up on the next visit and the drafts stay', async () => {
  const b = await open(DESKTOP);
  const { page } = b;
  const swPath = join(DIST, 'sw.js');
  const original = readFileSync(swPath, 'utf8');
  try {
    await load(page);
    await waitForServiceWorker(page);
    await page.fill('#f-agency-name', 'ร่างก่อนอัปเดต');
    await page.waitForSelector('.save-state.saved');
    const before = (await cachedFiles(page)).keys;
    // "Deploy" a new build: the service worker's version changes.
    writeFileSync(swPath, original.replace(/const VERSION = '([^']*)'/, "const VERSION = '$1-next'"));
    await page.reload();
    // The browser fetches the changed service worker, installs it and drops the old cache.
    let keys = before;
    for (let i = 0; i < 60 && (keys.length !== 1 || before.includes(keys[0])); i++) {
      await page.waitForTimeout(500);
      keys = (await cachedFiles(page)).keys;
    }
    await page.reload();
    await page.waitForSelector('main');
    assert.equal(await page.inputValue('#f-agency-name'), 'ร่างก่อนอัปเดต');
    const after = (await cachedFiles(page)).keys;
    assert.ok(after[0].endsWith('-next'), `cache ${after}, before ${before}`);
  } finally {
    writeFileSync(swPath, original);
    await b.close();
  }
});

test('the page declares a strict Content-Security-Policy', async () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'(;|$)/);
  assert.doesNotMatch(csp, /unsafe-inline|https?:|\*/);
  assert.doesNotMatch(html, /<script>(?!<\/script>)/, 'no inline script');
});
