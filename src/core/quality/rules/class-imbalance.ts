import { defineRule } from '../rule';
import type { IngestResult } from '../../table/model';
import { distinctValues, nullMask, numericColumn, TEXT_KINDS } from '../column-values';

const targetName = /^(target|label|labels|class|y|outcome|churn|churned|default|fraud|is_fraud|survived|response|diagnosis|premium|spam)$/i;

/** Rows per value of a text column, in order of first appearance (only the first `beyond` + 1 values when there are more). */
function textCounts(data: IngestResult, c: number, beyond: number): Map<string | number, number> {
  const distinct = distinctValues(data, c);
  const counts = new Map<string | number, number>();
  for (let id = 0; id < Math.min(distinct.size, beyond + 1); id++) counts.set(distinct.text(id), distinct.counts[id]);
  return counts;
}

/** Rows per value of a numeric or boolean column, in order of first appearance (stops past `beyond` values). */
function numberCounts(data: IngestResult, c: number, beyond: number): Map<string | number, number> {
  const mask = nullMask(data, c);
  const numbers = numericColumn(data, c);
  const counts = new Map<string | number, number>();
  for (let r = 0; r < numbers.length && counts.size <= beyond; r++) if (!mask[r]) counts.set(numbers[r], (counts.get(numbers[r]) ?? 0) + 1);
  return counts;
}

export const classImbalance = defineRule({
  id: 'class-imbalance',
  title: 'Class imbalance',
  dimension: 'ml-readiness',
  defaultSeverity: 'information',
  defaultOptions: { maxClasses: 20, minShareTimesClasses: 0.1 },
  description: 'The rarest class of a likely target column is very rare (share < `minShareTimesClasses` / number of classes).',
  docs: `When one class is rare, a classifier can reach high accuracy by never predicting it. Accuracy is then
misleading: look at per-class recall, F1 or ROC-AUC, stratify the split, and consider class weights.

A likely target is a boolean or low-cardinality column named like one (target, label, class, y, outcome,
churn, fraud, survived, …) or, failing that, the last column when it is boolean. The threshold follows
cleanlab's class-imbalance check: the rarest class's share below 0.1 / K for K classes.

**Fix**: nothing to edit in the data; adjust the training (stratified split, class weights, metrics).`,
  check({ data, options, report }) {
    const last = data.columns.length - 1;
    const candidates = data.columns.filter((column, c) => targetName.test(column.name.trim()) || (c === last && column.kind === 'boolean'));
    for (const column of candidates) {
      const c = column.index;
      if (column.kind !== 'boolean' && column.kind !== 'integer' && !TEXT_KINDS.includes(column.kind)) continue;
      const counts = TEXT_KINDS.includes(column.kind) ? textCounts(data, c, options.maxClasses) : numberCounts(data, c, options.maxClasses);
      let n = 0;
      for (const count of counts.values()) n += count;
      const k = counts.size;
      if (k < 2 || k > options.maxClasses) continue;
      const [rarest, rareCount] = [...counts].sort((a, b) => a[1] - b[1])[0];
      const share = rareCount / n;
      if (share >= options.minShareTimesClasses / k) continue;
      const shown = column.kind === 'boolean' ? String(Boolean(rarest)) : String(rarest);
      report({ row: null, columnIndex: c, range: data.source.headerRange(c), evidence: { rareClass: shown, rareRows: rareCount, rows: n, classes: k }, message: `Class "${shown}" of likely target "${column.name}" is rare: ${rareCount} of ${n} rows (${(100 * share).toFixed(1)}%) across ${k} classes.` });
    }
  },
});
