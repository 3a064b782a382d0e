/**
 * The training panel: live loss curves of every run of a file, progress, backend, and the final metrics.
 * Rendered with lit: each update patches the DOM in place (the Stop button keeps keyboard focus while the
 * run streams), charts live on canvases that persist between renders, and the status and results are
 * live regions a screen reader announces.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-progress-bar/index.js';
import { html, nothing, render, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { repeat } from 'lit/directives/repeat.js';
import { Chart, LineController, LineElement, PointElement, LinearScale, LogarithmicScale, ScatterController, Legend, Tooltip, type ChartConfiguration } from 'chart.js';
import type { TrainingHostMessage, TrainingWebviewMessage, RunState, TrainingPanelState } from '../../src/shared/protocol/training';
import type { ClassificationMetrics, TrainingResult } from '../../src/core/train/types';
import { connectToHost } from '../shared/vscode-api';
import { onThemeChange, readChartTheme } from '../shared/theme';
import { formatDuration, formatNumber } from '../shared/format';
import { applyEvent, lossSeries, newRun, runProgress } from './model';

Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale, ScatterController, Legend, Tooltip);

const host = connectToHost<TrainingWebviewMessage, TrainingHostMessage, TrainingPanelState>();
const state: TrainingPanelState = host.getState() ?? { runs: [], logScale: false };
const app = document.getElementById('app') as HTMLElement;
let lossChart: Chart<'line'> | undefined;
let lossCanvas: HTMLCanvasElement | undefined;
/** The predicted-vs-actual or ROC chart of each finished run, on the canvas it was drawn on. */
const resultCharts = new Map<string, { canvas: HTMLCanvasElement; chart: Chart }>();

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

type LossDatasets = ReturnType<typeof lossDatasets>;

function drawLossChart(datasets: LossDatasets): void {
  if (!lossCanvas) return;
  const theme = readChartTheme();
  const yType = state.logScale ? 'logarithmic' : 'linear';
  if (lossChart && lossChart.canvas === lossCanvas && (lossChart.options.scales?.y as { type?: string } | undefined)?.type === yType) {
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
        y: { type: yType, title: { display: true, text: 'loss', color: theme.foreground }, ticks: { color: theme.foreground }, grid: { color: theme.grid } },
      },
    },
  });
}

function resultChartConfig(result: TrainingResult): ChartConfiguration | undefined {
  const theme = readChartTheme();
  const axis = (text: string) => ({ title: { display: true, text, color: theme.foreground }, ticks: { color: theme.foreground }, grid: { color: theme.grid } });
  const legend = { legend: { labels: { color: theme.foreground } } };
  if (result.metrics.kind === 'regression' && result.predictions?.length) {
    const xs = result.predictions.map((p) => p.actual);
    const lo = Math.min(...xs);
    const hi = Math.max(...xs);
    return {
      type: 'scatter',
      data: {
        datasets: [
          { label: 'test rows', data: result.predictions.map((p) => ({ x: p.actual, y: p.predicted })), backgroundColor: theme.series[0], pointRadius: 2 },
          { label: 'perfect prediction', type: 'line', data: [{ x: lo, y: lo }, { x: hi, y: hi }], borderColor: theme.series[1], pointRadius: 0, borderWidth: 1 },
        ],
      },
      options: { animation: false, maintainAspectRatio: false, plugins: legend, scales: { x: axis('actual'), y: axis('predicted') } },
    };
  }
  if (result.metrics.kind === 'classification' && result.metrics.roc) {
    const roc = result.metrics.roc;
    return {
      type: 'line',
      data: { datasets: [{ label: `ROC (AUC ${formatNumber(result.metrics.rocAuc ?? NaN)})`, data: roc.fpr.map((x, i) => ({ x, y: roc.tpr[i] })), borderColor: theme.series[0], pointRadius: 0 }] },
      options: {
        animation: false,
        maintainAspectRatio: false,
        parsing: false,
        plugins: legend,
        scales: { x: { type: 'linear', min: 0, max: 1, ...axis('false positive rate') }, y: { min: 0, max: 1, ...axis('true positive rate') } },
      },
    };
  }
  return undefined;
}

