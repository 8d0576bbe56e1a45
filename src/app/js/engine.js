// Talks to the PDF engine's Web Worker (public/engine-worker.js): started on first use,
// one request at a time per id, restarted if it crashes.
let worker = null;
let next = 1;
const pending = new Map();

function get() {
  if (!worker) {
    worker = new Worker(new URL('engine-worker.js', document.baseURI), { type: 'module' });
    worker.onmessage = ({ data }) => {
      const p = pending.get(data.id);
      if (!p) return;
      pending.delete(data.id);
      if (data.ok) p.resolve(data.result); else p.reject(data.error);
    };
    worker.onerror = (e) => {
      for (const p of pending.values()) p.reject(e.message || 'worker-failed');
      pending.clear();
      worker = null;
    };
  }
  return worker;
}

// request: `worker_api::Request` as JSON. Resolves with the result (PDF bytes, preview
// JSON or nothing); rejects with `worker_api::EngineError` JSON, or the worker's own error.
export function engineRequest(request, ids, images) {
  return new Promise((resolve, reject) => {
    const id = next++;
    pending.set(id, { resolve, reject });
    get().postMessage({ id, request, ids, images });
  });
}
