/**
 * The defaults of the options a user sets, and the names core messages give them. The core, the CLI and
 * the extension read the defaults here; package.json declares the same ones for its settings (a test
 * checks). A core message names an option ("option memoryBudgetMB"), never where it is set: each shell
 * says that (a VS Code setting in extension/config.ts, a CLI flag in cli/input.ts).
 */

export const DEFAULTS = {
  /** Largest file read into one in-memory table, in MB (larger CSV files are checked batch by batch). */
  memoryBudgetMB: 1024,
  /** Findings published per rule and column; the rest are counted in one summary finding. */
  maxFindingsPerRule: 100,
  /**
   * The same for the CLI's machine-readable output (JSON, SARIF), read by programs rather than scrolled by
   * people: every finding of an ordinary table, a bound on a huge one.
   */
  maxFindingsPerRuleForPrograms: 10_000,
  /** Cell texts read as missing, besides the empty cell. */
  naTokens: ['NA', 'N/A', 'null', 'NULL', 'NaN', '-', '?'] as readonly string[],
  /** Memory the editor keeps for the results of checked files (findings, fixes, profiles), in MB. */
  resultMemoryMB: 256,
} as const;

/** The options core messages name. */
export type OptionName = 'memoryBudgetMB' | 'maxFindingsPerRule' | 'encoding';

/** How a core message names an option: "option memoryBudgetMB". */
export function optionMention(option: OptionName): string {
  return `option ${option}`;
}

/** A memory budget in MB, in bytes. */
export function megabytes(mb: number): number {
  return mb * 1024 * 1024;
}

/** An error whose remedy is an option (e.g. a file over the memory budget): shells add where it is set. */
export class OptionError extends Error {
  override name = 'OptionError';
  constructor(
    message: string,
    readonly option: OptionName,
  ) {
    super(message);
  }
}
