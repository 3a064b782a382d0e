/**
 * Every string the table webview shows, in one place: the host's localized words (TableStrings, written into
 * the page) with their `{0}` … filled in. The bundle holds no English of its own.
 */
import type { TableStrings } from '../../src/shared/protocol/table';
import type { FilterOperator } from './model';
import { formatNumber, formatPercent } from '../shared/format';
import { fill } from '../shared/l10n';
import { readStrings } from '../shared/vscode-api';

const text = readStrings<TableStrings>();

export const messages = {
  gridLabel: (file: string) => fill(text.gridLabel, file),
  reading: (rows: number, share: number) => fill(text.reading, formatNumber(rows), formatPercent(share)),
  paged: text.paged,
  sorting: text.sorting,
  filtering: text.filtering,
  filterColumn: text.filterColumn,
  allColumns: text.allColumns,
  filterOperator: text.filterOperator,
  filterValue: text.filterValue,
  filterPlaceholder: text.filterPlaceholder,
  operators: {
    contains: text.contains,
    '=': '=',
    '!=': '≠',
    '<': '<',
    '<=': '≤',
    '>': '>',
    '>=': '≥',
    missing: text.isMissing,
    present: text.isNotMissing,
  } satisfies Record<FilterOperator, string>,
  onlyFindings: text.onlyFindings,
  check: text.check,
  openText: text.openText,
  findings: (count: number) => fill(text.findingsCount, formatNumber(count)),
  findingsLabel: text.findings,
  notChecked: text.notChecked,
  noFindings: text.noFindings,
  moreFindings: (shown: number, total: number) => fill(text.moreFindings, formatNumber(shown), formatNumber(total)),
  findingWhere: (row: number | null, column: string | null) =>
    [row !== null ? fill(text.atRow, formatNumber(row + 1)) : column ? text.atColumn : text.atFile, column].filter(Boolean).join(' · '),
  missingShare: (share: number) => fill(text.missingShare, formatPercent(share)),
  histogram: (from: string, to: string) => `${from} … ${to}`,
  topValues: (values: { value: string; share: number }[]) => values.map((v) => `${v.value} ${formatPercent(v.share)}`).join(', '),
  sortHint: text.sortHint,
  sortState: { asc: text.sortedAscending, desc: text.sortedDescending },
  missingCell: text.missingCell,
  naCell: (value: string) => fill(text.naCell, value),
  rejectedCell: (value: string) => fill(text.rejectedCell, value),
  notInView: text.notInView,
  openFailed: (message: string) => fill(text.openFailed, message),
  /** The view line's words (viewLine and rowsOf in model.ts). */
  viewLineWords: text,
};
