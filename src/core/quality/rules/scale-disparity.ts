import { defineRule } from '../rule';
import { finiteStats, isNumeric, looksLikeIdentifier, numericColumn, strictlyIncreasing } from '../column-values';

export const scaleDisparity = defineRule({
  id: 'scale-disparity',
  title: 'Features on very different scales',
  dimension: 'ml-readiness',
  defaultSeverity: 'information',
  defaultOptions: { ratio: 10000 },
  description: 'The standard deviations of numeric columns differ by more than `ratio`×.',
  docs: `Gradient-based training (and L2 regularization) treats all features alike; a feature in the
millions next to one in thousandths makes the loss surface badly conditioned, so training needs a tiny
learning rate or diverges.

**Fix**: standardize features before training (Dataset Inspector's training does this for you), or
change units.`,
  check({ data, options, report }) {
    const scales = data.columns
      .filter((column) => isNumeric(column) && !looksLikeIdentifier(column.name))
      .map((column) => ({ column, values: numericColumn(data, column.index) }))
      .filter(({ values }) => !strictlyIncreasing(values))
      .map(({ column }) => {
        // Sample standard deviation of the finite values (Welford), 0 below two values.
        const { n, m2 } = finiteStats(data, column.index);
        return { column, std: n > 1 ? Math.sqrt(m2 / (n - 1)) : 0 };
      })
      .filter((s) => s.std > 0);
    if (scales.length < 2) return;
    scales.sort((a, b) => a.std - b.std);
    const smallest = scales[0];
    const largest = scales[scales.length - 1];
    const ratio = largest.std / smallest.std;
    if (ratio <= options.ratio) return;
    report({
      row: null,
      columnIndex: largest.column.index,
      range: data.source.headerRange(largest.column.index),
      evidence: { std: largest.std, otherStd: smallest.std, ratio },
      message: `Column "${largest.column.name}" (std ${largest.std.toPrecision(3)}) is on a scale ${ratio.toExponential(1)}× that of "${smallest.column.name}" (std ${smallest.std.toPrecision(3)}): standardize features before training.`,
      related: [{ row: null, columnIndex: smallest.column.index, message: `"${smallest.column.name}"` }],
    });
  },
});
