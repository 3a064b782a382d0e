/** The training panel: live loss curves of every run of a file, progress, backend, and the final metrics. */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-progress-bar/index.js';
import { Chart, LineController, LineElement, PointElement, LinearScale, LogarithmicScale, ScatterController, Legend, Tooltip } from 'chart.js';
import type { TrainingHostMessage, TrainingWebviewMessage, RunState } from '../../src/shared/protocol/training';
import type { ClassificationMetrics, RegressionMetrics, TrainingResult } from '../../src/core/train/types';
import { connectToHost } from '../shared/vscode-api';
import { el, onThemeChange, readChartTheme } from '../shared/theme';
import { formatDuration, formatNumber } from '../shared/format';
import { applyEvent, lossSeries, newRun, runProgress } from './model';

Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale, ScatterController, Legend, Tooltip);

interface PersistedState {
  runs: RunState[];
  logScale: boolean;
}

const host = connectToHost<TrainingWebviewMessage, TrainingHostMessage, PersistedState>();
const state: PersistedState = host.getState() ?? { runs: [], logScale: false };
const app = document.getElementById('app') as HTMLElement;
let lossChart: Chart<'line'> | undefined;
const resultCharts: Chart[] = [];
const chartBox = el('div', { class: 'chart large', id: 'loss-chart', 'data-points': '0' });
const lossCanvas = el('canvas', { role: 'img', 'aria-label': 'Training and validation loss per epoch' });
chartBox.append(lossCanvas);
const runsBox = el('div', { class: 'runs' });
const logToggle = el('vscode-checkbox' as 'input', { label: 'Log scale' });

function lossDatasets(logScale: boolean) {
  const theme = readChartTheme();
  return state.runs.flatMap((r, i) => {
    // Each run gets a pair of theme colours: train solid, validation dashed in the next colour.
    const train = theme.series[(2 * i) % theme.series.length];
    const validation = theme.series[(2 * i + 1) % theme.series.length];
    const name = state.runs.length > 1 ? `${r.run.label}: ` : '';
    // Markers help to read a few epochs; over a few hundred they only thicken the line.
    const pointRadius = r.points.length > 200 ? 0 : 2;
    return [
      { label: `${name}train`, data: lossSeries(r.points, 'trainLoss', logScale, r.partialPoints), borderColor: train, backgroundColor: train, pointRadius, borderWidth: 2 },
      { label: `${name}validation`, data: lossSeries(r.points, 'validationLoss', logScale), borderColor: validation, backgroundColor: validation, borderDash: [6, 4], pointRadius, borderWidth: 2 },
    ];
  });
}

function drawLossChart(): void {
  const theme = readChartTheme();
  const datasets = lossDatasets(state.logScale);
  const pointCount = datasets.reduce((n, d) => n + d.data.length, 0);
  chartBox.dataset.points = String(pointCount);
  if (lossChart && (lossChart.options.scales?.y as { type?: string } | undefined)?.type === (state.logScale ? 'logarithmic' : 'linear')) {
    lossChart.data.datasets = datasets;
    lossChart.update('none');
    return;
  }
  lossChart?.destroy();
  lossChart = new Chart(lossCanvas, {
    type: 'line',
    data: { datasets },
    options: {
      animation: false,
      maintainAspectRatio: false,
      parsing: false,
      plugins: { legend: { labels: { color: theme.foreground, font: { family: theme.font } } } },
      scales: {
        x: { type: 'linear', title: { display: true, text: 'epoch', color: theme.foreground }, ticks: { color: theme.foreground, precision: 0 }, grid: { color: theme.grid } },
        y: { type: state.logScale ? 'logarithmic' : 'linear', title: { display: true, text: 'loss', color: theme.foreground }, ticks: { color: theme.foreground }, grid: { color: theme.grid } },
      },
    },
  });
}

