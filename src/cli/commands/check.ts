/**
 * `dataset-inspector check FILE... [--format text|json|sarif] [--fail-on error|warning|never]`: the same
 * rules and configuration as the editor. JSON is an array of findings; SARIF 2.1.0 feeds code scanning.
 * Programs reading JSON or SARIF get up to DEFAULTS.maxFindingsPerRuleForPrograms findings per rule and
 * column, where the editor and the text output list DEFAULTS.maxFindingsPerRule (`--max-findings` sets it).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCommand, UsageError, type CommandSpec } from '../args';
import { CSV_READ_FLAGS, THREADS_FLAG, csvReadSettings, withFlagOf } from '../input';
import { allRules } from '../../core/quality/engine';
import { ConfigFileError, parseQualityConfigFile, qualityConfigFor, type QualityConfigFile } from '../../core/quality/config-file';
import { checkFile } from '../../core/check/check-file';
import { DEFAULTS, OptionError, megabytes } from '../../core/defaults';
import type { Finding, Severity } from '../../core/quality/finding';
import { headlineScore, type QualityScores } from '../../core/quality/score';

export const checkSpec = {
  name: 'check',
  summary: 'Check the data quality of CSV/TSV, JSON Lines (plain or .gz), Arrow IPC or Parquet files and print the findings.',
  positionals: [{ name: 'FILE', required: true, variadic: true }],
  flags: {
    format: { type: 'string', short: 'f', choices: ['text', 'json', 'sarif'], description: 'Output format (default text).' },
    'fail-on': { type: 'string', choices: ['error', 'warning', 'never'], description: 'Exit with 1 when a finding at or above this severity exists (default error).' },
    config: {
      type: 'string',
      placeholder: 'FILE',
      description:
        'JSON file with { "rules": {...}, "ignore": [...], "accept": [...], "maxFindingsPerRuleAndColumn": N } as in the datasetInspector settings; ' +
        '"file" globs of ignore and accept entries are matched from the current directory.',
    },
    'max-findings': {
      type: 'number',
      placeholder: 'N',
      description: `Findings listed per rule and column; the rest are counted in one summary finding (default ${DEFAULTS.maxFindingsPerRule} for text, as in the editor; ${DEFAULTS.maxFindingsPerRuleForPrograms} for json and sarif; 0: all).`,
    },
    now: { type: 'string', placeholder: 'ISO', description: 'The date timeliness rules compare with (default: now).' },
    ...CSV_READ_FLAGS,
    threads: THREADS_FLAG,
    'memory-budget': {
      type: 'number',
      placeholder: 'MB',
      description: `Largest file checked in memory, in MB (default ${DEFAULTS.memoryBudgetMB}; the decompressed size of a gzip file); larger files are checked batch by batch.`,
    },
  },
  epilog: 'Exit codes: 0 no finding at or above --fail-on, 1 findings (or a file could not be read), 2 usage error (or an invalid --config file).',
} as const satisfies CommandSpec;

export interface FileFindings {
  file: string;
  findings: Finding[];
  scores: QualityScores;
}

const rank: Record<Severity, number> = { error: 3, warning: 2, information: 1, hint: 0 };

/** The JSON shape of one finding (the issue's contract: rule, dimension, severity, row, column, range, message). */
export function findingJson(file: string, f: Finding) {
  return { file, rule: f.rule, dimension: f.dimension, severity: f.severity, row: f.row, column: f.column, range: f.range, message: f.message, ...(f.summaryOf ? { summaryOf: f.summaryOf } : {}) };
}

/** The quality score of several files together: their rows and flagged rows summed (docs/score.md). */
export function combinedScore(results: FileFindings[]): number {
  const sum = (pick: (scores: QualityScores) => number) => results.reduce((n, r) => n + pick(r.scores), 0);
  return headlineScore(
    sum((s) => s.counted.rows),
    sum((s) => s.counted.flaggedRows),
    sum((s) => s.errors),
  );
}

/** One line of a file's score details: rows and cells without an error or warning finding, errors. */
function scoreDetails(scores: QualityScores): string {
  const errors = `${scores.errors} error finding${scores.errors === 1 ? '' : 's'}`;
  return `rows without an error or warning: ${scores.rows}%, cells: ${scores.cells}%, ${errors}`;
}

/** Findings as path:line:col lines, a count, each file's score details, and last the line `quality score N/100`. */
export function formatText(results: FileFindings[]): string {
  const lines: string[] = [];
  for (const { file, findings } of results) {
    for (const f of findings) lines.push(`${file}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity} [${f.rule}] ${withFlagOf(f.message, f.option)}`);
  }
  const total = results.reduce((n, r) => n + r.findings.length, 0);
  lines.push(`${total} finding${total === 1 ? '' : 's'} in ${results.length} file${results.length === 1 ? '' : 's'}.`);
  for (const { file, scores } of results) lines.push(`${results.length > 1 ? `${file}: quality score ${scores.overall}/100; ` : ''}${scoreDetails(scores)}`);
  if (results.length > 0) lines.push(`quality score ${combinedScore(results)}/100`);
  return `${lines.join('\n')}\n`;
}

