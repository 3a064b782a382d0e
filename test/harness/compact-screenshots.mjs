// README screenshots as compact WebP copies (docs/screenshots/<name>.webp beside <name>.png): at most 1,000
// pixels wide (the Extensions view and GitHub show README images at under 900), quality 0.8, about a third
// of the PNG. `npm run package` inlines them in the VSIX's README as data: URIs, the only images the
// Extensions view renders without a network (its README page allows `img-src https: data:`).
// Encoded by Chromium's canvas, so the e2e run that took the screenshots writes them.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const MAX_WIDTH = 1000;
const QUALITY = 0.8;

/** Writes `<name>.webp` for every `<name>.png` in `dir` that has none or an older one; returns the files written. */
export async function writeCompactCopies(browser, dir) {
  const stale = readdirSync(dir)
    .filter((f) => f.endsWith('.png'))
    .map((f) => ({ png: path.join(dir, f), webp: path.join(dir, f.replace(/\.png$/, '.webp')) }))
    .filter(({ png, webp }) => !existsSync(webp) || statSync(webp).mtimeMs < statSync(png).mtimeMs);
  if (stale.length === 0) return [];
  const page = await browser.newPage();
  try {
    for (const { png, webp } of stale) {
      const dataUrl = await page.evaluate(
        async ({ src, maxWidth, quality }) => {
          const img = new window.Image();
          img.src = src;
          await img.decode();
          const canvas = document.createElement('canvas');
          canvas.width = Math.min(maxWidth, img.naturalWidth);
          canvas.height = Math.round((img.naturalHeight * canvas.width) / img.naturalWidth);
          const context = canvas.getContext('2d');
          context.imageSmoothingQuality = 'high';
          context.drawImage(img, 0, 0, canvas.width, canvas.height);
          return canvas.toDataURL('image/webp', quality);
        },
        { src: `data:image/png;base64,${readFileSync(png).toString('base64')}`, maxWidth: MAX_WIDTH, quality: QUALITY },
      );
      if (!dataUrl.startsWith('data:image/webp;base64,')) throw new Error(`Chromium did not encode WebP for ${png}`);
      writeFileSync(webp, Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64'));
    }
  } finally {
    await page.close();
  }
  return stale.map(({ webp }) => webp);
}
