/**
 * The training configuration a job receives in its 'start' message, checked before it is used: the IPC
 * channel carries whatever the other side sent, and a malformed message gets a clear error (which field,
 * what was expected, what came) instead of a crash deep in the training code. Only the shape is checked
 * here; the ranges (a learning rate > 0, fractions below 1, …) are prepare.ts's settings check. The zod
 * schema is built on first use, so a job that never starts a run does not pay for it.
 */
import * as z from 'zod/mini';
import { BACKENDS, LEARNING_RATE_SCHEDULES, MISSING_FEATURE_HANDLINGS, OPTIMIZERS, TASK_KINDS, type TrainingConfig } from './types';
import { describeIssues } from '../shared/zod-messages';

function trainingConfigSchema() {
  return z.object({
    path: z.string().check(z.minLength(1)),
    target: z.string(),
    features: z.array(z.string()),
    task: z.enum([...TASK_KINDS, 'auto', 'classification']),
    optimizer: z.enum(OPTIMIZERS),
    learningRate: z.number(),
    epochs: z.number(),
    batchSize: z.union([z.number(), z.literal('auto')]),
    l2: z.number(),
    validationFraction: z.number(),
    testFraction: z.number(),
    seed: z.number(),
    earlyStoppingPatience: z.number(),
    learningRateSchedule: z.optional(z.enum(LEARNING_RATE_SCHEDULES)),
    missingFeatures: z.enum(MISSING_FEATURE_HANDLINGS),
    maxCategories: z.number(),
    backend: z.optional(z.enum([...BACKENDS, 'auto'])),
    excludeRows: z.optional(z.array(z.int().check(z.minimum(0)))),
    crossValidationFolds: z.optional(z.number()),
  });
}

let schema: ReturnType<typeof trainingConfigSchema> | undefined;

/** A training configuration that does not have the shape of a TrainingConfig. */
export class TrainingConfigError extends Error {
  override name = 'TrainingConfigError';
}

/** `value` as a TrainingConfig; throws a {@link TrainingConfigError} naming each field that does not fit. */
export function parseTrainingConfig(value: unknown): TrainingConfig {
  const parsed = (schema ??= trainingConfigSchema()).safeParse(value);
  if (!parsed.success) throw new TrainingConfigError(`The training configuration is malformed: ${describeIssues(parsed.error.issues, value, schema).join('; ')}.`);
  const config: TrainingConfig = parsed.data;
  return config;
}
