/** Reads `datasetInspector.*` settings for one file and turns them into reader and rule-engine options. */
import * as vscode from 'vscode';
import type { CheckIngestOptions } from '../jobs/check-protocol';
import type { QualityConfig } from '../core/quality/engine';
import type { Severity } from '../core/quality/finding';
import type { TextEncodingName } from '../core/table/model';

export const SECTION = 'datasetInspector';

interface RuleSetting {
  enabled?: boolean;
  severity?: Severity;
  options?: Record<string, number | string | boolean | string[]>;
}

interface IgnoreSetting {
  rule: string;
  column?: string;
  file?: string;
}

export interface CheckSettings {
  ingest: CheckIngestOptions;
  quality: Partial<QualityConfig>;
  checkOnSave: boolean;
  checkOnOpen: boolean;
}

function decodeDelimiter(value: string): string | undefined {
  if (value === 'auto' || value === '') return undefined;
  if (value === '\\t' || value.toLowerCase() === 'tab') return '\t';
  return value;
}

/** Simple glob for `ignore[].file`: `*` within a path segment, `**` across segments. */
export function globMatches(glob: string, filePath: string): boolean {
  const pattern = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*\*\/?/g, '\u0001')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]')
    .split('\u0001')
    .join('.*');
  const regex = new RegExp(`(^|/)${pattern}$`);
  return regex.test(filePath.replace(/\\/g, '/'));
}

export function readCheckSettings(uri: vscode.Uri): CheckSettings {
  const config = vscode.workspace.getConfiguration(SECTION, uri);
  const header = config.get<string>('csv.header', 'auto');
  const encoding = config.get<string>('csv.encoding', 'auto');
  const ingest: CheckIngestOptions = {
    delimiter: decodeDelimiter(config.get<string>('csv.delimiter', 'auto')),
    hasHeader: header === 'auto' ? undefined : header === 'present',
    encoding: encoding === 'auto' ? undefined : (encoding as TextEncodingName),
    naTokens: config.get<string[]>('naTokens'),
    memoryBudgetBytes: config.get<number>('memoryBudgetMB', 1024) * 1024 * 1024,
    threads: config.get<number>('threads', 0),
  };
  const ignore = config
    .get<IgnoreSetting[]>('ignore', [])
    .filter((entry) => typeof entry?.rule === 'string' && (!entry.file || globMatches(entry.file, uri.fsPath)))
    .map((entry) => (entry.column ? { rule: entry.rule, column: entry.column } : { rule: entry.rule }));
  const quality: Partial<QualityConfig> = {
    rules: config.get<Record<string, RuleSetting>>('rules', {}),
    ignore,
    maxFindingsPerRuleAndColumn: config.get<number>('maxFindingsPerRule', 100),
  };
  // Configuration values are proxies that cannot be posted to a worker: hand out plain copies.
  return {
    ingest: JSON.parse(JSON.stringify(ingest)) as CheckIngestOptions,
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
