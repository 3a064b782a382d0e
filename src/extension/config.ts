/** Reads `datasetInspector.*` settings for one file and turns them into reader and rule-engine options. */
import * as vscode from 'vscode';
import * as path from 'node:path';
import { appliesTo, type FileLocation, type FileScoped } from '../core/shared/file-glob';
import type { AcceptEntry, IgnoreEntry, QualityConfig, RuleSetting } from '../core/quality/engine';
import { delimiterOf, type ReadSettings } from '../core/ingest/options';
import type { TextEncodingName } from '../core/table/model';
import { DEFAULTS, megabytes, type OptionName } from '../core/defaults';
import type { BackendName } from '../core/train/types';

export const SECTION = 'datasetInspector';

/** Where each option core messages name is set in VS Code. */
export const SETTING_OF: Record<OptionName, string> = {
  memoryBudgetMB: `${SECTION}.memoryBudgetMB`,
  maxFindingsPerRule: `${SECTION}.maxFindingsPerRule`,
  encoding: `${SECTION}.csv.encoding`,
};

/** A core message that names an option, with the setting that sets it. */
export function withSettingOf(message: string, option: OptionName | undefined): string {
  return option ? vscode.l10n.t('{0} Setting: {1}.', message, SETTING_OF[option]) : message;
}

type IgnoreSetting = FileScoped<IgnoreEntry>;
type AcceptSetting = FileScoped<AcceptEntry>;

export interface CheckSettings {
  read: ReadSettings;
  quality: Partial<QualityConfig>;
  checkOnSave: boolean;
  checkOnOpen: boolean;
}

function decodeDelimiter(value: string): string | undefined {
  return value === 'auto' || value === '' ? undefined : delimiterOf(value);
}

/** The settings that change what a check finds (not when it runs: checkOnSave, checkOnOpen; not training). */
const CHECK_SHAPING_SETTINGS = ['rules', 'ignore', 'accept', 'naTokens', 'csv', 'memoryBudgetMB', 'maxFindingsPerRule'];

/** Whether a configuration change alters the check of `uri` (its findings are then stale). */
export function affectsCheck(event: vscode.ConfigurationChangeEvent, uri: vscode.Uri): boolean {
  return CHECK_SHAPING_SETTINGS.some((key) => event.affectsConfiguration(`${SECTION}.${key}`, uri));
}

export function readCheckSettings(uri: vscode.Uri): CheckSettings {
  const config = vscode.workspace.getConfiguration(SECTION, uri);
  const header = config.get<string>('csv.header', 'auto');
  const encoding = config.get<string>('csv.encoding', 'auto');
  const read: ReadSettings = {
    delimiter: decodeDelimiter(config.get<string>('csv.delimiter', 'auto')),
    hasHeader: header === 'auto' ? undefined : header === 'present',
    encoding: encoding === 'auto' ? undefined : (encoding as TextEncodingName),
    naTokens: config.get<string[]>('naTokens'),
    memoryBudgetBytes: megabytes(config.get<number>('memoryBudgetMB', DEFAULTS.memoryBudgetMB)),
    threads: config.get<number>('threads', 0),
  };
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const location: FileLocation = { absolute: uri.fsPath, relativeToFolder: folder ? path.relative(folder.uri.fsPath, uri.fsPath) : undefined };
  const appliesHere = (entry: FileScoped<unknown>) => appliesTo(entry, location);
  const ignore = config
    .get<IgnoreSetting[]>('ignore', [])
    .filter((entry) => typeof entry?.rule === 'string' && appliesHere(entry))
    .map((entry) => (entry.column ? { rule: entry.rule, column: entry.column } : { rule: entry.rule }));
  const accept = config
    .get<AcceptSetting[]>('accept', [])
    .filter((entry) => typeof entry?.rule === 'string' && typeof entry.column === 'string' && typeof entry.value === 'string' && appliesHere(entry))
    .map(({ rule, column, value }) => ({ rule, column, value }));
  const quality: Partial<QualityConfig> = {
    rules: config.get<Record<string, RuleSetting>>('rules', {}),
    ignore,
    accept,
    maxFindingsPerRuleAndColumn: config.get<number>('maxFindingsPerRule', DEFAULTS.maxFindingsPerRule),
  };
  // Configuration values are proxies that cannot be posted to a worker: hand out plain copies.
  return {
    read: JSON.parse(JSON.stringify(read)) as ReadSettings,
    quality: JSON.parse(JSON.stringify(quality)) as Partial<QualityConfig>,
    checkOnSave: config.get<boolean>('checkOnSave', true),
    checkOnOpen: config.get<boolean>('checkOnOpen', false),
  };
}

/** The TensorFlow.js backend training jobs ask for first (setting datasetInspector.training.backend). */
export function trainingBackend(): BackendName | 'auto' {
  return vscode.workspace.getConfiguration(SECTION).get<BackendName | 'auto'>('training.backend', 'auto');
}

/** Memory kept for the results of checked files (setting datasetInspector.resultMemoryMB), in bytes. */
export function resultMemoryBytes(): number {
  return megabytes(vscode.workspace.getConfiguration(SECTION).get<number>('resultMemoryMB', DEFAULTS.resultMemoryMB));
}

/** Adds `entry` (for this file) to a list setting of the workspace folder (or workspace) unless it is there: an undoable settings edit. */
async function addListEntry<T extends FileScoped<object>>(uri: vscode.Uri, setting: 'ignore' | 'accept', entry: Omit<T, 'file'>, same: (a: T, b: T) => boolean): Promise<void> {
  const config = vscode.workspace.getConfiguration(SECTION, uri);
  const inspected = config.inspect<T[]>(setting);
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const target = folder ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Workspace;
  const current = (folder ? inspected?.workspaceFolderValue : inspected?.workspaceValue) ?? [];
  const full = { ...entry, file: vscode.workspace.asRelativePath(uri, false) } as T;
  if (current.some((e) => same(e, full) && e.file === full.file)) return;
  await config.update(setting, [...current, full], target);
}

/** Adds `{ rule, column }` to the workspace-folder (or workspace) `datasetInspector.ignore` setting. */
export async function addIgnoreEntry(uri: vscode.Uri, rule: string, column: string | null): Promise<void> {
  await addListEntry<IgnoreSetting>(uri, 'ignore', column ? { rule, column } : { rule }, (a, b) => a.rule === b.rule && a.column === b.column);
}

/** Adds `{ rule, column, value }` ("this value is fine") to the workspace-folder (or workspace) `datasetInspector.accept` setting. */
export async function addAcceptEntry(uri: vscode.Uri, rule: string, column: string, value: string): Promise<void> {
  await addListEntry<AcceptSetting>(uri, 'accept', { rule, column, value }, (a, b) => a.rule === b.rule && a.column === b.column && a.value === b.value);
}
