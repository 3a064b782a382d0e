/** The quality report: scores, per-column profiles with histograms, and the findings list (click → reveal). */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import { Chart, BarController, BarElement, CategoryScale, LinearScale, Tooltip } from 'chart.js';
import type { ReportHostMessage, ReportState, ReportWebviewMessage } from '../../src/shared/protocol/report';
import type { ColumnProfile } from '../../src/core/profile/types';
import { connectToHost } from '../shared/vscode-api';
import { el, onThemeChange, readChartTheme } from '../shared/theme';
import { formatNumber, formatPercent, formatStatistic } from '../shared/format';
import { filterFindings, histogramBars, type FindingFilter } from './model';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

interface PersistedState {
  report?: ReportState;
  filter: FindingFilter;
}

const host = connectToHost<ReportWebviewMessage, ReportHostMessage, PersistedState>();
let state: PersistedState = host.getState() ?? { filter: { severity: 'all', rule: 'all', column: 'all', text: '' } };
const charts: Chart[] = [];
const app = document.getElementById('app') as HTMLElement;

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

function columnCard(column: ColumnProfile, findingCount: number): HTMLElement {
  const missing = column.count ? column.nulls / column.count : 0;
  const stats: [string, string][] = [
    ['type', `${column.kind} (${column.arrowType})`],
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
  const dl = el('dl');
  for (const [k, v] of stats) dl.append(el('dt', {}, k), el('dd', {}, v));
  const badge = findingCount ? el('vscode-badge' as 'span', { variant: 'counter', title: `${findingCount} findings` }, String(findingCount)) : '';
  const card = el('section', { class: 'column-card', 'data-column': column.name, 'aria-label': `Column ${column.name}` }, el('h3', {}, column.name, badge), dl);
  if (column.histogram && column.histogram.length) {
    const canvas = el('canvas', { 'aria-label': `Histogram of ${column.name}`, role: 'img' });
    card.append(el('div', { class: 'chart' }, canvas));
    queueMicrotask(() => {
      const chart = histogramChart(canvas, column);
      if (chart) charts.push(chart);
    });
  } else if (column.topValues.length) {
    const list = el('ol', { class: 'top-values' });
    for (const t of column.topValues.slice(0, 5)) list.append(el('li', {}, `${t.value} `, el('span', { class: 'muted' }, `× ${formatNumber(t.count)}`)));
    card.append(list);
  }
  return card;
}

function select(name: keyof FindingFilter, label: string, values: string[]): HTMLSelectElement {
  const node = el('select', { 'aria-label': label });
  node.append(el('option', { value: 'all' }, `${label}: all`));
  for (const v of values) node.append(el('option', { value: v }, v));
  node.value = state.filter[name];
  node.addEventListener('change', () => {
    state = { ...state, filter: { ...state.filter, [name]: node.value } };
    host.setState(state);
    renderFindings();
  });
  return node;
}

const findingsList = el('ol', { class: 'findings', 'aria-label': 'Findings' });

function renderFindings(): void {
  const report = state.report;
  findingsList.replaceChildren();
  if (!report) return;
  report.findings.forEach((f, index) => {
    if (!filterFindings(f, state.filter)) return;
    const where = f.row !== null ? `row ${f.row + 1}` : f.column ? `column ${f.column}` : 'file';
    const item = el(
      'li',
      { class: f.severity, tabindex: '0', role: 'button', 'data-index': String(index), title: 'Reveal in the data' },
      el('span', { class: 'rule' }, f.rule),
      el('span', { class: 'muted' }, `${where}${f.column && f.row !== null ? ` · ${f.column}` : ''}`),
      el('span', {}, f.message),
    );
    const reveal = () => host.post({ type: 'reveal', findingIndex: index });
    item.addEventListener('click', reveal);
    item.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        reveal();
      }
    });
    findingsList.append(item);
  });
}

function render(): void {
  for (const c of charts.splice(0)) c.destroy();
  const report = state.report;
  app.setAttribute('aria-busy', report ? 'false' : 'true');
  if (!report) {
    app.replaceChildren(el('p', { class: 'muted' }, 'Checking…'));
    return;
  }
  const total = Object.values(report.totals).reduce((a, b) => a + b, 0);
  const scores = el('div', { class: 'scores', role: 'list' });
  scores.append(el('div', { class: 'score overall', role: 'listitem' }, el('div', { class: 'muted' }, 'overall'), el('div', { class: 'value' }, formatNumber(report.scores.overall, 3))));
  for (const [dimension, score] of Object.entries(report.scores.byDimension)) {
    scores.append(el('div', { class: 'score', role: 'listitem' }, el('div', { class: 'muted' }, dimension), el('div', { class: 'value' }, formatNumber(score ?? 0, 3))));
  }
  const recheck = el('vscode-button' as 'button', { secondary: '' }, 'Check again');
  recheck.addEventListener('click', () => host.post({ type: 'recheck' }));
  const clean = el('vscode-button' as 'button', { secondary: '', title: 'Write a cleaned copy with steps proposed from these findings' }, 'Clean data…');
  clean.addEventListener('click', () => host.post({ type: 'clean' }));
  const perColumn = new Map<string, number>();
  for (const f of report.findings) if (f.column) perColumn.set(f.column, (perColumn.get(f.column) ?? 0) + (f.summaryOf ?? 1));
  const columns = el('div', { class: 'columns' }, ...report.columns.map((c) => columnCard(c, perColumn.get(c.name) ?? 0)));
  const rules = [...new Set(report.findings.map((f) => f.rule))].sort();
  const columnNames = [...new Set(report.findings.map((f) => f.column).filter((c): c is string => !!c))];
  const search = el('input', { type: 'search', placeholder: 'Filter messages', 'aria-label': 'Filter messages', value: state.filter.text });
  search.addEventListener('input', () => {
    state = { ...state, filter: { ...state.filter, text: search.value } };
    host.setState(state);
    renderFindings();
  });
  app.replaceChildren(
    el('h1', {}, report.fileName),
    el('div', { class: 'toolbar' }, el('span', { class: 'muted' }, `${report.format.toUpperCase()} · ${formatNumber(report.rows)} rows · ${report.columns.length} columns · ${formatNumber(total)} findings`), recheck, clean),
    scores,
    el('h2', {}, 'Columns'),
    columns,
    el('h2', {}, 'Findings'),
    el('div', { class: 'filters' }, select('severity', 'Severity', ['error', 'warning', 'information', 'hint']), select('rule', 'Rule', rules), select('column', 'Column', columnNames), search),
    findingsList,
  );
  renderFindings();
}

host.onMessage((message) => {
  if (message.type === 'state') {
    state = { ...state, report: message.state };
    host.setState(state);
    render();
  }
});
onThemeChange(render);
render();
host.post({ type: 'ready' });
