/**
 * Chooses the TensorFlow.js backend for training: the native `@tensorflow/tfjs-node` when it loads (an
 * optional dependency, external to the bundles), else WebAssembly, else the plain JavaScript cpu backend.
 * Reports which one was chosen and why, for the 'backend' event and the log.
 *
 * tfjs-node brings its own copy of the tfjs namespace; when it loads, training uses that namespace (the
 * engine and kernel registry are process-global in tfjs, so both copies see the same backends).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as tfCore from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
// No gradient registrations: the training loop writes its gradients out (model.ts) and never calls
// optimizer.minimize or tf.grad, so the job does not load and register every op's gradient.
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { BACKENDS, type BackendName } from './types';

export type Tf = typeof tfCore;

export interface TrainingRuntime {
  tf: Tf;
  backend: BackendName;
  /** Why this backend: e.g. "WebAssembly (SIMD); @tensorflow/tfjs-node is not installed (optional dependency)". */
  detail: string;
}

const WASM_FILE = 'tfjs-backend-wasm.wasm';

/** Folders that may hold the wasm binaries: next to the bundle (dist/wasm), or the npm package. */
function wasmFolderCandidates(): string[] {
  const candidates = [path.join(__dirname, '..', 'wasm'), path.join(__dirname, 'wasm')];
  try {
    const req = createRequire(__filename);
    candidates.push(path.dirname(req.resolve('@tensorflow/tfjs-backend-wasm')));
  } catch {
    // Not resolvable from here (a packaged extension without node_modules): the bundle folders remain.
  }
  candidates.push(path.join(process.cwd(), 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist'));
  return candidates;
}

/** The folder with the wasm binaries, or undefined. Exported for tests. */
export function findWasmFolder(): string | undefined {
  return wasmFolderCandidates().find((dir) => existsSync(path.join(dir, WASM_FILE)));
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0];
  if (typeof error === 'object' && error !== null && 'message' in error) return String((error as { message: unknown }).message);
  return String(error);
}

interface Attempt {
  runtime?: TrainingRuntime;
  /** Why it is not available. */
  failure?: string;
}

let nodeAttempt: Promise<Attempt> | undefined;
let wasmAttempt: Promise<Attempt> | undefined;
let wasmPathsSet = false;

function tryTensorflow(): Promise<Attempt> {
  nodeAttempt ??= (async (): Promise<Attempt> => {
    let loaded: unknown;
    try {
      const req = createRequire(__filename);
      loaded = req('@tensorflow/tfjs-node');
    } catch (error) {
      const code = typeof error === 'object' && error !== null && 'code' in error ? (error as { code: unknown }).code : undefined;
      return {
        failure:
          code === 'MODULE_NOT_FOUND'
            ? '@tensorflow/tfjs-node is not installed (optional dependency; its install downloads libtensorflow)'
            : `@tensorflow/tfjs-node did not load: ${messageOf(error)}`,
      };
    }
    const tf = loaded as Tf;
    try {
      if (!(await tf.setBackend('tensorflow'))) return { failure: '@tensorflow/tfjs-node loaded but its backend did not initialize' };
      await tf.ready();
      return { runtime: { tf, backend: 'tensorflow', detail: 'native TensorFlow (@tensorflow/tfjs-node)' } };
    } catch (error) {
      return { failure: `@tensorflow/tfjs-node backend failed: ${messageOf(error)}` };
    }
  })();
  return nodeAttempt;
}

function tryWasm(): Promise<Attempt> {
  wasmAttempt ??= (async (): Promise<Attempt> => {
    const folder = findWasmFolder();
    if (!folder) return { failure: `the WebAssembly binaries (${WASM_FILE}) were not found next to the bundle or in node_modules` };
    try {
      if (!wasmPathsSet) {
        setWasmPaths(folder + path.sep);
        wasmPathsSet = true;
      }
      if (!(await tfCore.setBackend('wasm'))) return { failure: 'the WebAssembly backend did not initialize' };
      await tfCore.ready();
      const simd = await tfCore.env().getAsync('WASM_HAS_SIMD_SUPPORT');
      return { runtime: { tf: tfCore, backend: 'wasm', detail: `WebAssembly${simd ? ' (SIMD)' : ''}` } };
    } catch (error) {
      return { failure: `the WebAssembly backend failed: ${messageOf(error)}` };
    }
  })();
  return wasmAttempt;
}

async function useCpu(): Promise<TrainingRuntime> {
  await tfCore.setBackend('cpu');
  await tfCore.ready();
  return { tf: tfCore, backend: 'cpu', detail: 'plain JavaScript (cpu backend)' };
}

/**
 * Activates a backend. `preferred` 'auto' tries tensorflow → wasm → cpu; a named backend is tried first
 * and the rest of the chain follows when it is unavailable. The detail says why earlier ones were skipped.
 */
export async function initBackend(preferred: BackendName | 'auto' = 'auto'): Promise<TrainingRuntime> {
  // PROD silences tfjs's console chatter ("looks like you are running TensorFlow.js in Node.js…") that
  // would otherwise land in the CLI's stderr and the job's log.
  tfCore.env().set('PROD', true);
  const order: BackendName[] =
    preferred === 'cpu' ? ['cpu'] : preferred === 'wasm' ? ['wasm', 'cpu'] : [...BACKENDS];
  const skipped: string[] = [];
  for (const name of order) {
    if (name === 'cpu') {
      const runtime = await useCpu();
      const why = preferred === 'cpu' ? 'requested' : skipped.join('; ');
      return { ...runtime, detail: why ? `${runtime.detail}; ${why}` : runtime.detail };
    }
    const attempt = name === 'tensorflow' ? await tryTensorflow() : await tryWasm();
    if (attempt.runtime) {
      const runtime = attempt.runtime;
      // Re-activate: another backend may have been selected since this one was first initialized.
      if (runtime.tf.getBackend() !== name) await runtime.tf.setBackend(name);
      const why = preferred === name ? 'requested' : skipped.join('; ');
      return { ...runtime, detail: why ? `${runtime.detail}; ${why}` : runtime.detail };
    }
    skipped.push(attempt.failure ?? `${name} unavailable`);
  }
  // Unreachable: the cpu backend is always registered.
  return useCpu();
}

/** Backends that initialize in this process (for the benchmark): tensorflow only when tfjs-node loads. */
export async function availableBackends(): Promise<BackendName[]> {
  const out: BackendName[] = [];
  if ((await tryTensorflow()).runtime) out.push('tensorflow');
  if ((await tryWasm()).runtime) out.push('wasm');
  out.push('cpu');
  return out;
}
