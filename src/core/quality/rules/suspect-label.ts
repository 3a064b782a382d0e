import { defineRule } from '../rule';
import { findSuspectLabels, SUSPECT_DEFAULTS } from '../../train/suspect-labels';

function shown(value: string | number): string {
  return typeof value === 'number' ? String(Number(value.toPrecision(6))) : `"${value}"`;
}

export const suspectLabel = defineRule({
  id: 'suspect-label',
  title: 'Suspect label',
  dimension: 'accuracy',
  defaultSeverity: 'warning',
  defaultOptions: { target: '', features: [] as string[], folds: SUSPECT_DEFAULTS.folds, seed: SUSPECT_DEFAULTS.seed, minErrorProbability: SUSPECT_DEFAULTS.minErrorProbability },
  description: 'A row\'s label (the column set in `target`) is probably wrong, judged by what a linear model (straight, or bending at each numeric feature\'s quintiles) trained on the other rows predicts for it.',
  docs: `Mislabelled rows teach a model the wrong answer and make its test metrics lie. Each row is predicted
by a linear model (logistic/softmax regression for classes, least squares for numbers) trained on the other
\`folds\` − 1 folds, so no row grades its own label; features are prepared as for training. Two such models
are fitted: one on the features as they are, and one that bends at each numeric feature's quintiles (hinges,
an additive model: it follows a label that changes above some weight or only within a band); the one whose
predictions fit the held-out labels better is used, and the check's notes say which. Each fold trains on at
most 5,000 rows (a seeded sample beyond that), so the time stops growing with the file. A noise model
fitted to those predictions by maximum likelihood estimates how many labels are wrong and, for each row, the
probability that its label is one of them; a row is reported when that probability exceeds
\`minErrorProbability\` (default ½: more likely wrong than right).

- **Classes** (symmetric label noise): the given label is right with probability 1 − ε, otherwise any other
  class. The model's probabilities are recalibrated (a temperature) together with ε. A label is reported
  when it is probably wrong and another class is more probable (the suggestion).
- **Numbers**: a right value lies near its prediction (a heavy-tailed Student-t residual), a wrong one is
  unrelated to its row (drawn from the column's own distribution).

**How far to trust it.** A clean file gets few or no findings: the share of wrong labels is estimated from
the data, not fixed. But the model can only single out the wrong labels it predicts confidently. On
public tables with 5% of the labels planted wrong (\`npm run bench clean\`, precision / recall): where the
model predicts the label well (penguins' species, 94% out-of-fold accuracy) it finds them all, 1.00 / 1.00;
where it predicts poorly it reports a fraction of them, mostly right — car origin (75%) 0.92 / 0.42, weather
type (75%) 0.96 / 0.28 — since a wrong label the model could itself have predicted wrongly looks like its
own error; on the weakest, occupation (52%) and house prices swapped between rows (R² 0.73), fewer than half
of the findings are right (0.37 and 0.41; a fifth of those swaps change the price by less than 2, which no
model could tell from noise). Set \`minErrorProbability\` to 0.8 for fewer, surer findings (car origin
0.94 / 0.27, weather 1.00 / 0.10, occupation 0.50 / 0.11, house prices 0.51 / 0.29) at the cost of missing
some the model could find (penguins over 30 seeds: recall 0.92 instead of 0.97). The check's notes give the
out-of-fold accuracy (or R²) and the estimated number of wrong labels beside the number reported. Treat
findings as rows to review.

**Fix**: correct the label, or drop the row ("Clean data…" → drop suspect labels).`,
  check({ data, options, report }) {
    const target = String(options.target ?? '').trim();
    if (!target) return;
    const columnIndex = data.columns.findIndex((c) => c.name === target);
    if (columnIndex < 0) throw new Error(`target "${target}" is not a column of the file`);
    const result = findSuspectLabels(
      { table: data.table, columns: data.columns },
      { target, features: options.features as string[], folds: options.folds as number, seed: options.seed as number, minErrorProbability: options.minErrorProbability as number },
    );
    for (const s of result.suspects) {
      const message =
        s.predictedProbability !== undefined
          ? `Label ${shown(s.given)} of "${target}" looks wrong: a model trained on the other rows predicts ${shown(s.predicted)} (p = ${s.predictedProbability.toFixed(2)}); ` +
            `it gives ${shown(s.given)} p = ${s.score.toFixed(2)}, where rows labelled so typically get ${(s.typicalConfidence ?? 0).toFixed(2)} (probability the label is wrong: ${s.errorProbability.toFixed(2)}).`
          : `"${target}" = ${shown(s.given)} is far from the out-of-fold prediction ${shown(s.predicted)} (standardized residual ${s.score.toFixed(1)}; probability the value is wrong: ${s.errorProbability.toFixed(2)}).`;
      report({
        row: s.row,
        columnIndex,
        message,
        value: String(s.given),
        evidence:
          s.predictedProbability !== undefined
            ? { predicted: String(s.predicted), predictedProbability: s.predictedProbability, labelProbability: s.score, typicalConfidence: s.typicalConfidence ?? 0, errorProbability: s.errorProbability }
            : { predicted: s.predicted, standardizedResidual: s.score, errorProbability: s.errorProbability },
      });
    }
  },
});
