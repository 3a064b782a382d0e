/** The training job checks the configuration of its 'start' message: a malformed one gets a clear error, not a crash. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import path from 'node:path';
import { TrainingConfigError, parseTrainingConfig } from '../../../src/core/train/config-schema';
import type { TrainJobMessage } from '../../../src/jobs/train-protocol';
import { config } from './helpers';

test('a well-formed configuration passes as it is', () => {
  const good = config('y', { excludeRows: [3, 7], crossValidationFolds: 5, backend: 'auto', batchSize: 64 });
  assert.deepEqual(parseTrainingConfig(good), good);
});

test('a malformed configuration names each field that does not fit, and what it should be', () => {
  const bad = { ...config('y'), features: 'x1', optimizer: 'rmsprop', batchSize: 'big', backend: 'gpu' };
  assert.throws(
    () => parseTrainingConfig(bad),
    (error: unknown) =>
      error instanceof TrainingConfigError &&
      error.message ===
        'The training configuration is malformed: features: expected a list; got "x1"; optimizer: expected one of adam, sgd; got "rmsprop"; ' +
          'batchSize: does not match any of the allowed forms; got "big"; backend: expected one of tensorflow, wasm, cpu, auto; got "gpu".',
  );
  assert.throws(() => parseTrainingConfig(null), /malformed: \(top level\): expected an object; got null/);
});

test('the job answers a malformed start message with an error event and exits 1', async () => {
  const child = fork(path.resolve(__dirname, '../../../src/jobs/train-job.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  const messages: TrainJobMessage[] = [];
  child.on('message', (m: TrainJobMessage) => messages.push(m));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  child.send({ type: 'start', config: { path: '/data.csv', target: 'y', epochs: 'ten' } });
  assert.equal(await exited, 1);
  const error = messages.find((m) => m.type === 'error');
  assert.ok(error?.type === 'error' && /^The training configuration is malformed: features: expected a list; it is missing; .*epochs: expected a number; got "ten"/.test(error.message), JSON.stringify(messages));
});
