/**
 * The cleaning panel: the proposed steps (toggle, options, add, remove), a preview of what they change
 * (counts per step, quality score and affected columns before → after, sample rows before → after), and
 * the output (format, compression, write, Python script, train on the result). Sections re-render on their
 * own, so editing an option never loses keyboard focus.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-progress-bar/index.js';
import type { CleanHostMessage, CleanState, CleanWebviewMessage, PanelStep } from '../../src/shared/protocol/clean';
import type { StepReport } from '../../src/core/clean/run';
import type { ColumnProfile } from '../../src/core/profile/types';
import { connectToHost } from '../shared/vscode-api';
import { el } from '../shared/theme';
import { formatNumber, formatPercent, formatStatistic } from '../shared/format';
import { affectedColumns, changedCells, defaultOptions, insertStep, optionSchemaOf, stepLabel, type OptionSchema } from './model';

const host = connectToHost<CleanWebviewMessage, CleanHostMessage, { state?: CleanState }>();
let state: CleanState | undefined = host.getState()?.state;
/** The steps as edited here (the host's copy follows through 'steps' messages). */
let steps: PanelStep[] = state?.steps ?? [];
let renderedSteps = '';
/** Step lists sent to the host and not yet seen back: a state carrying one of them is an echo of an older edit. */
const sent = new Set<string>();
const expanded = new Set<number>();

const app = document.getElementById('app') as HTMLElement;
const status = el('div', { class: 'status-line', role: 'status', 'aria-live': 'polite' });
const stepsBox = el('section', { 'aria-labelledby': 'steps-heading' });
const previewBox = el('section', { 'aria-labelledby': 'preview-heading', id: 'preview' });
const outputBox = el('section', { 'aria-labelledby': 'output-heading' });
app.replaceChildren(el('h1', {}, 'Clean data'), status, el('div', { class: 'clean-layout' }, stepsBox, el('div', {}, previewBox, outputBox)));

function button(label: string, onClick: () => void, props: Record<string, string> = {}): HTMLElement {
  const b = el('vscode-button' as 'button', props, label);
  b.addEventListener('click', onClick);
  return b;
}

function sendSteps(): void {
  renderedSteps = JSON.stringify(steps);
  sent.add(renderedSteps);
  host.post({ type: 'steps', steps });
}

function allColumns(): string[] {
  return state?.columns.map((c) => c.name) ?? [];
}

// ---------------------------------------------------------------------------------------------------
// Status

function renderStatus(): void {
  if (!state) {
    status.replaceChildren(el('span', { class: 'muted' }, 'Reading the file…'));
    return;
  }
  const parts: (Node | string)[] = [];
  if (state.busy) {
    const label = { planning: 'Reading the file and proposing steps', previewing: 'Previewing', writing: 'Writing' }[state.busy.what];
    parts.push(el('span', {}, `${label}${state.busy.detail ? ` (${state.busy.detail})` : ''}…`));
    const bar = el('vscode-progress-bar' as 'div', { 'aria-label': label, ...(state.busy.progress !== undefined ? { value: String(state.busy.progress * 100), max: '100' } : { indeterminate: '' }) });
    parts.push(bar, button('Cancel', () => host.post({ type: 'cancel' }), { secondary: '' }));
  }
  if (state.error) parts.push(el('span', { class: 'error-text' }, state.error));
  app.setAttribute('aria-busy', state.busy ? 'true' : 'false');
  app.dataset.busy = state.busy?.what ?? '';
  status.replaceChildren(...parts);
}

// ---------------------------------------------------------------------------------------------------
// Steps

function reportFor(index: number): StepReport | undefined {
  const report = state?.preview?.reports[index];
  return report && report.step === steps[index]?.entry.step ? report : undefined;
}

function count(n: number, word: string): string {
  return `${formatNumber(n)} ${word}${n === 1 ? '' : 's'}`;
}

function countsText(index: number): string {
  const r = reportFor(index);
  if (!steps[index].entry.enabled) return 'off';
  if (!r) return '';
  const parts: string[] = [];
  if (r.cellsChanged > 0) parts.push(`${count(r.cellsChanged, 'cell')} in ${count(r.rowsChanged, 'row')}`);
  if (r.rowsDropped > 0) parts.push(`${count(r.rowsDropped, 'row')} dropped`);
  return parts.length ? parts.join(', ') : 'no change';
}

