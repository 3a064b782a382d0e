/**
 * The quality report: scores, per-column profiles with histograms, and the findings list (click → reveal).
 * Rendered with lit: an update (a new check, a filter) patches the DOM in place, so focus and scroll stay;
 * the summary line is a live region a screen reader announces after each check.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import { html, nothing, render, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { Chart, BarController, BarElement, CategoryScale, LinearScale, Tooltip } from 'chart.js';
import type { ReportHostMessage, ReportPanelState, ReportWebviewMessage } from '../../src/shared/protocol/report';
import type { ColumnProfile } from '../../src/core/profile/types';
import type { Finding } from '../../src/core/quality/finding';
import { connectToHost } from '../shared/vscode-api';
import { onThemeChange, readChartTheme } from '../shared/theme';
import { formatNumber, formatPercent, formatStatistic } from '../shared/format';
import { filterFindings, histogramBars, type FindingFilter } from './model';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

const host = connectToHost<ReportWebviewMessage, ReportHostMessage, ReportPanelState>();
let state: ReportPanelState = host.getState() ?? { filter: { severity: 'all', rule: 'all', column: 'all', text: '' } };
const app = document.getElementById('app') as HTMLElement;
/** Histogram charts, by column name, and the report they were drawn from. */
const charts = new Map<string, Chart>();
let chartsDrawnFor: ReportPanelState['report'];

function histogramChart(canvas: HTMLCanvasElement, column: ColumnProfile): Chart | undefined {
  const bars = histogramBars(column, (v) => formatStatistic(v, column.kind));
  if (!bars) return undefined;
  const theme = readChartTheme();
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels: bars.labels,
      datasets: [{ data: bars.counts, backgroundColor: bars.outlier.map((o) => (o ? theme.series[4] : theme.series[0])), borderWidth: 0, barPercentage: 1, categoryPercentage: 1 }],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      plugins: { legend: { display: false }, tooltip: { enabled: true } },
      scales: {
        x: { ticks: { color: theme.foreground, maxRotation: 0, autoSkip: true, maxTicksLimit: 4, font: { family: theme.font } }, grid: { display: false } },
        y: { ticks: { color: theme.foreground, maxTicksLimit: 3, font: { family: theme.font } }, grid: { color: theme.grid } },
      },
    },
  });
}

/** (Re)draws every histogram on the canvases the last render left (after a new report or a theme change). */
function drawHistograms(): void {
  for (const chart of charts.values()) chart.destroy();
  charts.clear();
  const report = state.report;
  chartsDrawnFor = report;
  if (!report) return;
  for (const canvas of app.querySelectorAll<HTMLCanvasElement>('canvas[data-histogram]')) {
    const column = report.columns.find((c) => c.name === canvas.dataset.histogram);
    const chart = column && histogramChart(canvas, column);
    if (chart && column) charts.set(column.name, chart);
  }
}

function columnCard(column: ColumnProfile, findingCount: number): TemplateResult {
  const missing = column.count ? column.nulls / column.count : 0;
  const stats: [string, string][] = [
    ['type', `${column.kind} (${column.arrowType})${column.unit ? `, in ${column.unit}` : ''}`],
    ['missing', `${formatPercent(missing)} (${formatNumber(column.nulls)})`],
    ['distinct', `${formatNumber(column.distinct)}${column.distinctMethod === 'approximate' ? ' (approx.)' : ''}`],
  ];
  if (column.min !== null) stats.push(['min / max', `${formatStatistic(column.min, column.kind)} / ${formatStatistic(column.max, column.kind)}`]);
  if (column.mean !== null && column.kind !== 'date' && column.kind !== 'timestamp') stats.push(['mean ± std', `${formatNumber(column.mean)} ± ${formatNumber(column.std)}`]);
  if (column.quantiles) {
    const q = column.quantiles;
    stats.push(['p5 · p25 · p50 · p75 · p95', ['p5', 'p25', 'p50', 'p75', 'p95'].map((k) => formatStatistic(q[k] ?? null, column.kind)).join(' · ')]);
  }
  if (column.minLength !== null) stats.push(['length', `${column.minLength}–${column.maxLength}`]);
  const histogram = column.histogram && column.histogram.length > 0;
  return html`<section class="column-card" data-column=${column.name} aria-label=${`Column ${column.name}`}>
    <h3>${column.name} ${findingCount ? html`<vscode-badge variant="counter" title=${`${findingCount} findings`}>${findingCount}</vscode-badge>` : nothing}</h3>
    <dl>${stats.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>
    ${histogram
      ? html`<div class="chart"><canvas data-histogram=${column.name} role="img" aria-label=${`Histogram of ${column.name}`}></canvas></div>`
      : column.topValues.length
        ? html`<ol class="top-values">${column.topValues.slice(0, 5).map((t) => html`<li>${t.value} <span class="muted">× ${formatNumber(t.count)}</span></li>`)}</ol>`
        : nothing}
  </section>`;
}

