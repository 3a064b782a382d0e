/** `dataset-inspector <command> [args]`: dispatches to one module per command. */
import { checkSpec, runCheck } from './commands/check';
import { convertSpec, runConvert } from './commands/convert';
import { profileSpec, runProfile } from './commands/profile';
import { runTrain, trainSpec } from './commands/train';
import type { CommandSpec } from './args';

/** A command returns the process exit code. */
type Command = (args: string[]) => Promise<number>;

const commands: Array<{ spec: CommandSpec; run: Command }> = [
  { spec: checkSpec, run: runCheck },
  { spec: profileSpec, run: runProfile },
  { spec: convertSpec, run: runConvert },
  { spec: trainSpec, run: runTrain },
];

const usage = [
  'Usage: dataset-inspector <command> [options]',
  '',
  'Commands:',
  ...commands.map(({ spec }) => `  ${spec.name.padEnd(9)} ${spec.summary}`),
  '',
  'Run `dataset-inspector <command> --help` for the options of a command.',
  '',
].join('\n');

/**
 * A reader that stops early (`dataset-inspector profile x --format json | head -c 10`) closes the pipe: the
 * next write fails with EPIPE. That is the reader's choice, not an error: end quietly with the exit code
 * decided so far (0 while still writing).
 */
function endQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(usage);
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.spec.name === name);
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n\n${usage}`);
    return 2;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    process.stderr.write(`dataset-inspector ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

endQuietlyOnClosedPipe(process.stdout);
endQuietlyOnClosedPipe(process.stderr);
void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
