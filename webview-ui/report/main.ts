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
import type { ReportHostMessage, ReportPanelState, ReportStrings, ReportWebviewMessage } from '../../src/shared/protocol/report';
import type { ColumnProfile } from '../../src/core/profile/types';
import type { Dimension, Finding, Severity } from '../../src/core/quality/finding';
import { connectToHost, readStrings } from '../shared/vscode-api';
import { onThemeChange, readChartTheme } from '../shared/theme';
import { formatNumber, formatPercent, formatStatistic } from '../shared/format';
import { filterFindings, histogramBars, type FindingFilter } from './model';
import { fill } from '../shared/l10n';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

const host = connectToHost<ReportWebviewMessage, ReportHostMessage, ReportPanelState>();
const text = readStrings<ReportStrings>();
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
    [text.type, `${column.kind} (${column.arrowType})${column.unit ? `, ${fill(text.inUnit, column.unit)}` : ''}`],
    [text.missing, `${formatPercent(missing)} (${formatNumber(column.nulls)})`],
    [text.distinct, `${formatNumber(column.distinct)}${column.distinctMethod === 'approximate' ? ` ${text.approximate}` : ''}`],
  ];
  if (column.min !== null) stats.push([text.minMax, `${formatStatistic(column.min, column.kind)} / ${formatStatistic(column.max, column.kind)}`]);
  if (column.mean !== null && column.kind !== 'date' && column.kind !== 'timestamp') stats.push([text.meanStd, `${formatNumber(column.mean)} ± ${formatNumber(column.std)}`]);
  if (column.quantiles) {
    const q = column.quantiles;
    stats.push([text.quantiles, ['p5', 'p25', 'p50', 'p75', 'p95'].map((k) => formatStatistic(q[k] ?? null, column.kind)).join(' · ')]);
  }
  if (column.minLength !== null) stats.push([text.length, `${column.minLength}–${column.maxLength}`]);
  const histogram = column.histogram && column.histogram.length > 0;
  return html`<section class="column-card" data-column=${column.name} aria-label=${fill(text.columnLabel, column.name)}>
    <h3>${column.name} ${findingCount ? html`<vscode-badge variant="counter" title=${fill(text.findingCount, findingCount)}>${findingCount}</vscode-badge>` : nothing}</h3>
    <dl>${stats.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>
    ${histogram
      ? html`<div class="chart"><canvas data-histogram=${column.name} role="img" aria-label=${fill(text.histogramOf, column.name)}></canvas></div>`
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

/** A filter's drop-down: "all", then the values (shown by their labels). */
function select(name: keyof FindingFilter, label: string, values: string[], labelOf: (value: string) => string = (v) => v): TemplateResult {
  return html`<select aria-label=${label} .value=${live(state.filter[name])} @change=${(e: Event) => setFilter(name, (e.target as HTMLSelectElement).value)}>
    <option value="all">${fill(text.all, label)}</option>
    ${values.map((v) => html`<option value=${v} ?selected=${state.filter[name] === v}>${labelOf(v)}</option>`)}
  </select>`;
}

function findingItem(f: Finding, index: number): TemplateResult {
  const where = f.row !== null ? fill(text.atRow, f.row + 1) : f.column ? fill(text.atColumn, f.column) : text.atFile;
  const reveal = () => host.post({ type: 'reveal', findingIndex: index });
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      reveal();
    }
  };
  return html`<li class=${f.severity} tabindex="0" role="button" data-index=${index} title=${text.revealInData} @click=${reveal} @keydown=${onKey}>
    <span class="rule">${f.rule}</span>
    <span class="muted">${where}${f.column && f.row !== null ? ` · ${f.column}` : ''}</span>
    <span>${f.message}</span>
  </li>`;
}

function view(): TemplateResult {
  const report = state.report;
  if (!report) return html`<p class="muted" role="status">${text.checking}</p>`;
  const total = Object.values(report.totals).reduce((a, b) => a + b, 0);
  const { overall, rows, cells, byDimension, cellsByDimension, errors } = report.scores;
  const shares = (rowShare: number, cellShare: number | undefined) => fill(text.cleanShares, formatNumber(rowShare, 3), formatNumber(cellShare ?? 100, 3));
  const perColumn = new Map<string, number>();
  for (const f of report.findings) if (f.column) perColumn.set(f.column, (perColumn.get(f.column) ?? 0) + (f.summaryOf ?? 1));
  const rules = [...new Set(report.findings.map((f) => f.rule))].sort();
  const columnNames = [...new Set(report.findings.map((f) => f.column).filter((c): c is string => !!c))];
  const shown = report.findings.map((f, index) => ({ f, index })).filter(({ f }) => filterFindings(f, state.filter));
  return html`<h1>${report.fileName}</h1>
    <div class="toolbar">
      <span class="muted" role="status">${report.format.toUpperCase()} · ${fill(text.summary, formatNumber(report.rows), report.columns.length, formatNumber(total))}</span>
      <vscode-button secondary @click=${() => host.post({ type: 'recheck' })}>${text.checkAgain}</vscode-button>
      <vscode-button secondary title=${text.cleanDataExplained} @click=${() => host.post({ type: 'clean' })}>${text.cleanData}</vscode-button>
    </div>
    <div class="scores" role="list">
      <div class="score overall" role="listitem" title=${text.scoreExplained}>
        <div class="muted">${text.qualityScore}</div>
        <div class="value">${overall}/100</div>
        <div class="muted">${shares(rows, cells)}${errors ? ` · ${fill(errors === 1 ? text.oneError : text.errors, formatNumber(errors))}` : ''}</div>
      </div>
      ${(Object.entries(byDimension) as [Dimension, number | undefined][]).map(
        ([dimension, score]) =>
          html`<div class="score" role="listitem">
            <div class="muted">${text.dimensions[dimension] ?? dimension}</div>
            <div class="value">${formatNumber(score ?? 0, 3)}</div>
            <div class="muted">${shares(score ?? 0, cellsByDimension[dimension])}</div>
          </div>`,
      )}
    </div>
    <h2>${text.columns}</h2>
    <div class="columns">${repeat(report.columns, (c) => c.name, (c) => columnCard(c, perColumn.get(c.name) ?? 0))}</div>
    <h2>${text.findings}</h2>
    <div class="filters">
      ${select('severity', text.severity, Object.keys(text.severities), (s) => text.severities[s as Severity])} ${select('rule', text.rule, rules)} ${select('column', text.column, columnNames)}
      <input type="search" placeholder=${text.filterMessages} aria-label=${text.filterMessages} .value=${live(state.filter.text)} @input=${(e: Event) => setFilter('text', (e.target as HTMLInputElement).value)} />
    </div>
    <ol class="findings" aria-label=${text.findings}>${repeat(shown, ({ index }) => index, ({ f, index }) => findingItem(f, index))}</ol>`;
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