const sarifLevel: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export function formatSarif(results: FileFindings[], docsBase: string): string {
  const used = new Set(results.flatMap((r) => r.findings.map((f) => f.rule)));
  const rules = allRules.filter((r) => used.has(r.id));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Dataset Inspector',
            informationUri: docsBase,
            rules: rules.map((r) => ({
              id: r.id,
              name: r.title,
              shortDescription: { text: r.title },
              fullDescription: { text: r.description },
              helpUri: `${docsBase}/docs/rules/${r.id}.md`,
              help: { text: r.docs, markdown: r.docs },
              defaultConfiguration: { level: sarifLevel[r.defaultSeverity] },
              properties: { dimension: r.dimension },
            })),
          },
        },
        // The quality score of the run (all files together) and of each file, as the text output and the report give it.
        properties: {
          qualityScore: combinedScore(results),
          files: results.map(({ file, scores: { overall, ...details } }) => ({ uri: file, qualityScore: overall, ...details })),
        },
        results: results.flatMap(({ file, findings }) =>
          findings.map((f) => ({
            ruleId: f.rule,
            ruleIndex: rules.findIndex((r) => r.id === f.rule),
            level: sarifLevel[f.severity],
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: file },
                  region: { startLine: f.range.start.line + 1, startColumn: f.range.start.character + 1, endLine: f.range.end.line + 1, endColumn: f.range.end.character + 1 },
                },
              },
            ],
            properties: { dimension: f.dimension, row: f.row, column: f.column },
          })),
        ),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** The folder of the installed package (docs/rules/ lives there), from the bundle or the sources. */
function packageRoot(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) if (existsSync(join(dir, 'package.json'))) return dir;
  return __dirname;
}

/** The --config file, checked; throws a ConfigFileError when it cannot be read or is not valid. */
function readConfigFile(path: string | undefined): QualityConfigFile {
  if (!path) return {};
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigFileError(path, [error instanceof Error ? error.message : String(error)]);
  }
  return parseQualityConfigFile(text, path);
}

export async function runCheck(args: string[]): Promise<number> {
  return runCommand(checkSpec, args, async ({ flags, multiples, positionals }) => {
    let configFile: QualityConfigFile;
    try {
      configFile = readConfigFile(flags.config);
    } catch (error) {
      if (!(error instanceof ConfigFileError)) throw error;
      process.stderr.write(`dataset-inspector check: --config ${error.file}:\n${error.problems.map((p) => `  ${p}\n`).join('')}`);
      return 2;
    }
    let now: Date | undefined;
    if (flags.now !== undefined) {
      now = new Date(flags.now);
      if (Number.isNaN(now.getTime())) throw new UsageError(`--now: "${flags.now}" is not a date`);
    }
    const format = flags.format ?? 'text';
    const cap = flags['max-findings'];
    if (cap !== undefined && (!Number.isInteger(cap) || cap < 0)) throw new UsageError(`--max-findings: expected a whole number ≥ 0, got ${cap}`);
    // --max-findings, else the configuration file's cap, else the default of the output format.
    const maxFindings =
      cap !== undefined ? (cap === 0 ? Number.MAX_SAFE_INTEGER : cap) : (configFile.maxFindingsPerRuleAndColumn ?? (format === 'text' ? undefined : DEFAULTS.maxFindingsPerRuleForPrograms));
    const read = { ...csvReadSettings(flags, multiples.na), memoryBudgetBytes: megabytes(flags['memory-budget'] ?? DEFAULTS.memoryBudgetMB) };
    const results: FileFindings[] = [];
    let unreadable = 0;
    for (const file of positionals) {
      try {
        const quality = qualityConfigFor(configFile, file);
        if (now) quality.now = now;
        if (maxFindings !== undefined) quality.maxFindingsPerRuleAndColumn = maxFindings;
        const checked = await checkFile({ path: file, read, quality });
        for (const note of checked.notes) process.stderr.write(`dataset-inspector check: ${note}\n`);
        for (const { setting, problem } of checked.settingProblems) process.stderr.write(`dataset-inspector check: setting ${setting} ignored (${problem}): the rule keeps its defaults.\n`);
        if (checked.rangesIn === 'decompressed') process.stderr.write(`dataset-inspector check: ${file}: lines and columns are those of its decompressed text.
`);
        results.push({ file, findings: checked.findings, scores: checked.scores });
      } catch (error) {
        unreadable++;
        const message = withFlagOf(error instanceof Error ? error.message : String(error), error instanceof OptionError ? error.option : undefined);
        process.stderr.write(`dataset-inspector check: ${file}: ${message}\n`);
      }
    }
    if (format === 'json') process.stdout.write(`${JSON.stringify(results.flatMap((r) => r.findings.map((f) => findingJson(r.file, f))), null, 2)}\n`);
    else if (format === 'sarif') process.stdout.write(formatSarif(results, pathToFileURL(packageRoot()).href));
    else process.stdout.write(formatText(results));
    const failOn = flags['fail-on'] ?? 'error';
    const failing = failOn !== 'never' && results.some((r) => r.findings.some((f) => rank[f.severity] >= rank[failOn]));
    return failing || unreadable ? 1 : 0;
  });
}
