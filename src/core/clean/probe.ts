/**
 * Facts about a table's cells that suggest cleaning steps, gathered in one cheap pass over frames: NA
 * tokens, untrimmed text, numbers written with formatting, dates not written as ISO, malformed rows. The
 * planner proposes steps from these and from the check's findings, so it works on any table, not only on
 * what today's rules report.
 */
import type { Frame } from './frame';
import { isCanonicalIsoDate, isMissing, isoDate, parseFormattedNumber, plainNumber } from './values';

export interface ColumnFacts {
  name: string;
  nonMissing: number;
  /** Cells holding an NA token (not empty). */
  naTokens: number;
  /** Cells with leading or trailing white space. */
  untrimmed: number;
  plainNumbers: number;
  /** Cells that are numbers only once formatting is read ("1,234", "$12", "45%", "16 oz"). */
  formattedNumbers: number;
  /** Cells that read as dates, and those of them not written as ISO dates. */
  dates: number;
  nonIsoDates: number;
}

export interface DataFacts {
  rows: number;
  malformedRows: number;
  columns: ColumnFacts[];
}

export class FactsCollector {
  rows = 0;
  malformedRows = 0;
  columns: ColumnFacts[] | undefined;

  constructor(private readonly naTokens: ReadonlySet<string>) {}

  add(frame: Frame): void {
    this.columns ??= frame.schema.map((c) => ({ name: c.name, nonMissing: 0, naTokens: 0, untrimmed: 0, plainNumbers: 0, formattedNumbers: 0, dates: 0, nonIsoDates: 0 }));
    this.rows += frame.length;
    for (let r = 0; r < frame.length; r++) this.malformedRows += frame.malformed[r];
    frame.columns.forEach((cells, c) => {
      const facts = this.columns![c];
      for (const cell of cells) {
        if (cell === null) continue;
        if (isMissing(cell, this.naTokens)) {
          if (cell.trim() !== '') facts.naTokens++;
          continue;
        }
        facts.nonMissing++;
        if (cell.trim() !== cell) facts.untrimmed++;
        if (plainNumber(cell) !== null) {
          facts.plainNumbers++;
          continue;
        }
        if (parseFormattedNumber(cell) !== null || parseFormattedNumber(cell, ',') !== null) {
          facts.formattedNumbers++;
          continue;
        }
        const iso = isoDate(cell, 'DMY');
        if (iso !== null) {
          facts.dates++;
          if (!isCanonicalIsoDate(cell)) facts.nonIsoDates++;
        }
      }
    });
  }

  facts(): DataFacts {
    return { rows: this.rows, malformedRows: this.malformedRows, columns: this.columns ?? [] };
  }
}
