/**
 * Creates the Mocha instance and defines the BDD globals (describe, it, before, …) on globalThis.
 * index.ts imports this module *before* all-tests.ts, so the globals exist when the test modules' top-level
 * code runs (esbuild bundles the test files; there is no file globbing at run time).
 *
 * When an outer Mocha already defined the globals — @vscode/test-cli (`npx vscode-test`, .vscode-test.mjs)
 * loads this bundle as a test file — the tests register with that runner instead and `mocha` is undefined.
 */
import Mocha from 'mocha';

const outerRunner = typeof (globalThis as { describe?: unknown }).describe === 'function';

export const mocha: Mocha | undefined = outerRunner
  ? undefined
  : new Mocha({
      ui: 'bdd',
      color: false,
      timeout: Number(process.env.DATASET_INSPECTOR_TEST_TIMEOUT_MS) || 30_000,
      // A test that fails is run once more (index.ts prints it as retried, with the first failure): a
      // machine too busy for one run of a real VS Code must not fail CI; a broken behaviour fails twice.
      // DATASET_INSPECTOR_TEST_RETRIES=0 runs each test once.
      retries: Number(process.env.DATASET_INSPECTOR_TEST_RETRIES ?? 1),
      // `npm run test:host -- --grep text` passes the filter through the environment.
      ...(process.env.DATASET_INSPECTOR_TEST_GREP ? { grep: process.env.DATASET_INSPECTOR_TEST_GREP } : {}),
    });

mocha?.suite.emit('pre-require', globalThis, 'all-tests', mocha);
