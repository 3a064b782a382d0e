/** Reads `datasetInspector.*` settings for one file and turns them into reader and rule-engine options. */
import * as vscode from 'vscode';
import * as path from 'node:path';
import { fileGlobMatches, type FileLocation } from './file-glob';
import type { IgnoreEntry, QualityConfig, RuleSetting } from '../core/quality/engine';
import { delimiterOf, type ReadSettings } from '../core/ingest/options';
import type { TextEncodingName } from '../core/table/model';
import { DEFAULTS, megabytes, type OptionName } from '../core/defaults';

export const SECTION = 'datasetInspector';

/** Where each option core messages name is set in VS Code. */
export const SETTING_OF: Record<OptionName, string> = {
  memoryBudgetMB: `${SECTION}.memoryBudgetMB`,
  maxFindingsPerRule: `${SECTION}.maxFindingsPerRule`,
  encoding: `${SECTION}.csv.encoding`,
};

/** A core message that names an option, with the setting that sets it. */
export function withSettingOf(message: string, option: OptionName | undefined): string {
  return option ? `${message} Setting: ${SETTING_OF[option]}.` : message;
}

interface IgnoreSetting extends IgnoreEntry {
  /** Glob of the files the entry applies to. */
  file?: string;
}

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
const CHECK_SHAPING_SETTINGS = ['rules', 'ignore', 'naTokens', 'csv', 'memoryBudgetMB', 'maxFindingsPerRule'];

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
  };
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const location: FileLocation = { absolute: uri.fsPath, relativeToFolder: folder ? path.relative(folder.uri.fsPath, uri.fsPath) : undefined };
  const ignore = config
    .get<IgnoreSetting[]>('ignore', [])
    .filter((entry) => typeof entry?.rule === 'string' && (!entry.file || fileGlobMatches(entry.file, location)))
    .map((entry) => (entry.column ? { rule: entry.rule, column: entry.column } : { rule: entry.rule }));
  const quality: Partial<QualityConfig> = {
    rules: config.get<Record<string, RuleSetting>>('rules', {}),
    ignore,
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

/** Adds `{ rule, column }` to the workspace-folder (or workspace) `datasetInspector.ignore` setting: an undoable settings edit. */
export async function addIgnoreEntry(uri: vscode.Uri, rule: string, column: string | null): Promise<void> {
  const config = vscode.workspace.getConfiguration(SECTION, uri);
  const inspected = config.inspect<IgnoreSetting[]>('ignore');
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const target = folder ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Workspace;
  const current = (folder ? inspected?.workspaceFolderValue : inspected?.workspaceValue) ?? [];
  const relative = vscode.workspace.asRelativePath(uri, false);
  const entry: IgnoreSetting = column ? { rule, column, file: relative } : { rule, file: relative };
  if (current.some((e) => e.rule === entry.rule && e.column === entry.column && e.file === entry.file)) return;
  await config.update('ignore', [...current, entry], target);
}
