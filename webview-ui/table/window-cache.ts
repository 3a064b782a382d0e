/**
 * The rows the grid has: blocks of view rows × columns received from the host, at most `maxBlocks` of them
 * (least recently used dropped first), so the webview's memory does not depend on the file's row count.
 * Pure (no DOM): unit-tested.
 */
import { GRID_BLOCK, type CellMark, type GridCell, type RowWindow } from '../../src/shared/protocol/table';

export interface BlockRequest {
  key: string;
  start: number;
  count: number;
  c0: number;
  c1: number;
}

interface Block {
  window: RowWindow;
  /** Marks by window row, then by column (-1: the whole row). */
  marks: Map<number, Map<number, CellMark[]>>;
}

const NO_MARKS: readonly CellMark[] = [];

export class WindowCache {
  private readonly blocks = new Map<string, Block>();
  private readonly pending = new Set<string>();

  constructor(
    readonly blockRows: number = GRID_BLOCK.rows,
    readonly blockColumns: number = GRID_BLOCK.columns,
    readonly maxBlocks = 48,
  ) {}

  private key(rowBlock: number, columnBlock: number): string {
    return `${rowBlock}:${columnBlock}`;
  }

  get size(): number {
    return this.blocks.size;
  }

  /** Forgets every block (the view changed). */
  clear(): void {
    this.lastFound = null;
    this.blocks.clear();
    this.pending.clear();
  }

  /** Whether every block covering rows [y0, y1) × columns [x0, x1) has arrived. */
  holds(y0: number, y1: number, x0: number, x1: number): boolean {
    for (let rb = Math.floor(Math.max(0, y0) / this.blockRows); rb * this.blockRows < y1; rb++) {
      for (let cb = Math.floor(Math.max(0, x0) / this.blockColumns); cb * this.blockColumns < x1; cb++) if (!this.blocks.has(this.key(rb, cb))) return false;
    }
    return true;
  }

  /** Blocks covering rows [y0, y1) × columns [x0, x1) of `rowCount` × `columnCount` that are neither cached nor asked for; marks them asked for. */
  missing(y0: number, y1: number, x0: number, x1: number, rowCount: number, columnCount: number): BlockRequest[] {
    const out: BlockRequest[] = [];
    const lastRow = Math.min(y1, rowCount);
    const lastColumn = Math.min(x1, columnCount);
    for (let rb = Math.floor(Math.max(0, y0) / this.blockRows); rb * this.blockRows < lastRow; rb++) {
      for (let cb = Math.floor(Math.max(0, x0) / this.blockColumns); cb * this.blockColumns < lastColumn; cb++) {
        const key = this.key(rb, cb);
        const block = this.blocks.get(key);
        if (block) {
          // Recently used: to the end of the LRU order.
          this.blocks.delete(key);
          this.blocks.set(key, block);
          continue;
        }
        if (this.pending.has(key)) continue;
        this.pending.add(key);
        const start = rb * this.blockRows;
        const c0 = cb * this.blockColumns;
        out.push({ key, start, count: Math.min(this.blockRows, rowCount - start), c0, c1: Math.min(columnCount, c0 + this.blockColumns) });
      }
    }
    return out;
  }

  /** A block that came without being asked for (the first rows of a file); false unless it is one whole block. */
  seed(window: RowWindow, rowCount: number, columnCount: number): boolean {
    const { start, firstColumn } = window;
    const whole = start % this.blockRows === 0 && firstColumn % this.blockColumns === 0 && window.rowNumbers.length === Math.min(this.blockRows, rowCount - start) && (window.cells[0]?.length ?? 0) === Math.min(this.blockColumns, columnCount - firstColumn);
    if (!whole) return false;
    const key = this.key(start / this.blockRows, firstColumn / this.blockColumns);
    this.pending.add(key);
    return this.put(key, window);
  }

  /** A requested block arrived (ignored when it was not asked for since the last clear). */
  put(key: string, window: RowWindow): boolean {
    if (!this.pending.delete(key)) return false;
    const marks = new Map<number, Map<number, CellMark[]>>();
    for (const mark of window.marks) {
      const byColumn = marks.get(mark.row) ?? new Map<number, CellMark[]>();
      marks.set(mark.row, byColumn);
      const column = mark.column ?? -1;
      byColumn.set(column, [...(byColumn.get(column) ?? []), mark]);
    }
    this.blocks.set(key, { window, marks });
    this.lastFound = null;
    while (this.blocks.size > this.maxBlocks) this.blocks.delete(this.blocks.keys().next().value as string);
    return true;
  }

  /** A request failed: it may be asked for again. */
  forget(key: string): void {
    this.pending.delete(key);
  }

  // The grid reads every cell on screen twice a drawn frame (its text, then its classes): each read is one
  // lookup, with no object built.

  /** The cell at view row `row`, column `column` (undefined: its block is not here). */
  cell(row: number, column: number): GridCell | undefined {
    const block = this.blockOf(row, column);
    if (!block) return undefined;
    const { window } = block;
    return window.cells[row - window.start]?.[column - window.firstColumn];
  }

  /** The file's row number of view row `row`, as far as the block of `column` holds it. */
  rowNumber(row: number, column: number): number | undefined {
    const block = this.blockOf(row, column);
    return block?.window.rowNumbers[row - block.window.start];
  }

  /** Findings on cell (`row`, `column`), or on the whole row for column -1 (read from the block of `blockColumn`), worst first. */
  marks(row: number, column: number, blockColumn = column): readonly CellMark[] {
    const block = this.blockOf(row, blockColumn);
    return block?.marks.get(row - block.window.start)?.get(column) ?? NO_MARKS;
  }

  /** The block found last (consecutive reads mostly fall in one block): forgotten whenever blocks come or go. */
  private lastFound: { rowBlock: number; columnBlock: number; block: Block } | null = null;

  private blockOf(row: number, column: number): Block | undefined {
    const rowBlock = Math.floor(row / this.blockRows);
    const columnBlock = Math.floor(column / this.blockColumns);
    const last = this.lastFound;
    if (last && last.rowBlock === rowBlock && last.columnBlock === columnBlock) return last.block;
    const block = this.blocks.get(this.key(rowBlock, columnBlock));
    if (block) this.lastFound = { rowBlock, columnBlock, block };
    return block;
  }
}