function metricsTable(result: TrainingResult): HTMLElement {
  const rows: [string, string][] = [];
  if (result.metrics.kind === 'regression') {
    const m: RegressionMetrics = result.metrics;
    rows.push(['MSE', formatNumber(m.mse)], ['RMSE', formatNumber(m.rmse)], ['MAE', formatNumber(m.mae)], ['R²', formatNumber(m.r2)]);
  } else {
    const m: ClassificationMetrics = result.metrics;
    rows.push(['accuracy', formatNumber(m.accuracy)], ['precision', formatNumber(m.precision)], ['recall', formatNumber(m.recall)], ['F1', formatNumber(m.f1)]);
    if (m.rocAuc !== undefined) rows.push(['ROC-AUC', formatNumber(m.rocAuc)]);
  }
  const table = el('table', { class: 'metrics', 'aria-label': 'Test metrics' });
  const caption = { test: 'Metrics on the held-out test split', validation: 'Metrics on the validation split (no test split)', train: 'Metrics on the TRAINING data (no held-out split)' }[result.metricsSplit];
  table.append(el('caption', { class: 'muted' }, caption));
  for (const [k, v] of rows) table.append(el('tr', {}, el('th', {}, k), el('td', { 'data-metric': k }, v)));
  return table;
}

function confusionTable(m: ClassificationMetrics): HTMLElement {
  const table = el('table', { class: 'metrics', 'aria-label': 'Confusion matrix' });
  table.append(el('caption', { class: 'muted' }, 'Confusion matrix (rows: actual, columns: predicted)'));
  table.append(el('tr', {}, el('th', {}, ''), ...m.classes.map((c) => el('th', {}, c))));
  m.confusion.forEach((row, i) => table.append(el('tr', {}, el('th', {}, m.classes[i]), ...row.map((v) => el('td', {}, formatNumber(v))))));
  return table;
}

function coefficientsTable(result: TrainingResult): HTMLElement {
  const table = el('table', { class: 'metrics', 'aria-label': 'Coefficients' });
  table.append(el('caption', { class: 'muted' }, 'Coefficients on the original feature scale'));
  const sorted = [...result.coefficients].sort((a, b) => (a.name === '(intercept)' ? -1 : b.name === '(intercept)' ? 1 : Math.abs(b.value) - Math.abs(a.value)));
  for (const c of sorted.slice(0, 40)) table.append(el('tr', {}, el('th', {}, c.class ? `${c.name} [${c.class}]` : c.name), el('td', {}, formatNumber(c.value))));
  return table;
}

function resultChart(result: TrainingResult): HTMLElement | undefined {
  const theme = readChartTheme();
  const box = el('div', { class: 'chart large' });
  const canvas = el('canvas', { role: 'img' });
  box.append(canvas);
  if (result.metrics.kind === 'regression' && result.predictions?.length) {
    canvas.setAttribute('aria-label', 'Predicted versus actual values');
    const xs = result.predictions.map((p) => p.actual);
    const lo = Math.min(...xs);
    const hi = Math.max(...xs);
    queueMicrotask(() =>
      resultCharts.push(
        new Chart(canvas, {
          type: 'scatter',
          data: {
            datasets: [
              { label: 'test rows', data: result.predictions!.map((p) => ({ x: p.actual, y: p.predicted })), backgroundColor: theme.series[0], pointRadius: 2 },
              { label: 'perfect prediction', type: 'line', data: [{ x: lo, y: lo }, { x: hi, y: hi }], borderColor: theme.series[1], pointRadius: 0, borderWidth: 1 },
            ],
          },
          options: { animation: false, maintainAspectRatio: false, plugins: { legend: { labels: { color: theme.foreground } } }, scales: { x: { title: { display: true, text: 'actual', color: theme.foreground }, ticks: { color: theme.foreground }, grid: { color: theme.grid } }, y: { title: { display: true, text: 'predicted', color: theme.foreground }, ticks: { color: theme.foreground }, grid: { color: theme.grid } } } },
        }),
      ),
    );
    return box;
  }
  if (result.metrics.kind === 'classification' && result.metrics.roc) {
    canvas.setAttribute('aria-label', 'ROC curve');
    const roc = result.metrics.roc;
    queueMicrotask(() =>
      resultCharts.push(
        new Chart(canvas, {
          type: 'line',
          data: { datasets: [{ label: `ROC (AUC ${formatNumber(result.metrics.kind === 'classification' ? (result.metrics.rocAuc ?? NaN) : NaN)})`, data: roc.fpr.map((x, i) => ({ x, y: roc.tpr[i] })), borderColor: theme.series[0], pointRadius: 0 }] },
          options: { animation: false, maintainAspectRatio: false, parsing: false, plugins: { legend: { labels: { color: theme.foreground } } }, scales: { x: { type: 'linear', min: 0, max: 1, title: { display: true, text: 'false positive rate', color: theme.foreground }, ticks: { color: theme.foreground } }, y: { min: 0, max: 1, title: { display: true, text: 'true positive rate', color: theme.foreground }, ticks: { color: theme.foreground } } } },
        }),
      ),
    );
    return box;
  }
  return undefined;
}

