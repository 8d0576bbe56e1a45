// Image work the browser does best: decoding any photo format the device produces,
// downscaling on a canvas, and turning a white background transparent for signatures.

function decode(bytes, type) {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(new Blob([bytes], { type: type || 'application/octet-stream' }));
    const img = new Image();
    img.onload = () => { URL.revokeObjectURL(url); resolve(img); };
    img.onerror = () => { URL.revokeObjectURL(url); reject('not-an-image'); };
    img.src = url;
  });
}

function toBytes(canvas, type, quality) {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => {
      if (!blob) return reject('encode-failed');
      blob.arrayBuffer().then((b) => resolve(new Uint8Array(b)), () => reject('encode-failed'));
    }, type, quality);
  });
}

// The image decoded from `bytes`, drawn on a canvas at most `maxSide` pixels on its longer
// side (on white when `background` is set).
async function scaled(bytes, type, maxSide, background) {
  const img = await decode(bytes, type);
  const w = img.naturalWidth, h = img.naturalHeight;
  if (!w || !h) throw 'not-an-image';
  if (w * h > 80e6) throw 'too-large';
  const scale = Math.min(1, maxSide / Math.max(w, h));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(w * scale));
  canvas.height = Math.max(1, Math.round(h * scale));
  const ctx = canvas.getContext('2d');
  if (background) {
    ctx.fillStyle = background;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
  }
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  return { canvas, ctx };
}

// Photo → JPEG at most `maxSide` pixels on its longer side. Resolves [bytes, width, height].
export async function downscaleJpeg(bytes, type, maxSide, quality) {
  const { canvas } = await scaled(bytes, type, maxSide, '#fff');
  return [await toBytes(canvas, 'image/jpeg', quality), canvas.width, canvas.height];
}

// Signature image → PNG with near-white pixels transparent, at most `maxSide` pixels.
export async function signaturePng(bytes, type, maxSide) {
  const { canvas, ctx } = await scaled(bytes, type, maxSide, null);
  const data = ctx.getImageData(0, 0, canvas.width, canvas.height);
  const px = data.data;
  for (let i = 0; i < px.length; i += 4) {
    const light = Math.min(px[i], px[i + 1], px[i + 2]);
    // Paper (light) becomes transparent; ink keeps its colour, edges fade smoothly.
    if (light > 200) px[i + 3] = 0;
    else if (light > 140) px[i + 3] = Math.round(px[i + 3] * (200 - light) / 60);
  }
  ctx.putImageData(data, 0, 0);
  return await toBytes(canvas, 'image/png');
}

// The drawing on a signature pad as PNG (transparent background), cropped to the ink.
export async function canvasPng(canvas) {
  const ctx = canvas.getContext('2d');
  const { width, height } = canvas;
  const px = ctx.getImageData(0, 0, width, height).data;
  let x0 = width, y0 = height, x1 = -1, y1 = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (px[(y * width + x) * 4 + 3] > 0) {
        if (x < x0) x0 = x; if (x > x1) x1 = x; if (y < y0) y0 = y; if (y > y1) y1 = y;
      }
    }
  }
  if (x1 < 0) throw 'empty';
  const pad = 6;
  x0 = Math.max(0, x0 - pad); y0 = Math.max(0, y0 - pad);
  x1 = Math.min(width - 1, x1 + pad); y1 = Math.min(height - 1, y1 + pad);
  const out = document.createElement('canvas');
  out.width = x1 - x0 + 1; out.height = y1 - y0 + 1;
  out.getContext('2d').drawImage(canvas, x0, y0, out.width, out.height, 0, 0, out.width, out.height);
  return await toBytes(out, 'image/png');
}
