/**
 * The CLI commands' option declarations, parsed by `commander`.
 *
 * Declare a command once; its parsing, validation and help all come from that declaration:
 *
 * ```ts
 * const spec = {
 *   name: 'profile',
 *   summary: 'Per-column statistics of a data file.',
 *   positionals: [{ name: 'FILE', required: true }],
 *   flags: {
 *     format: { type: 'string', choices: ['json', 'text'], description: 'Output format (default json).' },
 *     header: { type: 'boolean', description: 'First row is a header (--no-header: it is not).' },
 *     'memory-budget': { type: 'number', placeholder: 'MB', description: '…' },
 *   },
 * } as const satisfies CommandSpec;
 *
 * export async function runProfile(args: string[]): Promise<number> {
 *   return runCommand(spec, args, async ({ flags, positionals }) => {
 *     flags.format;            // 'json' | 'text' | undefined (typed from the spec)
 *     flags['memory-budget'];  // number | undefined
 *     return 0;
 *   });
 * }
 * ```
 *
 * Syntax (commander's): `--name value`, `--name=value`, `-x value` (with `short: 'x'`), booleans as
 * `--name` and `--no-name`, `--` ends options. A flag given twice keeps the last value, unless it is
 * declared `multiple: true` (then every value is kept, in `multiples`). `-h`/`--help` prints the help.
 * Usage errors (unknown option with a "did you mean", missing value, bad number or choice, missing or
 * extra positionals) print one line and the help on stderr, and {@link runCommand} returns exit code 2.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';

export type FlagType = 'string' | 'boolean' | 'number';

export interface FlagSpec {
  type: FlagType;
  description: string;
  /** One-letter alias: `-f`. */
  short?: string;
  /** Allowed values (string flags). */
  choices?: readonly string[];
  /** Shown in help: `--delimiter <CHAR>`. */
  placeholder?: string;
  /** Keep every occurrence (string flags): `--na NA --na -` → multiples.na = ['NA', '-']. */
  multiple?: boolean;
}

export interface PositionalSpec {
  name: string;
  required?: boolean;
  /** Takes all remaining positionals (last one only). */
  variadic?: boolean;
}

export interface CommandSpec {
  /** Command name as typed after `dataset-inspector`. */
  name: string;
  summary: string;
  positionals: readonly PositionalSpec[];
  flags: Readonly<Record<string, FlagSpec>>;
  /** Extra help text printed after the options. */
  epilog?: string;
}

/** A flag's value: boolean, number, one of its choices, or any string. */
type ValueOf<F extends FlagSpec> = F['type'] extends 'boolean'
  ? boolean
  : F['type'] extends 'number'
    ? number
    : F extends { choices: readonly (infer C extends string)[] }
      ? C
      : string;

/** Parsed flag values, typed from the spec (a flag with choices: their union); absent flags are undefined. */
export type FlagValues<F extends Readonly<Record<string, FlagSpec>>> = { -readonly [K in keyof F]?: ValueOf<F[K]> };

export interface ParsedArgs<F extends Readonly<Record<string, FlagSpec>>> {
  flags: FlagValues<F>;
  /** Every value of `multiple` flags, in order. */
  multiples: Partial<Record<keyof F, string[]>>;
  positionals: string[];
}

/** A usage error found after parsing (e.g. a value that must be a date); printed like commander's own. */
export class UsageError extends Error {
  override name = 'UsageError';
}