function runCard(r: RunState): HTMLElement {
  const card = el('section', { class: 'run', 'data-run': r.run.runId, 'data-status': r.status, 'aria-label': `Run ${r.run.label}` });
  const last = r.points[r.points.length - 1];
  const status = el(
    'div',
    { class: 'status-line' },
    el('strong', {}, r.run.label),
    el('span', { 'data-field': 'status' }, r.status),
    el('span', { 'data-field': 'backend' }, `backend: ${r.backend ?? '…'}`),
    el('span', {}, `epoch ${last?.epoch ?? 0}/${r.run.epochs}`),
    el('span', {}, formatDuration(r.elapsedMs)),
  );
  card.append(el('h2', {}, `${r.run.target} ← ${r.run.features.length ? r.run.features.join(', ') : 'all usable columns'}`), status);
  if (r.backendDetail) card.append(el('div', { class: 'muted' }, r.backendDetail));
  if (r.status === 'running') {
    const fraction = runProgress(r);
    if (r.fold) card.append(el('div', { class: 'muted' }, `Cross-validation: fold ${r.fold.fold} of ${r.fold.folds}`));
    card.append(el('vscode-progress-bar' as 'div', { value: String(Math.min(100, Math.max(0, fraction * 100))), 'aria-label': r.fold ? 'Cross-validation progress' : 'Training progress' }));
    const stop = el('vscode-button' as 'button', { secondary: '' }, 'Stop');
    stop.addEventListener('click', () => host.post({ type: 'stop', runId: r.run.runId }));
    card.append(el('div', { class: 'toolbar' }, stop));
  }
  for (const m of r.messages) card.append(el('div', { class: 'muted' }, m));
  if (r.error) card.append(el('div', { class: 'error-text', role: 'alert' }, r.error));
  if (r.result) {
    card.append(metricsTable(r.result));
    if (r.result.metrics.kind === 'classification') card.append(confusionTable(r.result.metrics));
    const chart = resultChart(r.result);
    if (chart) card.append(chart);
    card.append(coefficientsTable(r.result));
    const toolbar = el('div', { class: 'toolbar' });
    for (const what of ['model', 'metrics', 'loss'] as const) {
      const button = el('vscode-button' as 'button', { secondary: '' }, `Export ${what === 'loss' ? 'loss CSV' : what}`);
      button.addEventListener('click', () => host.post({ type: 'export', runId: r.run.runId, what }));
      toolbar.append(button);
    }
    card.append(toolbar);
  }
  return card;
}

function renderRuns(): void {
  for (const c of resultCharts.splice(0)) c.destroy();
  runsBox.replaceChildren(...state.runs.map(runCard));
}

function render(): void {
  app.setAttribute('aria-busy', state.runs.some((r) => r.status === 'running') ? 'true' : 'false');
  drawLossChart();
  renderRuns();
  host.setState(state);
}

let renderQueued = false;
function scheduleRender(): void {
  if (renderQueued) return;
  renderQueued = true;
  requestAnimationFrame(() => {
    renderQueued = false;
    render();
  });
}

host.onMessage((message) => {
  switch (message.type) {
    case 'run-started':
      // A replay after the webview reloaded replaces the run restored from getState.
      state.runs = [...state.runs.filter((r) => r.run.runId !== message.run.runId), newRun(message.run)];
      break;
    case 'events': {
      const run = state.runs.find((r) => r.run.runId === message.runId);
      if (run) for (const e of message.events) applyEvent(run, e);
      break;
    }
    case 'run-ended': {
      const run = state.runs.find((r) => r.run.runId === message.runId);
      if (run) {
        run.status = message.status;
        if (message.error) run.error = message.error;
      }
      break;
    }
  }
  scheduleRender();
});

logToggle.checked = state.logScale;
logToggle.addEventListener('change', () => {
  state.logScale = logToggle.checked;
  render();
});
app.replaceChildren(el('h1', {}, 'Train linear model'), el('div', { class: 'toolbar' }, logToggle), chartBox, runsBox);
onThemeChange(() => {
  lossChart?.destroy();
  lossChart = undefined;
  render();
});
render();
host.post({ type: 'ready' });
