/**
 * The cleaning panel: the proposed steps (toggle, options, add, remove), a preview of what they change
 * (counts per step, quality score and affected columns before → after, sample rows before → after), and
 * the output (format, compression, write, Python script, train on the result). Rendered with lit: every
 * update patches the DOM in place, so editing an option keeps focus; the status line is a live region.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-progress-bar/index.js';
import { html, nothing, render, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import type { CleanHostMessage, CleanState, CleanStrings, CleanWebviewMessage, PanelStep } from '../../src/shared/protocol/clean';
import type { StepReport } from '../../src/core/clean/run';
import type { ColumnProfile } from '../../src/core/profile/types';
import { connectToHost, readStrings } from '../shared/vscode-api';
import { fill } from '../shared/l10n';
import { formatNumber, formatPercent, formatStatistic } from '../shared/format';
import { affectedColumns, changedCells, defaultOptions, insertStep, optionSchemaOf, stepLabel, type OptionSchema } from './model';

const text = readStrings<CleanStrings>();
const host = connectToHost<CleanWebviewMessage, CleanHostMessage, { state?: CleanState }>();
let state: CleanState | undefined = host.getState()?.state;
/** The steps as edited here (the host's copy follows through 'steps' messages). */
let steps: PanelStep[] = state?.steps ?? [];
/** Step lists sent to the host and not yet seen back: a state carrying one of them is an echo of an older edit. */
const sent = new Set<string>();
const expanded = new Set<number>();
/** The "add a step" choice. */
let addKind = '';
let addColumn = '';
const app = document.getElementById('app') as HTMLElement;

function sendSteps(): void {
  sent.add(JSON.stringify(steps));
  host.post({ type: 'steps', steps });
  renderApp();
}

function allColumns(): string[] {
  return state?.columns.map((c) => c.name) ?? [];
}

function count(n: number, one: string, many: string): string {
  return fill(n === 1 ? one : many, formatNumber(n));
}

// ---------------------------------------------------------------------------------------------------
// Steps

function reportFor(index: number): StepReport | undefined {
  const report = state?.preview?.reports[index];
  return report && report.step === steps[index]?.entry.step ? report : undefined;
}

function countsText(index: number): string {
  const r = reportFor(index);
  if (!steps[index].entry.enabled) return text.off;
  if (!r) return '';
  const parts: string[] = [];
  if (r.cellsChanged > 0) parts.push(fill(text.cellsInRows, count(r.cellsChanged, text.oneCell, text.cells), count(r.rowsChanged, text.oneRow, text.rows)));
  if (r.rowsDropped > 0) parts.push(fill(text.rowsDropped, count(r.rowsDropped, text.oneRow, text.rows)));
  return parts.length ? parts.join(', ') : text.noChange;
}

function setEntry(index: number, patch: Partial<PanelStep['entry']>): void {
  steps = steps.map((s, i) => (i === index ? { ...s, entry: { ...s.entry, ...patch } as PanelStep['entry'] } : s));
  sendSteps();
}

function setOption(index: number, name: string, value: unknown): void {
  const options = { ...(steps[index].entry.options as Record<string, unknown>) };
  if (value === undefined) delete options[name];
  else options[name] = value;
  setEntry(index, { options } as Partial<PanelStep['entry']>);
}

