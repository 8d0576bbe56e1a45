// The PDF engine's worker: loads the engine wasm, the fonts and the word list on the first
// request (all from this origin, cached offline by the service worker), then turns drafts
// into PDFs and previews off the page's thread.
import init, { load_engine, render_pdf, render_preview } from './engine/prongsai-engine.js';

let ready = null;

async function start() {
  await init({ module_or_path: new URL('./engine/prongsai-engine_bg.wasm', import.meta.url) });
  const get = async (path) => {
    const r = await fetch(new URL(path, import.meta.url));
    if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
    return r;
  };
  const [regular, bold, words] = await Promise.all([
    get('fonts/Sarabun-Regular.ttf').then((r) => r.arrayBuffer()),
    get('fonts/Sarabun-Bold.ttf').then((r) => r.arrayBuffer()),
    get('data/thai-words.txt').then((r) => r.text()),
  ]);
  load_engine(new Uint8Array(regular), new Uint8Array(bold), words);
}

onmessage = async ({ data }) => {
  const { id, op, draft, ids, images } = data;
  try {
    ready ??= start().catch((e) => { ready = null; throw e; });
    await ready;
    if (op === 'warm') {
      postMessage({ id, ok: true });
    } else if (op === 'pdf') {
      const bytes = render_pdf(draft, ids, images);
      postMessage({ id, ok: true, bytes }, [bytes.buffer]);
    } else {
      postMessage({ id, ok: true, json: render_preview(draft, ids, images) });
    }
  } catch (e) {
    postMessage({ id, ok: false, error: String(e?.message ?? e) });
  }
};
