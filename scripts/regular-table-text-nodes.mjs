/**
 * esbuild plugin for the table webview: regular-table 0.9.2 writes a body cell's new value with
 * `td.textContent = String(value)`, which removes the cell's text node and inserts a new one, so every scrolled
 * frame tears down and rebuilds a layout object for each of the ~400 cells on screen. This rewrites that one
 * statement to set the `data` of the cell's text node when the cell holds just one (a pooled cell, the usual
 * case), and to fall back to `textContent` otherwise (first draw, an element value, a cell emptied by
 * `textContent = ""`). regular-table has no option for it (checked up to 0.9.2, the latest release).
 *
 * Measured in headless Chromium on the table webview scrolling 10 rows a frame (bench/parts/table.bench.ts):
 * less script in the frame (the textContent setter was the largest self time of any function) and about half
 * of the style/layout-tree update. The build fails if the statement is not found exactly once (a new
 * regular-table version): check its `_draw_td` (src/ts/tbody.ts) before adapting the pattern.
 */
import { readFile } from 'node:fs/promises';

/** `<cell>.textContent=String(<value>??"")` in regular-table's minified `_draw_td` (not a header's `<x>.span.textContent`). */
const TEXT_WRITE = /(?<![\w$.])([\w$]+)\.textContent=String\(([\w$]+)\?\?""\)/g;

/** The source of regular-table's bundle with its body-cell text write replaced (throws unless it occurs once). */
export function reuseTextNodes(source) {
  const matches = [...source.matchAll(TEXT_WRITE)];
  if (matches.length !== 1) throw new Error(`regular-table-text-nodes: expected one body-cell text write in regular-table, found ${matches.length}`);
  return source.replace(TEXT_WRITE, (_, cell, value) => {
    const text = `String(${value}??"")`;
    return `(${cell}.firstChild!==null&&${cell}.firstChild===${cell}.lastChild&&${cell}.firstChild.nodeType===3?${cell}.firstChild.data=${text}:${cell}.textContent=${text})`;
  });
}

export const regularTableTextNodes = {
  name: 'regular-table-text-nodes',
  setup(build) {
    build.onLoad({ filter: /[\\/]regular-table[\\/]dist[\\/]esm[\\/]regular-table\.js$/ }, async (args) => ({
      contents: reuseTextNodes(await readFile(args.path, 'utf8')),
      loader: 'js',
    }));
  },
};