function setFilter(name: keyof FindingFilter, value: string): void {
  state = { ...state, filter: { ...state.filter, [name]: value } };
  host.setState(state);
  renderApp();
}

function select(name: keyof FindingFilter, label: string, values: string[]): TemplateResult {
  return html`<select aria-label=${label} .value=${live(state.filter[name])} @change=${(e: Event) => setFilter(name, (e.target as HTMLSelectElement).value)}>
    <option value="all">${label}: all</option>
    ${values.map((v) => html`<option value=${v} ?selected=${state.filter[name] === v}>${v}</option>`)}
  </select>`;
}

function findingItem(f: Finding, index: number): TemplateResult {
  const where = f.row !== null ? `row ${f.row + 1}` : f.column ? `column ${f.column}` : 'file';
  const reveal = () => host.post({ type: 'reveal', findingIndex: index });
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      reveal();
    }
  };
  return html`<li class=${f.severity} tabindex="0" role="button" data-index=${index} title="Reveal in the data" @click=${reveal} @keydown=${onKey}>
    <span class="rule">${f.rule}</span>
    <span class="muted">${where}${f.column && f.row !== null ? ` · ${f.column}` : ''}</span>
    <span>${f.message}</span>
  </li>`;
}

function view(): TemplateResult {
  const report = state.report;
  if (!report) return html`<p class="muted" role="status">Checking…</p>`;
  const total = Object.values(report.totals).reduce((a, b) => a + b, 0);
  const { overall, rows, cells, byDimension, cellsByDimension, errors } = report.scores;
  const shares = (rowShare: number, cellShare: number | undefined) => `rows ${formatNumber(rowShare, 3)}% · cells ${formatNumber(cellShare ?? 100, 3)}% clean`;
  const perColumn = new Map<string, number>();
  for (const f of report.findings) if (f.column) perColumn.set(f.column, (perColumn.get(f.column) ?? 0) + (f.summaryOf ?? 1));
  const rules = [...new Set(report.findings.map((f) => f.rule))].sort();
  const columnNames = [...new Set(report.findings.map((f) => f.column).filter((c): c is string => !!c))];
  const shown = report.findings.map((f, index) => ({ f, index })).filter(({ f }) => filterFindings(f, state.filter));
  return html`<h1>${report.fileName}</h1>
    <div class="toolbar">
      <span class="muted" role="status">${report.format.toUpperCase()} · ${formatNumber(report.rows)} rows · ${report.columns.length} columns · ${formatNumber(total)} findings</span>
      <vscode-button secondary @click=${() => host.post({ type: 'recheck' })}>Check again</vscode-button>
    </div>
    <div class="scores" role="list">
      <div class="score overall" role="listitem" title="Share of rows without an error or warning finding; at most 94 when a finding is an error">
        <div class="muted">quality score</div>
        <div class="value">${overall}/100</div>
        <div class="muted">${shares(rows, cells)}${errors ? ` · ${formatNumber(errors)} error${errors === 1 ? '' : 's'}` : ''}</div>
      </div>
      ${Object.entries(byDimension).map(
        ([dimension, score]) =>
          html`<div class="score" role="listitem">
            <div class="muted">${dimension}</div>
            <div class="value">${formatNumber(score ?? 0, 3)}</div>
            <div class="muted">${shares(score ?? 0, cellsByDimension[dimension as keyof typeof cellsByDimension])}</div>
          </div>`,
      )}
    </div>
    <h2>Columns</h2>
    <div class="columns">${repeat(report.columns, (c) => c.name, (c) => columnCard(c, perColumn.get(c.name) ?? 0))}</div>
    <h2>Findings</h2>
    <div class="filters">
      ${select('severity', 'Severity', ['error', 'warning', 'information', 'hint'])} ${select('rule', 'Rule', rules)} ${select('column', 'Column', columnNames)}
      <input type="search" placeholder="Filter messages" aria-label="Filter messages" .value=${live(state.filter.text)} @input=${(e: Event) => setFilter('text', (e.target as HTMLInputElement).value)} />
    </div>
    <ol class="findings" aria-label="Findings">${repeat(shown, ({ index }) => index, ({ f, index }) => findingItem(f, index))}</ol>`;
}

function renderApp(): void {
  app.setAttribute('aria-busy', state.report ? 'false' : 'true');
  render(view(), app);
  if (state.report !== chartsDrawnFor) drawHistograms();
}

host.onMessage((message) => {
  if (message.type === 'state') {
    state = { ...state, report: message.state };
    host.setState(state);
    renderApp();
  }
});
onThemeChange(() => {
  chartsDrawnFor = undefined;
  renderApp();
});
renderApp();
host.post({ type: 'ready' });