function optionControl(index: number, name: string, schema: OptionSchema): HTMLElement | undefined {
  const options = steps[index].entry.options as Record<string, unknown>;
  const id = `step-${index}-${name}`;
  const label = el('label', { for: id }, name);
  const set = (value: unknown) => {
    const next = { ...options };
    if (value === undefined) delete next[name];
    else next[name] = value;
    steps[index] = { ...steps[index], entry: { ...steps[index].entry, options: next } as PanelStep['entry'] };
    sendSteps();
  };
  let control: HTMLElement;
  const columns = allColumns();
  if (name === 'columns' || name === 'features') {
    const select = el('select', { id, multiple: '', size: String(Math.min(6, columns.length)) });
    const chosen = new Set(Array.isArray(options[name]) ? (options[name] as string[]) : []);
    for (const c of columns) select.append(el('option', { value: c, ...(chosen.has(c) ? { selected: '' } : {}) }, c));
    select.addEventListener('change', () => {
      const picked = [...select.selectedOptions].map((o) => o.value);
      set(picked.length ? picked : undefined);
    });
    control = select;
  } else if (name === 'target') {
    const select = el('select', { id });
    for (const c of columns) select.append(el('option', { value: c, ...(options.target === c ? { selected: '' } : {}) }, c));
    select.addEventListener('change', () => set(select.value));
    control = select;
  } else if (name === 'mapping') {
    const mapping = (options.mapping ?? {}) as Record<string, string>;
    const box = el('div', { class: 'mapping', id, role: 'group', 'aria-label': 'New column names' });
    for (const c of columns) {
      const input = el('input', { type: 'text', value: mapping[c] ?? c, 'aria-label': `New name of ${c}` });
      input.addEventListener('change', () => {
        const next = { ...((steps[index].entry.options as Record<string, unknown>).mapping as Record<string, string>) };
        if (input.value && input.value !== c) next[c] = input.value;
        else delete next[c];
        set(next);
      });
      box.append(el('label', { class: 'muted' }, c), input);
    }
    control = box;
  } else if (schema.enum) {
    const select = el('select', { id });
    for (const v of schema.enum) select.append(el('option', { value: String(v), ...(options[name] === v ? { selected: '' } : {}) }, String(v)));
    select.addEventListener('change', () => set(select.value));
    control = select;
  } else if (schema.type === 'boolean') {
    const box = el('input', { id, type: 'checkbox', ...(options[name] === true ? { checked: '' } : {}) });
    box.addEventListener('change', () => set(box.checked));
    control = box;
  } else if (schema.type === 'number' || schema.type === 'integer') {
    const input = el('input', { id, type: 'number', value: options[name] === undefined ? '' : String(options[name]), ...(schema.type === 'integer' ? { step: '1' } : { step: 'any' }) });
    input.addEventListener('change', () => set(input.value === '' ? undefined : Number(input.value)));
    control = input;
  } else if (schema.type === 'string') {
    const input = el('input', { id, type: 'text', value: typeof options[name] === 'string' ? (options[name] as string) : '' });
    input.addEventListener('change', () => set(input.value === '' ? undefined : input.value));
    control = input;
  } else if (schema.type === 'array') {
    const input = el('input', { id, type: 'text', value: Array.isArray(options[name]) ? (options[name] as string[]).join(', ') : '', placeholder: 'comma-separated' });
    input.addEventListener('change', () => set(input.value.trim() === '' ? undefined : input.value.split(',').map((t) => t.trim())));
    control = input;
  } else return undefined;
  return el('div', { class: 'option' }, label, control, schema.description ? el('span', { class: 'muted' }, schema.description) : '');
}