function optionControl(index: number, name: string, schema: OptionSchema): TemplateResult | typeof nothing {
  const options = steps[index].entry.options as Record<string, unknown>;
  const id = `step-${index}-${name}`;
  const columns = allColumns();
  let control: TemplateResult;
  if (name === 'columns' || name === 'features') {
    const chosen = new Set(Array.isArray(options[name]) ? (options[name] as string[]) : []);
    control = html`<select id=${id} multiple size=${Math.min(6, columns.length)} @change=${(e: Event) => {
      const picked = [...(e.target as HTMLSelectElement).selectedOptions].map((o) => o.value);
      setOption(index, name, picked.length ? picked : undefined);
    }}>${columns.map((c) => html`<option value=${c} ?selected=${chosen.has(c)}>${c}</option>`)}</select>`;
  } else if (name === 'target') {
    control = html`<select id=${id} @change=${(e: Event) => setOption(index, name, (e.target as HTMLSelectElement).value)}>
      ${columns.map((c) => html`<option value=${c} ?selected=${options.target === c}>${c}</option>`)}
    </select>`;
  } else if (name === 'mapping') {
    const mapping = (options.mapping ?? {}) as Record<string, string>;
    control = html`<div class="mapping" id=${id} role="group" aria-label=${text.newColumnNames}>
      ${columns.map(
        (c) => html`<label class="muted" for=${`${id}-${c}`}>${c}</label>
          <input id=${`${id}-${c}`} type="text" .value=${live(mapping[c] ?? c)} @change=${(e: Event) => {
            const value = (e.target as HTMLInputElement).value;
            const next = { ...mapping };
            if (value && value !== c) next[c] = value;
            else delete next[c];
            setOption(index, name, next);
          }} />`,
      )}
    </div>`;
  } else if (schema.enum) {
    control = html`<select id=${id} @change=${(e: Event) => setOption(index, name, (e.target as HTMLSelectElement).value)}>
      ${schema.enum.map((v) => html`<option value=${String(v)} ?selected=${options[name] === v}>${String(v)}</option>`)}
    </select>`;
  } else if (schema.type === 'boolean') {
    control = html`<input id=${id} type="checkbox" .checked=${live(options[name] === true)} @change=${(e: Event) => setOption(index, name, (e.target as HTMLInputElement).checked)} />`;
  } else if (schema.type === 'number' || schema.type === 'integer') {
    control = html`<input id=${id} type="number" step=${schema.type === 'integer' ? '1' : 'any'} .value=${live(options[name] === undefined ? '' : String(options[name]))}
      @change=${(e: Event) => {
        const text = (e.target as HTMLInputElement).value;
        setOption(index, name, text === '' ? undefined : Number(text));
      }} />`;
  } else if (schema.type === 'string') {
    control = html`<input id=${id} type="text" .value=${live(typeof options[name] === 'string' ? (options[name] as string) : '')}
      @change=${(e: Event) => setOption(index, name, (e.target as HTMLInputElement).value || undefined)} />`;
  } else if (schema.type === 'array') {
    control = html`<input id=${id} type="text" placeholder=${text.commaSeparated} .value=${live(Array.isArray(options[name]) ? (options[name] as string[]).join(', ') : '')}
      @change=${(e: Event) => {
        const text = (e.target as HTMLInputElement).value.trim();
        setOption(index, name, text === '' ? undefined : text.split(',').map((t) => t.trim()));
      }} />`;
  } else return nothing;
  return html`<div class="option"><label for=${id}>${name}</label>${control}${schema.description ? html`<span class="muted">${schema.description}</span>` : nothing}</div>`;
}

function stepItem(step: PanelStep, index: number): TemplateResult {
  const entry = state?.catalog.find((c) => c.id === step.entry.step);
  const summary = reportFor(index)?.summary ?? stepLabel(step, state?.catalog ?? [], allColumns(), text.andMore);
  const open = expanded.has(index);
  const properties = entry ? (optionSchemaOf(entry).properties ?? {}) : {};
  const toggleOptions = () => {
    if (open) expanded.delete(index);
    else expanded.add(index);
    renderApp();
  };
  const remove = () => {
    steps = steps.filter((_, i) => i !== index);
    expanded.clear();
    sendSteps();
  };
  return html`<li class="step ${step.entry.enabled ? '' : 'off'}" data-step=${step.entry.step} data-index=${index} title=${entry?.description ?? ''}>
    <div class="step-head">
      <input type="checkbox" id=${`step-${index}`} .checked=${live(step.entry.enabled)} @change=${(e: Event) => setEntry(index, { enabled: (e.target as HTMLInputElement).checked })} />
      <label for=${`step-${index}`} class="summary">${summary}</label>
      <span class="muted reasons">${step.reasons.join(' · ')}</span>
      <span class="counts" data-counts>${countsText(index)}</span>
      <button class="link" aria-expanded=${open ? 'true' : 'false'} aria-controls=${`step-${index}-options`} @click=${toggleOptions}>${text.options}</button>
      <button class="link" aria-label=${fill(text.removeStep, index + 1, summary)} @click=${remove}>${text.remove}</button>
    </div>
    <div class="options" id=${`step-${index}-options`} ?hidden=${!open}>${Object.entries(properties).map(([name, schema]) => optionControl(index, name, schema))}</div>
  </li>`;
}

