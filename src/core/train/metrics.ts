/**
 * Evaluation metrics in plain TypeScript (double precision): regression MSE/RMSE/MAE/R²; classification
 * accuracy, precision/recall/F1 (the positive class for binary, macro averages for multiclass), confusion
 * matrix, ROC curve and ROC-AUC (binary). Conventions follow scikit-learn: a class never predicted has
 * precision 0, macro F1 is the mean of per-class F1 scores, AUC ties count one half.
 */
import type { ClassificationMetrics, Coefficient, RegressionMetrics, TaskKind } from './types';

export function regressionMetrics(actual: ArrayLike<number>, predicted: ArrayLike<number>): RegressionMetrics {
  const n = actual.length;
  if (n !== predicted.length) throw new Error(`regressionMetrics: ${n} actual values but ${predicted.length} predictions`);
  if (n === 0) return { kind: 'regression', mse: NaN, rmse: NaN, mae: NaN, r2: NaN };
  let mean = 0;
  for (let i = 0; i < n; i++) mean += actual[i];
  mean /= n;
  let sse = 0;
  let sae = 0;
  let sst = 0;
  for (let i = 0; i < n; i++) {
    const e = actual[i] - predicted[i];
    sse += e * e;
    sae += Math.abs(e);
    sst += (actual[i] - mean) * (actual[i] - mean);
  }
  const mse = sse / n;
  // R² is undefined for a constant actual; scikit-learn reports 1 for a perfect fit and 0 otherwise.
  const r2 = sst > 0 ? 1 - sse / sst : sse === 0 ? 1 : 0;
  return { kind: 'regression', mse, rmse: Math.sqrt(mse), mae: sae / n, r2 };
}

/** Rows = actual class, columns = predicted class. */
export function confusionMatrix(actual: ArrayLike<number>, predicted: ArrayLike<number>, classCount: number): number[][] {
  const m = Array.from({ length: classCount }, () => new Array<number>(classCount).fill(0));
  for (let i = 0; i < actual.length; i++) m[actual[i]][predicted[i]]++;
  return m;
}

export interface RocCurve {
  fpr: number[];
  tpr: number[];
  auc: number;
}

/**
 * ROC curve of scores for the positive class (label 1), one point per distinct threshold (thinned to at
 * most `maxPoints`), and the exact AUC (Mann–Whitney, ties one half). NaN AUC when a class is absent.
 */
export function rocCurve(labels: ArrayLike<number>, scores: ArrayLike<number>, maxPoints = 512): RocCurve {
  const n = labels.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b] - scores[a]);
  let positives = 0;
  for (let i = 0; i < n; i++) if (labels[i] === 1) positives++;
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return { fpr: [0, 1], tpr: [0, 1], auc: NaN };
  const fpr: number[] = [0];
  const tpr: number[] = [0];
  let tp = 0;
  let fp = 0;
  let auc = 0;
  for (let i = 0; i < n; ) {
    const s = scores[order[i]];
    let dtp = 0;
    let dfp = 0;
    while (i < n && scores[order[i]] === s) {
      if (labels[order[i]] === 1) dtp++;
      else dfp++;
      i++;
    }
    // Trapezoid over the tied block = Mann–Whitney with ties counted one half.
    auc += dfp * (tp + dtp / 2);
    tp += dtp;
    fp += dfp;
    fpr.push(fp / negatives);
    tpr.push(tp / positives);
  }
  auc /= positives * negatives;
  if (fpr.length > maxPoints) {
    const step = (fpr.length - 1) / (maxPoints - 1);
    const keep = new Set<number>();
    for (let k = 0; k < maxPoints; k++) keep.add(Math.round(k * step));
    const f: number[] = [];
    const t: number[] = [];
    for (const idx of [...keep].sort((a, b) => a - b)) {
      f.push(fpr[idx]);
      t.push(tpr[idx]);
    }
    return { fpr: f, tpr: t, auc };
  }
  return { fpr, tpr, auc };
}