/** Draws a run's result chart once on its canvas (again only when the canvas or the theme changes). */
function attachResultChart(runId: string, result: TrainingResult, canvas: Element | undefined): void {
  const existing = resultCharts.get(runId);
  if (existing && existing.canvas === canvas) return;
  existing?.chart.destroy();
  resultCharts.delete(runId);
  const config = resultChartConfig(result);
  if (canvas instanceof HTMLCanvasElement && config) resultCharts.set(runId, { canvas, chart: new Chart(canvas, config) });
}

function metricsTable(result: TrainingResult): TemplateResult {
  const m = result.metrics;
  const rows: [string, number][] =
    m.kind === 'regression'
      ? [['MSE', m.mse], ['RMSE', m.rmse], ['MAE', m.mae], ['R²', m.r2]]
      : [['accuracy', m.accuracy], ['precision', m.precision], ['recall', m.recall], ['F1', m.f1], ...(m.rocAuc !== undefined ? [['ROC-AUC', m.rocAuc] as [string, number]] : [])];
  const caption = { test: 'Metrics on the held-out test split', validation: 'Metrics on the validation split (no test split)', train: 'Metrics on the TRAINING data (no held-out split)' }[result.metricsSplit];
  return html`<table class="metrics" aria-label="Test metrics">
    <caption class="muted">${caption}</caption>
    ${rows.map(([k, v]) => html`<tr><th>${k}</th><td data-metric=${k}>${formatNumber(v)}</td></tr>`)}
  </table>`;
}

function confusionTable(m: ClassificationMetrics): TemplateResult {
  return html`<table class="metrics" aria-label="Confusion matrix">
    <caption class="muted">Confusion matrix (rows: actual, columns: predicted)</caption>
    <tr><th></th>${m.classes.map((c) => html`<th>${c}</th>`)}</tr>
    ${m.confusion.map((row, i) => html`<tr><th>${m.classes[i]}</th>${row.map((v) => html`<td>${formatNumber(v)}</td>`)}</tr>`)}
  </table>`;
}

function coefficientsTable(result: TrainingResult): TemplateResult {
  const sorted = [...result.coefficients].sort((a, b) => (a.name === '(intercept)' ? -1 : b.name === '(intercept)' ? 1 : Math.abs(b.value) - Math.abs(a.value)));
  return html`<table class="metrics" aria-label="Coefficients">
    <caption class="muted">Coefficients on the original feature scale</caption>
    ${sorted.slice(0, 40).map((c) => html`<tr><th>${c.class ? `${c.name} [${c.class}]` : c.name}</th><td>${formatNumber(c.value)}</td></tr>`)}
  </table>`;
}

function results(r: RunState, result: TrainingResult): TemplateResult {
  const chartLabel = result.metrics.kind === 'regression' ? 'Predicted versus actual values' : 'ROC curve';
  return html`${metricsTable(result)} ${result.metrics.kind === 'classification' ? confusionTable(result.metrics) : nothing}
    ${resultChartConfig(result)
      ? html`<div class="chart large"><canvas role="img" aria-label=${chartLabel} ${ref((canvas) => attachResultChart(r.run.runId, result, canvas))}></canvas></div>`
      : nothing}
    ${coefficientsTable(result)}
    <div class="toolbar">
      ${(['model', 'metrics', 'loss'] as const).map(
        (what) => html`<vscode-button secondary @click=${() => host.post({ type: 'export', runId: r.run.runId, what })}>Export ${what === 'loss' ? 'loss CSV' : what}</vscode-button>`,
      )}
    </div>`;
}