function addStepView(): TemplateResult {
  const catalog = state?.catalog ?? [];
  const kind = catalog.find((c) => c.id === addKind) ?? catalog[0];
  const takesColumn = kind !== undefined && kind.scope !== 'table';
  const column = allColumns().includes(addColumn) ? addColumn : (allColumns()[0] ?? '');
  const add = () => {
    if (!kind) return;
    const step: PanelStep = { entry: { step: kind.id, enabled: true, options: defaultOptions(kind, takesColumn ? column : null) } as PanelStep['entry'], reasons: [], count: 0 };
    steps = insertStep(steps, step, catalog);
    expanded.clear();
    sendSteps();
  };
  return html`<div class="toolbar add-step">
    <select aria-label=${text.stepToAdd} @change=${(e: Event) => ((addKind = (e.target as HTMLSelectElement).value), renderApp())}>
      ${catalog.map((c) => html`<option value=${c.id} title=${c.description} ?selected=${c.id === kind?.id}>${c.title}</option>`)}
    </select>
    <select aria-label=${text.columnOfStep} ?disabled=${!takesColumn} @change=${(e: Event) => ((addColumn = (e.target as HTMLSelectElement).value), renderApp())}>
      ${takesColumn ? allColumns().map((c) => html`<option value=${c} ?selected=${c === column}>${c}</option>`) : nothing}
    </select>
    <vscode-button secondary @click=${add}>${text.addStep}</vscode-button>
  </div>`;
}

function stepsView(): TemplateResult {
  const empty = state?.busy?.what === 'planning' ? text.lookingForSteps : text.nothingToClean;
  return html`<section aria-labelledby="steps-heading">
    <h2 id="steps-heading">${text.steps}</h2>
    ${steps.length ? html`<ol class="steps" aria-label=${text.cleaningSteps}>${repeat(steps, (_, i) => i, stepItem)}</ol>` : html`<p class="muted">${empty}</p>`}
    ${addStepView()}
  </section>`;
}

// ---------------------------------------------------------------------------------------------------
// Preview

function scoreBox(key: string, label: string, before: number | undefined, after: number | undefined): TemplateResult {
  const delta = before !== undefined && after !== undefined ? after - before : 0;
  return html`<div class="score" role="listitem" data-score=${key}>
    <div class="muted">${label}</div>
    <div class="value">${formatNumber(before ?? null, 3)} → ${formatNumber(after ?? null, 3)}</div>
    <div class=${delta > 0 ? 'better' : delta < 0 ? 'worse' : 'muted'}>${delta === 0 ? text.noChange : `${delta > 0 ? '+' : ''}${formatNumber(delta, 3)}`}</div>
  </div>`;
}

function profileRow(name: string, before: ColumnProfile | undefined, after: ColumnProfile | undefined): TemplateResult {
  const missing = (p: ColumnProfile | undefined) => (p && p.count ? formatPercent(p.nulls / p.count) : '—');
  const pair = (a: string, b: string) => (a === b ? a : `${a} → ${b}`);
  const temporal = (p: ColumnProfile | undefined) => p?.kind === 'date' || p?.kind === 'timestamp';
  const stat = (p: ColumnProfile | undefined, k: 'mean' | 'std') => (temporal(p) ? '—' : formatNumber(p?.[k] ?? null));
  const range = (p: ColumnProfile | undefined) => (p?.min === null || p?.min === undefined ? '—' : `${formatStatistic(p.min, p.kind)} … ${formatStatistic(p.max, p.kind)}`);
  return html`<tr data-column=${name}>
    <td>${name}</td>
    <td>${pair(before?.kind ?? '—', after?.kind ?? '—')}</td>
    <td>${pair(missing(before), missing(after))}</td>
    <td>${pair(formatNumber(before?.distinct ?? null), formatNumber(after?.distinct ?? null))}</td>
    <td>${pair(stat(before, 'mean'), stat(after, 'mean'))}</td>
    <td>${pair(stat(before, 'std'), stat(after, 'std'))}</td>
    <td>${pair(range(before), range(after))}</td>
  </tr>`;
}

