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

// After a panic the UI's wasm cannot run any more: the panic hook has saved the draft and
// calls this with the draft as an export file; the message and its buttons are plain DOM.
let crashed = false;
function showCrash(rescued) {
  if (crashed) return;
  crashed = true;
  const box = document.createElement('div');
  box.id = 'crash';
  box.setAttribute('role', 'alertdialog');
  box.setAttribute('aria-labelledby', 'crash-title');
  const inner = document.createElement('div');
  const title = document.createElement('h2');
  title.id = 'crash-title';
  title.textContent = 'ขออภัย โปรแกรมเกิดข้อผิดพลาด';
  const text = document.createElement('p');
  text.textContent = rescued
    ? 'ร่างที่กำลังแก้ไขบันทึกไว้ในเบราว์เซอร์แล้ว กรุณาโหลดหน้าใหม่เพื่อทำงานต่อ หรือส่งออกร่างเป็นไฟล์เก็บไว้ก่อน'
    : 'การแก้ไขที่บันทึกแล้วยังอยู่ครบ กรุณาโหลดหน้าใหม่เพื่อทำงานต่อ';
  const reload = document.createElement('button');
  reload.id = 'crash-reload';
  reload.className = 'primary';
  reload.textContent = 'โหลดหน้าใหม่';
  reload.addEventListener('click', () => location.reload());
  const row = document.createElement('div');
  row.className = 'row';
  row.append(reload);
  if (rescued) {
    const exp = document.createElement('button');
    exp.id = 'crash-export';
    exp.textContent = 'ส่งออกร่างเป็นไฟล์';
    exp.addEventListener('click', () => {
      const a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob([rescued], { type: 'application/json' }));
      a.download = 'ร่างรายงาน-กู้คืน.json';
      a.click();
    });
    row.append(exp);
  }
  inner.append(title, text, row);
  box.append(inner);
  document.body.append(box);
  reload.focus();
}
window.prongsaiCrashed = (json) => showCrash(json || '');
// A trap that did not come from a panic (the hook did not run) still gets the message.
window.addEventListener('error', (e) => {
  if (e.error instanceof WebAssembly.RuntimeError) showCrash('');
});
