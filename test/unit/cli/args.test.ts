/** The shared CLI argument parser. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArgs, formatHelp, UsageError, type CommandSpec } from '../../../src/cli/args';

const spec = {
  name: 'demo',
  summary: 'A demo command.',
  positionals: [
    { name: 'IN', required: true },
    { name: 'OUT', required: false },
  ],
  flags: {
    format: { type: 'string', short: 'f', choices: ['json', 'text'], description: 'Output format.' },
    header: { type: 'boolean', description: 'Header row.' },
    lr: { type: 'number', description: 'Learning rate.' },
    na: { type: 'string', multiple: true, description: 'NA token.' },
  },
} as const satisfies CommandSpec;

test('flags with values, booleans, negation, positionals', () => {
  const r = parseArgs(spec, ['a.csv', '--format', 'text', '--no-header', '--lr=0.5', 'b.arrow', '--na', 'NA', '--na=-']);
  assert.deepEqual(r.positionals, ['a.csv', 'b.arrow']);
  assert.equal(r.flags.format, 'text');
  assert.equal(r.flags.header, false);
  assert.equal(r.flags.lr, 0.5);
  assert.deepEqual(r.multiples.na, ['NA', '-']);
  assert.equal(r.help, false);
  const s = parseArgs(spec, ['-f', 'json', '--header', '--', '--not-a-flag']);
  assert.equal(s.flags.format, 'json');
  assert.equal(s.flags.header, true);
  assert.deepEqual(s.positionals, ['--not-a-flag']);
  assert.equal(parseArgs(spec, ['x', '--lr', '-1e-3']).flags.lr, -0.001);
});

test('helpful errors', () => {
  assert.throws(() => parseArgs(spec, ['a', '--fromat', 'json']), (e: unknown) => e instanceof UsageError && /unknown option --fromat \(did you mean --format\?\)/.test(e.message));
  assert.throws(() => parseArgs(spec, ['a', '--format']), /option --format needs a value/);
  assert.throws(() => parseArgs(spec, ['a', '--format', 'xml']), /--format must be one of json, text \(got "xml"\)/);
  assert.throws(() => parseArgs(spec, ['a', '--lr', 'fast']), /--lr must be a number/);
  assert.throws(() => parseArgs(spec, []), /missing IN/);
  assert.throws(() => parseArgs(spec, ['a', 'b', 'c']), /unexpected argument: c/);
  assert.throws(() => parseArgs(spec, ['a', '--no-format']), /not a boolean option/);
  assert.throws(() => parseArgs(spec, ['a', '-x']), /unknown option -x/);
});

test('--help skips validation and the help text lists every option', () => {
  assert.equal(parseArgs(spec, ['--help']).help, true);
  const help = formatHelp(spec);
  assert.match(help, /Usage: dataset-inspector demo IN \[OUT\] \[options\]/);
  assert.match(help, /-f, --format <json\|text>/);
  assert.match(help, /--\[no-\]header/);
  assert.match(help, /-h, --help/);
});
