// Regenerates public/data/thai-address.json from the npm package thai-address-database
// (ISC licence, https://github.com/Sellsuki/thai-address-database):
//   npm install --no-save thai-address-database@0.0.30 && node tools/thai-address.mjs
// Output: [[province, [[district (อำเภอ/เขต), [subdistrict (ตำบล/แขวง), ...]], ...]], ...],
// sorted in Thai order, for the agency step's autocomplete.
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const { searchAddressByProvince } = require('thai-address-database');

const tree = new Map();
for (const e of searchAddressByProvince('.', 1000000)) {
  if (!tree.has(e.province)) tree.set(e.province, new Map());
  const districts = tree.get(e.province);
  if (!districts.has(e.amphoe)) districts.set(e.amphoe, new Set());
  districts.get(e.amphoe).add(e.district);
}
const th = new Intl.Collator('th');
const out = [...tree.entries()].sort((a, b) => th.compare(a[0], b[0])).map(([p, ds]) => [
  p,
  [...ds.entries()].sort((a, b) => th.compare(a[0], b[0])).map(([d, ts]) => [d, [...ts].sort(th.compare)]),
]);
writeFileSync(new URL('../public/data/thai-address.json', import.meta.url), JSON.stringify(out));
console.log(`${out.length} provinces, ${out.reduce((n, [, ds]) => n + ds.length, 0)} districts`);
