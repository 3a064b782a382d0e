/**
 * The part of `dataset-inspector train` that needs TensorFlow.js: read the file and train. Bundled apart
 * (dist/cli-train.js, esbuild.mjs) and imported by the train command only when it runs, so the other
 * commands start without loading TensorFlow.js.
 */
import { ingestFile, type IngestOptions } from '../core/ingest/index';
import { runTraining } from '../core/train/run';
import type { TrainingConfig, TrainingEvent, TrainingResult } from '../core/train/types';

export async function trainOnFile(path: string, read: IngestOptions, config: TrainingConfig, onEvent: (event: TrainingEvent) => void): Promise<TrainingResult> {
  return runTraining(await ingestFile(path, read), config, onEvent);
}