function stepItem(step: PanelStep, index: number): HTMLElement {
  const entry = state?.catalog.find((c) => c.id === step.entry.step);
  const toggle = el('input', { type: 'checkbox', id: `step-${index}`, ...(step.entry.enabled ? { checked: '' } : {}) });
  toggle.addEventListener('change', () => {
    steps[index] = { ...steps[index], entry: { ...steps[index].entry, enabled: toggle.checked } as PanelStep['entry'] };
    sendSteps();
    item.classList.toggle('off', !toggle.checked);
  });
  const summary = reportFor(index)?.summary ?? stepLabel(step, state?.catalog ?? [], allColumns());
  const optionsBox = el('div', { class: 'options', id: `step-${index}-options`, ...(expanded.has(index) ? {} : { hidden: '' }) });
  const properties = entry ? (optionSchemaOf(entry).properties ?? {}) : {};
  for (const [name, schema] of Object.entries(properties)) {
    const control = optionControl(index, name, schema);
    if (control) optionsBox.append(control);
  }
  const more = el('button', { class: 'link', 'aria-expanded': String(expanded.has(index)), 'aria-controls': `step-${index}-options` }, 'Options');
  more.addEventListener('click', () => {
    const open = optionsBox.hidden;
    optionsBox.hidden = !open;
    more.setAttribute('aria-expanded', String(open));
    if (open) expanded.add(index);
    else expanded.delete(index);
  });
  const remove = el('button', { class: 'link', 'aria-label': `Remove step ${index + 1}: ${summary}` }, 'Remove');
  remove.addEventListener('click', () => {
    steps = steps.filter((_, i) => i !== index);
    expanded.clear();
    sendSteps();
    renderSteps(true);
  });
  const item = el(
    'li',
    { class: `step${step.entry.enabled ? '' : ' off'}`, 'data-step': step.entry.step, 'data-index': String(index), title: entry?.description ?? '' },
    el('div', { class: 'step-head' }, toggle, el('label', { for: `step-${index}`, class: 'summary' }, summary), el('span', { class: 'muted reasons' }, step.reasons.join(' · ')), el('span', { class: 'counts', 'data-counts': '' }, countsText(index)), more, remove),
    optionsBox,
  );
  return item;
}

function addStepControls(): HTMLElement {
  const kind = el('select', { 'aria-label': 'Step to add' });
  for (const c of state?.catalog ?? []) kind.append(el('option', { value: c.id, title: c.description }, c.title));
  const column = el('select', { 'aria-label': 'Column of the step' });
  const fillColumns = () => {
    const entry = state?.catalog.find((c) => c.id === kind.value);
    column.replaceChildren();
    column.disabled = !entry || entry.scope === 'table';
    if (column.disabled) return;
    for (const c of allColumns()) column.append(el('option', { value: c }, c));
  };
  kind.addEventListener('change', fillColumns);
  fillColumns();
  const add = button('Add step', () => {
    const entry = state?.catalog.find((c) => c.id === kind.value);
    if (!entry) return;
    const step: PanelStep = { entry: { step: entry.id, enabled: true, options: defaultOptions(entry, column.disabled ? null : column.value) } as PanelStep['entry'], reasons: [], count: 0 };
    steps = insertStep(steps, step, state?.catalog ?? []);
    expanded.clear();
    sendSteps();
    renderSteps(true);
  }, { secondary: '' });
  return el('div', { class: 'toolbar add-step' }, kind, column, add);
}

function renderSteps(force = false): void {
  const key = JSON.stringify(steps);
  if (!force && key === renderedSteps && stepsBox.childElementCount > 0) {
    // Same steps: refresh the counts and summaries only (keeps focus where it is).
    stepsBox.querySelectorAll<HTMLElement>('li.step').forEach((li) => {
      const index = Number(li.dataset.index);
      const counts = li.querySelector('[data-counts]');
      if (counts) counts.textContent = countsText(index);
      const label = li.querySelector('label.summary');
      const summary = reportFor(index)?.summary;
      if (label && summary) label.textContent = summary;
    });
    return;
  }
  renderedSteps = key;
  const list = el('ol', { class: 'steps', 'aria-label': 'Cleaning steps' }, ...steps.map(stepItem));
  stepsBox.replaceChildren(
    el('h2', { id: 'steps-heading' }, 'Steps'),
    steps.length ? list : el('p', { class: 'muted' }, state?.busy?.what === 'planning' ? 'Looking for what to clean…' : 'Nothing to clean was found; add a step below.'),
    addStepControls(),
  );
}

// ---------------------------------------------------------------------------------------------------
// Preview

function scoreBox(label: string, before: number | undefined, after: number | undefined): HTMLElement {
  const delta = before !== undefined && after !== undefined ? after - before : 0;
  return el(
    'div',
    { class: 'score', role: 'listitem', 'data-score': label },
    el('div', { class: 'muted' }, label),
    el('div', { class: 'value' }, `${formatNumber(before ?? null, 3)} → ${formatNumber(after ?? null, 3)}`),
    el('div', { class: delta > 0 ? 'better' : delta < 0 ? 'worse' : 'muted' }, delta === 0 ? 'no change' : `${delta > 0 ? '+' : ''}${formatNumber(delta, 3)}`),
  );
}

