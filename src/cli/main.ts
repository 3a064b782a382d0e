/** `dataset-inspector <command> [args]`: dispatches to one module per command. */
import { runConvert } from './commands/convert';
import { runProfile } from './commands/profile';
import { runCheck } from './commands/check';
import { runTrain } from './commands/train';
import { runClean } from './commands/clean';

const usage = `Usage: dataset-inspector <command> [options]

Commands:
  check FILE... [--format text|json|sarif] [--fail-on error|warning|never]
  profile FILE [--format json|text]
  convert IN OUT.arrow
  clean IN OUT [--recipe R.json] [--emit-recipe R.json] [--emit-python S.py] [--format csv|arrow|parquet|jsonl]
  train FILE --target COL [--features a,b] [--task regression|classification] [--optimizer sgd|adam]
        [--lr X] [--epochs N] [--batch-size N] [--seed N] [--val-split F] [--test-split F] [--format json]
`;

/** A command returns the process exit code. */
type Command = (args: string[]) => Promise<number>;

const commands: Record<string, Command> = {
  check: runCheck,
  profile: runProfile,
  convert: runConvert,
  train: runTrain,
  clean: runClean,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(usage);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n\n${usage}`);
    return 2;
  }
  try {
    return await command(rest);
  } catch (error) {
    process.stderr.write(`dataset-inspector ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
