/** The CLI's option declarations, parsed by commander: values, errors a user reads, help. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CommanderError } from 'commander';
import { parseArgs, formatHelp, type CommandSpec } from '../../../src/cli/args';

const spec = {
  name: 'demo',
  summary: 'A demo command.',
  positionals: [
    { name: 'IN', required: true },
    { name: 'OUT', required: false },
  ],
  flags: {
    format: { type: 'string', short: 'f', choices: ['json', 'text'], description: 'Output format.' },
    header: { type: 'boolean', description: 'Header row (--no-header: none).' },
    lr: { type: 'number', description: 'Learning rate.' },
    na: { type: 'string', multiple: true, description: 'NA token.' },
  },
} as const satisfies CommandSpec;

/** Parses, capturing what commander would print; returns the error code (or 'ok') and the printed text. */
function run(args: string[]): { code: string; out: string; err: string; parsed?: ReturnType<typeof parseArgs<typeof spec>> } {
  let out = '';
  let err = '';
  try {
    const parsed = parseArgs(spec, args, {
      out: (t) => {
        out += t;
      },
      err: (t) => {
        err += t;
      },
    });
    return { code: 'ok', out, err, parsed };
  } catch (error) {
    assert.ok(error instanceof CommanderError, String(error));
    return { code: error.code, out, err };
  }
}

test('flags with values, booleans, negation, positionals', () => {
  const r = parseArgs(spec, ['a.csv', '--format', 'text', '--no-header', '--lr=0.5', 'b.arrow', '--na', 'NA', '--na=-']);
  assert.deepEqual(r.positionals, ['a.csv', 'b.arrow']);
  assert.equal(r.flags.format, 'text');
  assert.equal(r.flags.header, false);
  assert.equal(r.flags.lr, 0.5);
  assert.deepEqual(r.multiples.na, ['NA', '-']);
  const s = parseArgs(spec, ['-f', 'json', '--header', '--', '--not-a-flag']);
  assert.equal(s.flags.format, 'json');
  assert.equal(s.flags.header, true);
  assert.deepEqual(s.positionals, ['--not-a-flag']);
  assert.equal(parseArgs(spec, ['x', '--lr', '-1e-3']).flags.lr, -0.001);
  assert.equal(parseArgs(spec, ['x']).flags.header, undefined, 'an absent boolean is undefined (sniffed), not false');
});

test('usage errors: one line naming the problem, then the help', () => {
  const cases: Array<[string[], string, RegExp]> = [
    [['a', '--fromat', 'json'], 'commander.unknownOption', /^dataset-inspector demo: unknown option '--fromat'\n\(Did you mean --format\?\)/],
    [['a', '--format'], 'commander.optionMissingArgument', /^dataset-inspector demo: option '-f, --format <json\|text>' argument missing/],
    [['a', '--format', 'xml'], 'commander.invalidArgument', /argument 'xml' is invalid\. Allowed choices are json, text\./],
    [['a', '--lr', 'fast'], 'commander.invalidArgument', /'--lr <N>' argument 'fast' is invalid\. It must be a number\./],
    [[], 'commander.missingArgument', /missing required argument 'IN'/],
    [['a', 'b', 'c'], 'commander.excessArguments', /too many arguments/],
    [['a', '--no-format'], 'commander.unknownOption', /unknown option '--no-format'/],
    [['a', '-x'], 'commander.unknownOption', /unknown option '-x'/],
  ];
  for (const [args, code, message] of cases) {
    const r = run(args);
    assert.equal(r.code, code, args.join(' '));
    assert.match(r.err, message, args.join(' '));
    assert.match(r.err, /Usage: dataset-inspector demo IN \[OUT\] \[options\]/, 'the help follows the error');
    assert.equal(r.out, '', 'nothing on stdout');
  }
});

test('--help prints the help on stdout and the help lists every option', () => {
  const r = run(['--help']);
  assert.equal(r.code, 'commander.helpDisplayed');
  assert.equal(r.out, formatHelp(spec));
  const help = formatHelp(spec);
  assert.match(help, /Usage: dataset-inspector demo IN \[OUT\] \[options\]/);
  assert.match(help, /A demo command\./);
  assert.match(help, /-f, --format <json\|text>/);
  assert.match(help, /--header +Header row \(--no-header: none\)\./);
  assert.match(help, /--lr <N>/);
  assert.match(help, /-h, --help/);
});