function profileRow(name: string, before: ColumnProfile | undefined, after: ColumnProfile | undefined): HTMLElement {
  const missing = (p: ColumnProfile | undefined) => (p && p.count ? formatPercent(p.nulls / p.count) : '—');
  const pair = (a: string, b: string) => (a === b ? a : `${a} → ${b}`);
  const temporal = (p: ColumnProfile | undefined) => p?.kind === 'date' || p?.kind === 'timestamp';
  const stat = (p: ColumnProfile | undefined, k: 'mean' | 'std') => (temporal(p) ? '—' : formatNumber(p?.[k] ?? null));
  const range = (p: ColumnProfile | undefined) => (p?.min === null || p?.min === undefined ? '—' : `${formatStatistic(p.min, p.kind)} … ${formatStatistic(p.max, p.kind)}`);
  return el(
    'tr',
    { 'data-column': name },
    el('td', {}, name),
    el('td', {}, pair(before?.kind ?? '—', after?.kind ?? '—')),
    el('td', {}, pair(missing(before), missing(after))),
    el('td', {}, pair(formatNumber(before?.distinct ?? null), formatNumber(after?.distinct ?? null))),
    el('td', {}, pair(stat(before, 'mean'), stat(after, 'mean'))),
    el('td', {}, pair(stat(before, 'std'), stat(after, 'std'))),
    el('td', {}, pair(range(before), range(after))),
  );
}