function previewView(): TemplateResult {
  const preview = state?.preview;
  if (!preview) return html`<section id="preview" aria-labelledby="preview-heading"><h2 id="preview-heading">${text.preview}</h2><p class="muted">${text.previewPending}</p></section>`;
  const scope = fill(preview.complete ? text.wholeFile : text.firstRows, formatNumber(preview.rows));
  const dimensions = [...new Set([...Object.keys(preview.before.scores.byDimension), ...Object.keys(preview.after.scores.byDimension)])] as (keyof typeof preview.before.scores.byDimension)[];
  const affected = affectedColumns(steps, allColumns());
  const output = new Set(preview.columnsOut);
  const titles = (indices: number[]) => [...new Set(indices.map((i) => preview.reports[i]?.title ?? ''))].filter(Boolean).join(', ');
  const shown = (v: string | null | undefined, absent: string) => (v === undefined ? absent : v === null ? text.empty : v);
  const sampleRows = preview.samples.flatMap((sample) => {
    const by = titles(sample.steps);
    if (sample.after === null) return [html`<tr class="dropped" data-row=${sample.row}><td>${sample.row + 1}</td><td colspan="3">${text.rowDropped}</td><td>${by}</td></tr>`];
    return changedCells(sample, preview.columnsIn, preview.columnsOut)
      .slice(0, 6)
      .map(
        (c, i) => html`<tr data-row=${sample.row}>
          <td>${i === 0 ? sample.row + 1 : ''}</td><td>${c.column}</td>
          <td class="before">${shown(c.before, text.newColumn)}</td><td class="after">${shown(c.after, text.removed)}</td>
          <td class="muted">${i === 0 ? by : ''}</td>
        </tr>`,
      );
  });
  return html`<section id="preview" aria-labelledby="preview-heading">
    <h2 id="preview-heading">${text.preview}</h2>
    <p class="muted" data-field="scope">${fill(text.appliedTo, scope, formatNumber(preview.rowsOut))}</p>
    <div class="scores" role="list" aria-label=${text.scoresBeforeAfter}>
      ${scoreBox('overall', text.overall, preview.before.scores.overall, preview.after.scores.overall)}
      ${dimensions.map((d) => scoreBox(d, text.dimensions[d] ?? d, preview.before.scores.byDimension[d], preview.after.scores.byDimension[d]))}
    </div>
    ${preview.notes.map((n) => html`<p class="muted">${n}</p>`)}
    <h3>${text.affectedColumns}</h3>
    ${affected.length
      ? html`<div class="scroll"><table class="metrics profiles" aria-label=${text.affectedColumnsTable}>
          <thead><tr>${Object.values(text.profileHeaders).map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
          <tbody>${affected.map((name) => profileRow(name, preview.before.columns.find((c) => c.name === name), output.has(name) ? preview.after.columns.find((c) => c.name === name) : undefined))}</tbody>
        </table></div>`
      : html`<p class="muted">${text.noColumnStep}</p>`}
    <h3>${text.changedRows}</h3>
    ${sampleRows.length
      ? html`<div class="scroll"><table class="metrics samples" aria-label=${text.changedRowsTable}>
          <thead><tr>${Object.values(text.sampleHeaders).map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
          <tbody>${sampleRows}</tbody>
        </table></div>`
      : html`<p class="muted">${text.noRowChanges}</p>`}
  </section>`;
}

// ---------------------------------------------------------------------------------------------------
// Output

function outputView(): TemplateResult | typeof nothing {
  if (!state) return nothing;
  const { output, written } = state;
  const busy = state.busy !== undefined && state.busy.what !== 'previewing';
  const choose = () => {
    const format = (app.querySelector('#output-format') as HTMLSelectElement).value as CleanState['output']['format'];
    const compression = (app.querySelector('#output-compression') as HTMLSelectElement).value as CleanState['output']['compression'];
    host.post({ type: 'output', format, compression });
  };
  return html`<section aria-labelledby="output-heading">
    <h2 id="output-heading">${text.output}</h2>
    <div class="toolbar">
      <label for="output-format">${text.format}</label>
      <select id="output-format" @change=${choose}>${['csv', 'arrow', 'parquet', 'jsonl'].map((f) => html`<option value=${f} ?selected=${f === output.format}>${f}</option>`)}</select>
      <label for="output-compression">${text.parquetCompression}</label>
      <select id="output-compression" ?disabled=${output.format !== 'parquet'} @change=${choose}>
        ${['snappy', 'zstd', 'gzip', 'brotli', 'lz4', 'uncompressed'].map((c) => html`<option value=${c} ?selected=${c === output.compression}>${c}</option>`)}
      </select>
    </div>
    <p class="muted">${fill(text.writesTo, output.path)}</p>
    <div class="toolbar">
      <vscode-button id="write" ?disabled=${busy || steps.length === 0} @click=${() => host.post({ type: 'write' })}>${text.writeCleanedFile}</vscode-button>
      <vscode-button secondary ?disabled=${busy} @click=${() => host.post({ type: 'export-python' })}>${text.exportPython}</vscode-button>
    </div>
    ${written
      ? html`<p data-field="written">
            ${fill(text.wrote, written.outputPath, formatNumber(written.rowsOut), written.columns, formatNumber(written.rowsIn), written.recipePath ? fill(text.wroteRecipe, written.recipePath) : '')}
          </p>
          ${written.notes.map((n) => html`<p class="muted">${n}</p>`)}
          <div class="toolbar">
            <vscode-button secondary @click=${() => host.post({ type: 'open-output' })}>${text.open}</vscode-button>
            <vscode-button secondary @click=${() => host.post({ type: 'train' })}>${text.trainOnIt}</vscode-button>
          </div>`
      : nothing}
  </section>`;
}

// ---------------------------------------------------------------------------------------------------

function statusView(): TemplateResult {
  if (!state) return html`<div class="status-line" role="status" aria-live="polite"><span class="muted">${text.readingFile}</span></div>`;
  const busy = state.busy;
  const label = busy ? text.busy[busy.what] : '';
  return html`<div class="status-line" role="status" aria-live="polite">
    ${busy
      ? html`<span>${label}${busy.detail ? ` (${busy.detail})` : ''}…</span>
          <vscode-progress-bar aria-label=${label} ?indeterminate=${busy.progress === undefined} value=${busy.progress === undefined ? 0 : busy.progress * 100} max="100"></vscode-progress-bar>
          <vscode-button secondary @click=${() => host.post({ type: 'cancel' })}>${text.cancel}</vscode-button>`
      : nothing}
    ${state.error ? html`<span class="error-text">${state.error}</span>` : nothing}
  </div>`;
}

function renderApp(): void {
  app.setAttribute('aria-busy', state?.busy ? 'true' : 'false');
  app.dataset.busy = state?.busy?.what ?? '';
  render(
    html`<h1>${state ? fill(text.heading, state.fileName) : text.headingNoFile}</h1>
      ${statusView()}
      <div class="clean-layout">${stepsView()}<div>${previewView()}${outputView()}</div></div>`,
    app,
  );
}

host.onMessage((message) => {
  if (message.type !== 'state') return;
  const incoming = message.state;
  // The host's steps replace ours unless they are ones we sent (the host has not seen our latest edit yet).
  const key = JSON.stringify(incoming.steps);
  if (key === JSON.stringify(steps)) sent.clear();
  else if (!sent.has(key)) {
    steps = incoming.steps;
    expanded.clear();
    sent.clear();
  }
  state = incoming;
  host.setState({ state });
  renderApp();
});
renderApp();
host.post({ type: 'ready' });
