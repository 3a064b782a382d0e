/**
 * How a numeric column built from text reads the cells the plain parsers do not (numbers with units,
 * percent signs, currencies, thousands separators) and, when it writes a unit or currency, its plain
 * numbers: each is read as its number when its unit fits the column's, and listed in `variants` when its
 * form is not the column's. A percent among plain numbers (or a plain number among percents) is x or x/100
 * (x × 100) by the column's scale, known once the other values are read: such cells are pending until then.
 * Shared by the column-at-a-time builder (column-build.ts) and the CSV chunk builder (csv/build.ts), whose
 * chunks settle their pending cells at the scale of the whole column (csv/chunked-read.ts).
 */
import type { NumberFormat, RawCell } from '../table/model';
import { compatibleUnits, isVariantForm, parseWrittenNumber, percentScaled, plainWritten, type WrittenNumber } from './written-number';

/** Returned by {@link WrittenCells.read} for a cell whose value waits for the column's scale. */
export const PENDING = Symbol('pending');

/** A cell whose value waits for the column's scale (plain data: it crosses threads). */
export interface PendingCell {
  row: number;
  written: WrittenNumber;
  text: string;
}

/** The cell being read: its text, and whether its bytes may be a written number (anything besides digits, signs and points). */
export interface CellText {
  text(): string;
  mayBeWritten(): boolean;
}

/** Whether bytes[start, end) hold anything besides digits, signs and points (text of those alone is never a written number). */
export function mayBeWrittenNumber(bytes: Uint8Array, start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    const b = bytes[k];
    if ((b < 0x30 || b > 0x39) && b !== 0x2e && b !== 0x2b && b !== 0x2d) return true;
  }
  return false;
}

export class WrittenCells {
  readonly pending: PendingCell[] = [];
  /** Plain numbers may be in another form than the column's (it writes a unit, a currency, grouping, or percents). */
  readonly plainCanVary: boolean;
  private readonly unit: string;
  private readonly decimalComma: boolean;

  constructor(
    private readonly format: NumberFormat | undefined,
    private readonly column: number,
    private readonly variants: RawCell[],
  ) {
    this.unit = format?.unit ?? '';
    this.decimalComma = format?.decimalComma === true;
    this.plainCanVary = format !== undefined && (format.prefix !== '' || format.suffix !== '' || format.grouped || format.unit === '%' || this.decimalComma || format.accounting === true);
  }

  /** The number of the cell at `row` (`plain`: what the plain parser read, null if nothing), PENDING, or null when it is no number of this column. */
  read(row: number, plain: number | null, cell: CellText): number | null | typeof PENDING {
    let written: WrittenNumber | null;
    if (plain !== null) {
      if (!this.plainCanVary) return plain;
      // Where the decimal mark is a comma, "12.345" is 12345 (a point groups thousands).
      written = (this.decimalComma && !Number.isInteger(plain) ? parseWrittenNumber(cell.text(), true) : null) ?? plainWritten(plain);
    } else {
      written = cell.mayBeWritten() || this.decimalComma ? parseWrittenNumber(cell.text(), this.decimalComma) : null;
      if (!written || !compatibleUnits(written.unit, this.unit) || (written.hoursMinutes && this.unit !== 'min')) return null;
    }
    if ((written.unit === '%') !== (this.unit === '%')) {
      this.pending.push({ row, written, text: cell.text() });
      return PENDING;
    }
    if (isVariantForm(written, this.format)) this.variants.push({ row, column: this.column, text: cell.text() });
    return written.value;
  }
}

/**
 * Reads pending cells at the scale of the column's values (`typical`, their median magnitude); `store` says
 * whether the column could hold a value; the cells it could not hold are `rejected`, those it holds in
 * another form than the column's are `variants` (rows numbered as in `pending`, plus `rowOffset`).
 */
export function settlePending(
  pending: readonly PendingCell[],
  format: NumberFormat | undefined,
  column: number,
  typical: number,
  store: (row: number, value: number) => boolean,
  out: { rejected: RawCell[]; variants: RawCell[] },
  rowOffset = 0,
): void {
  for (const { row, written, text } of pending) {
    const { value } = percentScaled(written, format?.unit ?? '', typical);
    const cell = { row: row + rowOffset, column, text };
    if (!store(row, value)) out.rejected.push(cell);
    else if (isVariantForm(written, format)) out.variants.push(cell);
  }
}

/** Values sampled to find a column's typical magnitude. */
const TYPICAL_SAMPLE = 2048;

/** A column's values in parts (chunks, in row order): Int32 or Float64, with their validity (null: all valid). */
export interface NumericPart {
  values: Int32Array | Float64Array;
  length: number;
  validity: Uint8Array | null;
}

/** The median magnitude of a strided sample of the non-zero values of `valid` valid values over `parts` (NaN when there are none). */
export function typicalMagnitude(parts: readonly NumericPart[], valid: number): number {
  const step = Math.max(1, Math.floor(valid / TYPICAL_SAMPLE));
  const sample: number[] = [];
  let seen = 0;
  for (const { values, length, validity } of parts) {
    for (let r = 0; r < length; r++) {
      if (validity !== null && (validity[r >> 3] & (1 << (r & 7))) === 0) continue;
      if (seen++ % step === 0 && values[r] !== 0 && Number.isFinite(values[r])) sample.push(Math.abs(values[r]));
    }
  }
  sample.sort((a, b) => a - b);
  return sample.length ? sample[sample.length >> 1] : NaN;
}
