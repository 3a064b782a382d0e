// Writes media/icon.png (128×128): a table grid with one cell marked as a finding. Run once; the PNG is committed.
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

const size = 128;
const rgba = Buffer.alloc(size * size * 4);
const put = (x, y, [r, g, b, a]) => rgba.set([r, g, b, a], (y * size + x) * 4);
const background = [30, 58, 95, 255];
const cell = [236, 240, 245, 255];
const header = [120, 170, 220, 255];
const bad = [220, 60, 60, 255];
for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) put(x, y, background);
const cols = 4, rows = 5, margin = 12, gap = 4;
const cw = (size - 2 * margin - (cols - 1) * gap) / cols;
const rh = (size - 2 * margin - (rows - 1) * gap) / rows;
for (let r = 0; r < rows; r++) {
  for (let c = 0; c < cols; c++) {
    const color = r === 0 ? header : r === 3 && c === 2 ? bad : cell;
    const x0 = Math.round(margin + c * (cw + gap)), y0 = Math.round(margin + r * (rh + gap));
    for (let y = y0; y < Math.round(y0 + rh); y++) for (let x = x0; x < Math.round(x0 + cw); x++) put(x, y, color);
  }
}
const raw = Buffer.alloc((size * 4 + 1) * size);
for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
const crcTable = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
const crc = (buf) => { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
const chunk = (type, data) => {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const sum = Buffer.alloc(4); sum.writeUInt32BE(crc(body));
  return Buffer.concat([len, body, sum]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4); ihdr.set([8, 6, 0, 0, 0], 8);
const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
writeFileSync(new URL('../media/icon.png', import.meta.url), png);