function runCard(r: RunState): TemplateResult {
  const last = r.points[r.points.length - 1];
  const running = r.status === 'running';
  return html`<section class="run" data-run=${r.run.runId} data-status=${r.status} aria-label=${`Run ${r.run.label}`}>
    <h2>${r.run.target} ← ${r.run.features.length ? r.run.features.join(', ') : 'all usable columns'}</h2>
    <div class="status-line">
      <strong>${r.run.label}</strong>
      <span data-field="status" role="status">${r.status}</span>
      <span data-field="backend">backend: ${r.backend ?? '…'}</span>
      <span>epoch ${last?.epoch ?? 0}/${r.run.epochs}</span>
      <span>${formatDuration(r.elapsedMs)}</span>
    </div>
    ${r.backendDetail ? html`<div class="muted">${r.backendDetail}</div>` : nothing}
    ${running && r.fold ? html`<div class="muted">Cross-validation: fold ${r.fold.fold} of ${r.fold.folds}</div>` : nothing}
    ${running
      ? html`<vscode-progress-bar value=${String(Math.min(100, Math.max(0, runProgress(r) * 100)))} aria-label=${r.fold ? 'Cross-validation progress' : 'Training progress'}></vscode-progress-bar>
          <div class="toolbar"><vscode-button secondary @click=${() => host.post({ type: 'stop', runId: r.run.runId })}>Stop</vscode-button></div>`
      : nothing}
    ${r.messages.map((m) => html`<div class="muted">${m}</div>`)}
    ${r.error ? html`<div class="error-text" role="alert">${r.error}</div>` : nothing}
    <div class="results" aria-live="polite">${r.result ? results(r, r.result) : nothing}</div>
  </section>`;
}

function onLogScaleChange(event: Event): void {
  state.logScale = (event.target as HTMLInputElement).checked;
  renderApp();
}

function view(lossPoints: number): TemplateResult {
  return html`<h1>Train linear model</h1>
    <div class="toolbar"><vscode-checkbox label="Log scale" .checked=${state.logScale} @change=${onLogScaleChange}></vscode-checkbox></div>
    <div class="chart large" id="loss-chart" data-points=${String(lossPoints)}>
      <canvas role="img" aria-label="Training and validation loss per epoch" ${ref((canvas) => (lossCanvas = canvas as HTMLCanvasElement | undefined))}></canvas>
    </div>
    <div class="runs">${repeat(state.runs, (r) => r.run.runId, runCard)}</div>`;
}

function renderApp(): void {
  app.setAttribute('aria-busy', state.runs.some((r) => r.status === 'running') ? 'true' : 'false');
  const datasets = lossDatasets(state.logScale);
  render(view(datasets.reduce((n, d) => n + d.data.length, 0)), app);
  drawLossChart(datasets);
  host.setState(state);
}

let renderQueued = false;
function scheduleRender(): void {
  if (renderQueued) return;
  renderQueued = true;
  requestAnimationFrame(() => {
    renderQueued = false;
    renderApp();
  });
}

host.onMessage((message) => {
  switch (message.type) {
    case 'run-started':
      // A replay after the webview reloaded replaces the run restored from getState.
      state.runs = [...state.runs.filter((r) => r.run.runId !== message.run.runId), newRun(message.run)];
      break;
    case 'run-restored': {
      // After a window reload the host hands back the state it kept (a run cut short says so).
      const index = state.runs.findIndex((r) => r.run.runId === message.state.run.runId);
      if (index >= 0) state.runs[index] = message.state;
      else state.runs.push(message.state);
      break;
    }
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

onThemeChange(() => {
  lossChart?.destroy();
  lossChart = undefined;
  for (const [runId, { canvas }] of [...resultCharts]) {
    const run = state.runs.find((r) => r.run.runId === runId);
    resultCharts.get(runId)?.chart.destroy();
    resultCharts.delete(runId);
    if (run?.result) attachResultChart(runId, run.result, canvas);
  }
  renderApp();
});
renderApp();
host.post({ type: 'ready' });
