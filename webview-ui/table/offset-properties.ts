/**
 * regular-table writes its sub-cell scroll offsets as four CSS custom properties on the `<table>` on every
 * draw (scroll_panel.ts, `_set_sub_cell_offset`). Custom properties inherit, so each write restyled every
 * cell of the table (~560 elements a scrolled frame), though only regular-table's optional sub-cell-scrolling
 * stylesheet reads them, and the grid does not load it. Registered as not inherited, a write restyles the
 * `<table>` alone.
 */
const OFFSET_PROPERTIES = ['--regular-table--clip-x', '--regular-table--clip-y', '--regular-table--transform-x', '--regular-table--transform-y'] as const;

let registered = false;

export function registerOffsetProperties(): void {
  if (registered) return;
  registered = true;
  for (const name of OFFSET_PROPERTIES) {
    try {
      CSS.registerProperty({ name, syntax: '*', inherits: false });
    } catch {
      // Registered already (by another copy of the grid in this document): a property is registered once.
    }
  }
}
