/** Turns findings into `vscode.Diagnostic`s and publishes them per data file. */
import { posix } from 'node:path';
import * as vscode from 'vscode';
import type { Finding, Severity } from '../core/quality/finding';
import type { CheckOutcome, CheckedText } from './check-service';
import { toVscodeRange } from './reveal';
import { withSettingOf } from './config';

export const DIAGNOSTIC_SOURCE = 'Dataset Inspector';

const severities: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** The documentation page of a rule, shipped with the extension. */
export function ruleDocsUri(extensionUri: vscode.Uri, ruleId: string): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${ruleId}.md`);
}

/** A finding's message as a diagnostic shows it: with the setting it names and, in a gzip file's decompressed text, the line it is on. */
function diagnosticMessage(finding: Finding, dataFile: vscode.Uri): string {
  const message = withSettingOf(finding.message, finding.option);
  if (finding.decompressedLine === undefined) return message;
  return vscode.l10n.t('{0} (line {1} of the decompressed text of {2})', message, finding.decompressedLine, posix.basename(dataFile.path));
}

export function findingToDiagnostic(finding: Finding, documentUri: vscode.Uri, dataFile: vscode.Uri, extensionUri: vscode.Uri): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toVscodeRange(finding.range), diagnosticMessage(finding, dataFile), severities[finding.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: finding.rule, target: ruleDocsUri(extensionUri, finding.rule) };
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map(
      (place) => new vscode.DiagnosticRelatedInformation(new vscode.Location(documentUri, toVscodeRange(place.range)), place.message),
    );
  }
  return diagnostic;
}

/** Finds the finding behind a diagnostic handed back by VS Code (code actions receive copies, not our objects). */
function sameDiagnostic(a: vscode.Diagnostic, b: vscode.Diagnostic): boolean {
  const code = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? d.code.value : d.code);
  return a.range.isEqual(b.range) && a.message === b.message && code(a) === code(b);
}

/** The check whose diagnostics are shown on a document (not its whole outcome: the check service keeps that, within its memory budget). */
export interface PublishedCheck {
  /** The data file. */
  uri: vscode.Uri;
  /** The text it read. */
  checked: CheckedText;
}

interface Published {
  check: PublishedCheck;
  entries: { diagnostic: vscode.Diagnostic; finding: Finding }[];
}

export class DiagnosticsPublisher implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('datasetInspector');
  private readonly published = new Map<string, Published>();

  constructor(private readonly extensionUri: vscode.Uri) {}

  publish(outcome: CheckOutcome): vscode.Diagnostic[] {
    const uri = outcome.diagnosticsUri;
    const entries = outcome.result.findings.map((finding) => ({
      finding,
      diagnostic: findingToDiagnostic(finding, uri, outcome.uri, this.extensionUri),
    }));
    const diagnostics = entries.map((e) => e.diagnostic);
    this.collection.set(uri, diagnostics);
    this.published.set(uri.toString(), { check: { uri: outcome.uri, checked: outcome.checked }, entries });
    return diagnostics;
  }

  clear(documentUri: vscode.Uri): void {
    this.collection.delete(documentUri);
    this.published.delete(documentUri.toString());
  }

  clearAll(): void {
    this.collection.clear();
    this.published.clear();
  }

  /** The check whose diagnostics live on `documentUri`. */
  outcomeFor(documentUri: vscode.Uri): PublishedCheck | undefined {
    return this.published.get(documentUri.toString())?.check;
  }

  findingFor(documentUri: vscode.Uri, diagnostic: vscode.Diagnostic): Finding | undefined {
    return this.published.get(documentUri.toString())?.entries.find((e) => sameDiagnostic(e.diagnostic, diagnostic))?.finding;
  }

  dispose(): void {
    this.collection.dispose();
    this.published.clear();
  }
}
