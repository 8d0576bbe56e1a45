// Images (photos, signatures, logos) in IndexedDB: local storage's ~5 MB cannot hold them.
// One object store, key = image id, value = Uint8Array. Every call returns a Promise and
// rejects with a short reason ("QuotaExceededError", "unavailable", ...).
const DB = 'prongsai';
const STORE = 'images';
let opening = null;

function db() {
  if (!opening) {
    opening = new Promise((resolve, reject) => {
      if (!('indexedDB' in self)) return reject('unavailable');
      const req = indexedDB.open(DB, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ? req.error.name : 'unavailable');
      req.onblocked = () => reject('blocked');
    });
    opening.catch(() => { opening = null; });
  }
  return opening;
}

function tx(mode, work) {
  return db().then((d) => new Promise((resolve, reject) => {
    const t = d.transaction(STORE, mode);
    const result = work(t.objectStore(STORE));
    t.oncomplete = () => resolve(result.result);
    t.onerror = () => reject(t.error ? t.error.name : 'error');
    t.onabort = () => reject(t.error ? t.error.name : 'aborted');
  }));
}

export function idbPut(id, bytes) { return tx('readwrite', (s) => s.put(bytes, id)).then(() => undefined); }
export function idbGet(id) { return tx('readonly', (s) => s.get(id)).then((v) => v ?? null); }
export function idbDelete(id) { return tx('readwrite', (s) => s.delete(id)).then(() => undefined); }
export function idbKeys() { return tx('readonly', (s) => s.getAllKeys()); }