function parseNumber(raw: string): number {
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError('It must be a number.');
  return n;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function optionFor(name: string, flag: FlagSpec): Option {
  const short = flag.short ? `-${flag.short}, ` : '';
  if (flag.type === 'boolean') return new Option(`${short}--${name}`, flag.description);
  // Short choice lists read best in the placeholder (`<json|text>`); commander lists them after the description too.
  const choices = flag.choices?.join('|');
  const placeholder = flag.placeholder ?? (choices && choices.length <= 20 ? choices : flag.type === 'number' ? 'N' : 'VALUE');
  const option = new Option(`${short}--${name} <${placeholder}>`, flag.description);
  if (flag.choices) option.choices(flag.choices);
  if (flag.type === 'number') option.argParser(parseNumber);
  if (flag.multiple) option.argParser(collect);
  return option;
}

/** Where help (out) and usage errors (err) are printed. */
export interface HelpOutput {
  out(text: string): void;
  err(text: string): void;
}

const processOutput: HelpOutput = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

function helpWidth(stream: NodeJS.WriteStream): number {
  return stream.isTTY && stream.columns ? stream.columns : Number.MAX_SAFE_INTEGER;
}

/** The commander command of a spec; writes help and errors through `write`. */
function commandFor(spec: CommandSpec, write: HelpOutput): Command {
  const command = new Command(`dataset-inspector ${spec.name}`)
    .description(spec.summary)
    .usage(`${spec.positionals.map((p) => (p.required ? p.name : `[${p.name}]`) + (p.variadic ? '...' : '')).join(' ')} [options]`.trim())
    .helpOption('-h, --help', 'Show this help.')
    .showSuggestionAfterError()
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: write.out,
      writeErr: write.err,
      // Wrapped to a terminal's width; one line per option when piped (grep, files, tests).
      getOutHelpWidth: () => helpWidth(process.stdout),
      getErrHelpWidth: () => helpWidth(process.stderr),
      // commander's "error: …" becomes "dataset-inspector <command>: …".
      outputError: (text, writeErr) => writeErr(`dataset-inspector ${spec.name}: ${text.replace(/^error: /, '')}`),
    });
  for (const p of spec.positionals) command.argument(p.required ? `<${p.name}${p.variadic ? '...' : ''}>` : `[${p.name}${p.variadic ? '...' : ''}]`);
  for (const [name, flag] of Object.entries(spec.flags)) {
    command.addOption(optionFor(name, flag));
    // `--no-x` sets x to false; listed once in the help as the description of `--x` says.
    if (flag.type === 'boolean') command.addOption(new Option(`--no-${name}`).hideHelp());
  }
  if (spec.epilog) command.addHelpText('after', `\n${spec.epilog}`);
  return command;
}

/**
 * Parses `args` (the words after the command name) against `spec`. Throws commander's CommanderError on
 * a usage error or `--help` (after writing the message or help through `write`).
 */
export function parseArgs<S extends CommandSpec>(
  spec: S,
  args: readonly string[],
  write: HelpOutput = processOutput,
): ParsedArgs<S['flags']> {
  const command = commandFor(spec, write);
  command.parse([...args], { from: 'user' });
  const values = command.opts<Record<string, unknown>>();
  const flags: Record<string, unknown> = {};
  const multiples: Record<string, string[]> = {};
  for (const option of command.options) {
    const name = option.long?.replace(/^--(no-)?/, '') ?? '';
    const value = values[option.attributeName()];
    if (value === undefined || !(name in spec.flags)) continue;
    if (spec.flags[name].multiple && Array.isArray(value)) {
      multiples[name] = value as string[];
      flags[name] = value[value.length - 1];
    } else flags[name] = value;
  }
  return {
    flags: flags as FlagValues<S['flags']>,
    multiples: multiples as Partial<Record<keyof S['flags'], string[]>>,
    positionals: command.args,
  };
}

/** The help text of a command, generated from its spec. */
export function formatHelp(spec: CommandSpec): string {
  return commandFor(spec, { out: () => undefined, err: () => undefined }).helpInformation();
}

/**
 * Parses `args` and runs `body`; handles `--help` (help on stdout, exit 0) and usage errors (one line and
 * the help on stderr, exit 2), including {@link UsageError}s thrown by `body`. Other errors propagate to
 * the dispatcher (exit 1).
 */
export async function runCommand<S extends CommandSpec>(
  spec: S,
  args: readonly string[],
  body: (parsed: ParsedArgs<S['flags']>) => Promise<number>,
): Promise<number> {
  let parsed: ParsedArgs<S['flags']>;
  try {
    parsed = parseArgs(spec, args);
  } catch (error) {
    if (error instanceof CommanderError) return error.code === 'commander.helpDisplayed' || error.code === 'commander.help' ? 0 : 2;
    throw error;
  }
  try {
    return await body(parsed);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`dataset-inspector ${spec.name}: ${error.message}\n\n${formatHelp(spec)}`);
    return 2;
  }
}
