/**
 * A small argument parser shared by the CLI commands.
 *
 * Declare a command once; parse, validate and print its help from that declaration:
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
 *     flags.format;            // string | undefined (typed from the spec)
 *     flags['memory-budget'];  // number | undefined
 *     return 0;
 *   });
 * }
 * ```
 *
 * Accepted syntax: `--name value`, `--name=value`, `-x value` (with `short: 'x'`), booleans as `--name`
 * (true) and `--no-name` (false), `--` ends options. A flag given twice keeps the last value, unless
 * it is declared `multiple: true` (then every value is kept, in `multiples`). `-h`/`--help` prints the
 * help. Errors (unknown option with a "did you mean", missing value, bad number or choice, missing or
 * extra positionals) throw {@link UsageError}; {@link runCommand} prints them with the help and
 * returns exit code 2.
 */

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

type ValueOf<T extends FlagType> = T extends 'boolean' ? boolean : T extends 'number' ? number : string;

/** Parsed flag values, typed from the spec; absent flags are undefined. */
export type FlagValues<F extends Readonly<Record<string, FlagSpec>>> = { -readonly [K in keyof F]?: ValueOf<F[K]['type']> };

export interface ParsedArgs<F extends Readonly<Record<string, FlagSpec>>> {
  flags: FlagValues<F>;
  /** Every value of `multiple` flags, in order. */
  multiples: Partial<Record<keyof F, string[]>>;
  positionals: string[];
  help: boolean;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

function editDistance(a: string, b: string): number {
  const dp = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) dp[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      dp[i][j] = Math.min(dp[i - 1][j] + 1, dp[i][j - 1] + 1, dp[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return dp[a.length][b.length];
}

function suggestion(name: string, known: string[]): string {
  let best = '';
  let bestDistance = Infinity;
  for (const k of known) {
    const d = editDistance(name, k);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? ` (did you mean --${best}?)` : '';
}

/** Parses `args` (the words after the command name) against `spec`. */
export function parseArgs<S extends CommandSpec>(spec: S, args: readonly string[]): ParsedArgs<S['flags']> {
  type F = S['flags'];
  const flags: Record<string, string | number | boolean> = {};
  const multiples: Record<string, string[]> = {};
  const positionals: string[] = [];
  const names = Object.keys(spec.flags);
  const byShort = new Map<string, string>();
  for (const [name, f] of Object.entries(spec.flags)) if (f.short) byShort.set(f.short, name);
  let help = false;

  const setValue = (name: string, flag: FlagSpec, raw: string): void => {
    if (flag.type === 'number') {
      const n = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(n)) throw new UsageError(`--${name} must be a number (got "${raw}")`);
      flags[name] = n;
      return;
    }
    if (flag.choices && !flag.choices.includes(raw)) {
      throw new UsageError(`--${name} must be one of ${flag.choices.join(', ')} (got "${raw}")`);
    }
    flags[name] = raw;
    if (flag.multiple) (multiples[name] ??= []).push(raw);
  };

  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (arg === '-h' || arg === '--help') {
      help = true;
      continue;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      let name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      const inline = eq >= 0 ? arg.slice(eq + 1) : undefined;
      let flag = spec.flags[name] as FlagSpec | undefined;
      let negated = false;
      if (!flag && name.startsWith('no-') && spec.flags[name.slice(3)]?.type === 'boolean') {
        name = name.slice(3);
        flag = spec.flags[name];
        negated = true;
      }
      if (!flag && name.startsWith('no-') && spec.flags[name.slice(3)]) {
        throw new UsageError(`--${name} is not valid: --${name.slice(3)} is not a boolean option`);
      }
      if (!flag) throw new UsageError(`unknown option --${name}${suggestion(name, names)}`);
      if (flag.type === 'boolean') {
        if (inline !== undefined) {
          if (!['true', 'false'].includes(inline)) throw new UsageError(`--${name} takes no value (got "${inline}")`);
          flags[name] = (inline === 'true') !== negated;
        } else flags[name] = !negated;
        continue;
      }
      const value = inline ?? args[++i];
      if (value === undefined) throw new UsageError(`option --${name} needs a value${flag.placeholder ? ` (${flag.placeholder})` : ''}`);
      setValue(name, flag, value);
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1 && !/^-\d/.test(arg)) {
      const letter = arg.slice(1, 2);
      const name = byShort.get(letter);
      if (!name || (arg.length > 2 && arg[2] !== '=')) throw new UsageError(`unknown option ${arg}`);
      const flag = spec.flags[name];
      if (flag.type === 'boolean') {
        flags[name] = true;
        continue;
      }
      const value = arg.length > 2 ? arg.slice(3) : args[++i];
      if (value === undefined) throw new UsageError(`option -${letter} (--${name}) needs a value`);
      setValue(name, flag, value);
      continue;
    }
    positionals.push(arg);
  }

  if (!help) {
    const required = spec.positionals.filter((p) => p.required).length;
    const variadic = spec.positionals.some((p) => p.variadic);
    if (positionals.length < required) {
      const missing = spec.positionals.slice(positionals.length).filter((p) => p.required).map((p) => p.name);
      throw new UsageError(`missing ${missing.join(' and ')}`);
    }
    if (!variadic && positionals.length > spec.positionals.length) {
      throw new UsageError(`unexpected argument${positionals.length - spec.positionals.length > 1 ? 's' : ''}: ${positionals.slice(spec.positionals.length).join(' ')}`);
    }
  }
  return {
    flags: flags as FlagValues<F>,
    multiples: multiples as Partial<Record<keyof F, string[]>>,
    positionals,
    help,
  };
}

/** The help text of a command, generated from its spec. */
export function formatHelp(spec: CommandSpec): string {
  const pos = spec.positionals.map((p) => (p.required ? p.name : `[${p.name}]`) + (p.variadic ? '...' : '')).join(' ');
  const lines = [`Usage: dataset-inspector ${spec.name}${pos ? ` ${pos}` : ''} [options]`, '', spec.summary, '', 'Options:'];
  const rows: Array<[string, string]> = Object.entries(spec.flags).map(([name, f]) => {
    const short = f.short ? `-${f.short}, ` : '    ';
    let left: string;
    if (f.type === 'boolean') left = `${short}--[no-]${name}`;
    else left = `${short}--${name} <${f.placeholder ?? (f.choices ? f.choices.join('|') : f.type === 'number' ? 'N' : 'VALUE')}>`;
    return [left, f.description];
  });
  rows.push(['-h, --help', 'Show this help.']);
  const width = Math.max(...rows.map(([l]) => l.length));
  for (const [l, r] of rows) lines.push(`  ${l.padEnd(width)}  ${r}`);
  if (spec.epilog) lines.push('', spec.epilog);
  return `${lines.join('\n')}\n`;
}

/**
 * Parses `args` and runs `body`; handles `--help` (help on stdout, exit 0) and usage errors (message
 * and help on stderr, exit 2). Other errors propagate to the dispatcher (exit 1).
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
    if (error instanceof UsageError) {
      process.stderr.write(`dataset-inspector ${spec.name}: ${error.message}\n\n${formatHelp(spec)}`);
      return 2;
    }
    throw error;
  }
  if (parsed.help) {
    process.stdout.write(formatHelp(spec));
    return 0;
  }
  return body(parsed);
}