function renderPreview(): void {
  const preview = state?.preview;
  if (!preview || !state) {
    previewBox.replaceChildren(el('h2', { id: 'preview-heading' }, 'Preview'), el('p', { class: 'muted' }, 'The preview appears once the steps are read.'));
    return;
  }
  const scope = preview.complete ? `the whole file (${formatNumber(preview.rows)} rows)` : `the first ${formatNumber(preview.rows)} rows`;
  const scores = el('div', { class: 'scores', role: 'list', 'aria-label': 'Quality score before and after' }, scoreBox('overall', preview.before.scores.overall, preview.after.scores.overall));
  const dimensions = new Set([...Object.keys(preview.before.scores.byDimension), ...Object.keys(preview.after.scores.byDimension)]);
  for (const d of dimensions) {
    const key = d as keyof typeof preview.before.scores.byDimension;
    scores.append(scoreBox(d, preview.before.scores.byDimension[key], preview.after.scores.byDimension[key]));
  }
  const affected = affectedColumns(steps, allColumns());
  const renamed = new Set(preview.columnsOut);
  const columnRows = affected.map((name) =>
    profileRow(
      name,
      preview.before.columns.find((c) => c.name === name),
      renamed.has(name) ? preview.after.columns.find((c) => c.name === name) : undefined,
    ),
  );
  const profiles = el(
    'table',
    { class: 'metrics profiles', 'aria-label': 'Affected columns before and after' },
    el('thead', {}, el('tr', {}, ...['column', 'type', 'missing', 'distinct', 'mean', 'std', 'range'].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...columnRows),
  );
  const titles = (indices: number[]) => [...new Set(indices.map((i) => preview.reports[i]?.title ?? ''))].filter(Boolean).join(', ');
  const samples = el('table', { class: 'metrics samples', 'aria-label': 'Changed rows, before and after' });
  samples.append(el('thead', {}, el('tr', {}, ...['row', 'column', 'before', 'after', 'by'].map((h) => el('th', { scope: 'col' }, h)))));
  const body = el('tbody');
  for (const sample of preview.samples) {
    const by = titles(sample.steps);
    if (sample.after === null) {
      body.append(el('tr', { class: 'dropped', 'data-row': String(sample.row) }, el('td', {}, String(sample.row + 1)), el('td', { colspan: '3' }, 'row dropped'), el('td', {}, by)));
      continue;
    }
    const changes = changedCells(sample, preview.columnsIn, preview.columnsOut).slice(0, 6);
    changes.forEach((c, i) =>
      body.append(
        el(
          'tr',
          { 'data-row': String(sample.row) },
          el('td', {}, i === 0 ? String(sample.row + 1) : ''),
          el('td', {}, c.column),
          el('td', { class: 'before' }, c.before === undefined ? '(new column)' : c.before === null ? '(empty)' : c.before),
          el('td', { class: 'after' }, c.after === undefined ? '(removed)' : c.after === null ? '(empty)' : c.after),
          el('td', { class: 'muted' }, i === 0 ? by : ''),
        ),
      ),
    );
  }
  samples.append(body);
  previewBox.replaceChildren(
    el('h2', { id: 'preview-heading' }, 'Preview'),
    el('p', { class: 'muted', 'data-field': 'scope' }, `Applied to ${scope}: ${formatNumber(preview.rowsOut)} rows remain.`),
    scores,
    ...preview.notes.map((n) => el('p', { class: 'muted' }, n)),
    el('h3', {}, 'Affected columns'),
    affected.length ? el('div', { class: 'scroll' }, profiles) : el('p', { class: 'muted' }, 'No column step is on.'),
    el('h3', {}, 'Changed rows (sample)'),
    preview.samples.length ? el('div', { class: 'scroll' }, samples) : el('p', { class: 'muted' }, 'No row changes.'),
  );
}

// ---------------------------------------------------------------------------------------------------
// Output

function renderOutput(): void {
  if (!state) return;
  const { output, written } = state;
  const format = el('select', { id: 'output-format', 'aria-label': 'Output format' });
  for (const f of ['csv', 'arrow', 'parquet', 'jsonl']) format.append(el('option', { value: f, ...(f === output.format ? { selected: '' } : {}) }, f));
  const compression = el('select', { id: 'output-compression', 'aria-label': 'Parquet compression', ...(output.format === 'parquet' ? {} : { disabled: '' }) });
  for (const c of ['snappy', 'zstd', 'gzip', 'brotli', 'lz4', 'uncompressed']) compression.append(el('option', { value: c, ...(c === output.compression ? { selected: '' } : {}) }, c));
  const changed = () => host.post({ type: 'output', format: format.value as CleanState['output']['format'], compression: compression.value as CleanState['output']['compression'] });
  format.addEventListener('change', changed);
  compression.addEventListener('change', changed);
  const busy = state.busy !== undefined && state.busy.what !== 'previewing';
  const write = button('Write cleaned file', () => host.post({ type: 'write' }), { id: 'write', ...(busy || steps.length === 0 ? { disabled: '' } : {}) });
  const python = button('Export Python script', () => host.post({ type: 'export-python' }), { secondary: '', ...(busy ? { disabled: '' } : {}) });
  const parts: (Node | string)[] = [
    el('h2', { id: 'output-heading' }, 'Output'),
    el('div', { class: 'toolbar' }, el('label', { for: 'output-format' }, 'Format'), format, el('label', { for: 'output-compression' }, 'Parquet compression'), compression),
    el('p', { class: 'muted' }, `Writes ${output.path} and the recipe beside it; asks before replacing a file.`),
    el('div', { class: 'toolbar' }, write, python),
  ];
  if (written) {
    parts.push(
      el('p', { 'data-field': 'written' }, `Wrote ${written.outputPath}: ${formatNumber(written.rowsOut)} rows × ${written.columns} columns (from ${formatNumber(written.rowsIn)} rows)${written.recipePath ? `, recipe ${written.recipePath}` : ''}.`),
      ...written.notes.map((n) => el('p', { class: 'muted' }, n)),
      el('div', { class: 'toolbar' }, button('Open', () => host.post({ type: 'open-output' }), { secondary: '' }), button('Train linear model on it', () => host.post({ type: 'train' }), { secondary: '' })),
    );
  }
  outputBox.replaceChildren(...parts);
}

function render(): void {
  app.querySelector('h1')!.textContent = state ? `Clean data: ${state.fileName}` : 'Clean data';
  renderStatus();
  renderSteps();
  renderPreview();
  renderOutput();
}

host.onMessage((message) => {
  if (message.type !== 'state') return;
  const incoming = message.state;
  // The host's steps replace ours unless they are ones we sent (the host has not seen our latest edit yet).
  const key = JSON.stringify(incoming.steps);
  if (key === JSON.stringify(steps)) sent.clear();
  else if (!sent.has(key)) {
    steps = incoming.steps;
    renderedSteps = '';
    sent.clear();
  }
  state = incoming;
  host.setState({ state });
  render();
});
render();
host.post({ type: 'ready' });