/**
 * Classification metrics. `actual`/`predicted` are class indices into `classes`. For binary tasks,
 * precision/recall/F1 are those of the positive class (`classes[1]`) and `positiveScores` (probability of
 * the positive class) gives ROC and AUC; for multiclass they are macro averages over the classes.
 */
export function classificationMetrics(
  actual: ArrayLike<number>,
  predicted: ArrayLike<number>,
  classes: string[],
  positiveScores?: ArrayLike<number>,
): ClassificationMetrics {
  const k = classes.length;
  const n = actual.length;
  const confusion = confusionMatrix(actual, predicted, k);
  let correct = 0;
  for (let c = 0; c < k; c++) correct += confusion[c][c];
  const perClass = (c: number) => {
    const tp = confusion[c][c];
    let predictedC = 0;
    let actualC = 0;
    for (let j = 0; j < k; j++) {
      predictedC += confusion[j][c];
      actualC += confusion[c][j];
    }
    const precision = predictedC > 0 ? tp / predictedC : 0;
    const recall = actualC > 0 ? tp / actualC : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    return { precision, recall, f1 };
  };
  let precision: number;
  let recall: number;
  let f1: number;
  if (k === 2) {
    ({ precision, recall, f1 } = perClass(1));
  } else {
    precision = 0;
    recall = 0;
    f1 = 0;
    for (let c = 0; c < k; c++) {
      const m = perClass(c);
      precision += m.precision / k;
      recall += m.recall / k;
      f1 += m.f1 / k;
    }
  }
  const metrics: ClassificationMetrics = {
    kind: 'classification',
    accuracy: n > 0 ? correct / n : NaN,
    precision,
    recall,
    f1,
    confusion,
    classes,
  };
  if (k === 2 && positiveScores) {
    const roc = rocCurve(actual, positiveScores);
    metrics.rocAuc = roc.auc;
    metrics.roc = { fpr: roc.fpr, tpr: roc.tpr };
  }
  return metrics;
}

/** Mean and sample standard deviation (n − 1); std 0 for a single value. */
export function meanStd(values: number[]): { mean: number; std: number } {
  const n = values.length;
  if (n === 0) return { mean: NaN, std: NaN };
  const mean = values.reduce((s, v) => s + v, 0) / n;
  if (n === 1) return { mean, std: 0 };
  const variance = values.reduce((s, v) => s + (v - mean) * (v - mean), 0) / (n - 1);
  return { mean, std: Math.sqrt(variance) };
}

/**
 * Coefficients on the original feature scale from weights learned on standardized inputs
 * (z_j = (x_j − center_j) / scale_j) and, for regression, a standardized target
 * (y = targetCenter + targetScale · ŷ):  w_j' = targetScale · w_j / scale_j,
 * b' = targetCenter + targetScale · (b − Σ w_j · center_j / scale_j).
 * `weights` is inputs × outputs row-major; one output (regression, binary) or one per class.
 */
export function originalScaleCoefficients(options: {
  task: TaskKind;
  inputNames: string[];
  classes?: string[];
  weights: ArrayLike<number>;
  bias: ArrayLike<number>;
  center: ArrayLike<number>;
  scale: ArrayLike<number>;
  targetCenter: number;
  targetScale: number;
}): Coefficient[] {
  const { task, inputNames, weights, bias, center, scale } = options;
  const d = inputNames.length;
  const outputs = bias.length;
  const ts = task === 'regression' ? options.targetScale : 1;
  const tc = task === 'regression' ? options.targetCenter : 0;
  const out: Coefficient[] = [];
  for (let k = 0; k < outputs; k++) {
    const className = task === 'multiclass-classification' ? options.classes?.[k] : undefined;
    let intercept = bias[k];
    const values: number[] = [];
    for (let j = 0; j < d; j++) {
      const w = weights[j * outputs + k];
      values.push((ts * w) / scale[j]);
      intercept -= (w * center[j]) / scale[j];
    }
    const add = (name: string, value: number) => {
      const c: Coefficient = { name, value };
      if (className !== undefined) c.class = className;
      out.push(c);
    };
    add('(intercept)', tc + ts * intercept);
    for (let j = 0; j < d; j++) add(inputNames[j], values[j]);
  }
  return out;
}
