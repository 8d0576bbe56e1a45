// Starts the app (the wasm module) and registers the service worker for offline use.
import init from './pkg/prongsai-web.js';

init({ module_or_path: new URL('./pkg/prongsai-web_bg.wasm', import.meta.url) }).catch((e) => {
  const el = document.getElementById('loading');
  if (el) el.textContent = 'เปิดโปรแกรมไม่สำเร็จ: เบราว์เซอร์นี้อาจเก่าเกินไป กรุณาใช้ Chrome, Edge, Firefox หรือ Safari รุ่นใหม่';
  console.error(e);
});

if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  navigator.serviceWorker.register('./sw.js').catch((e) => console.warn('service worker', e));
}
