// The PDF engine's worker: loads the engine wasm, the fonts and the word list on the first
// request (all from this origin, cached offline by the service worker), then answers the
// UI's requests (`worker_api::Request`, JSON) off the page's thread. Errors go back as
// `worker_api::EngineError` JSON: a load failure, the officer's message, or a crash.
import init, { load_engine, handle } from './engine/prongsai-engine.js';

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

const failure = (kind, e) => JSON.stringify({ kind, reason: String(e?.message ?? e) });

onmessage = async ({ data }) => {
  const { id, request, ids, images } = data;
  try {
    ready ??= start().catch((e) => { ready = null; throw e; });
    await ready;
  } catch (e) {
    postMessage({ id, ok: false, error: failure('load', e) });
    return;
  }
  try {
    const result = handle(request, ids, images);
    postMessage({ id, ok: true, result }, result instanceof Uint8Array ? [result.buffer] : []);
  } catch (e) {
    // The engine's own errors are JSON already; anything else (a panic) is a crash.
    postMessage({ id, ok: false, error: typeof e === 'string' ? e : failure('crash', e) });
  }
};
