/**
 * The learned linear model as a TensorFlow.js layers model (model.json + weights.bin): one Dense layer whose
 * kernel and bias are the coefficients on the ORIGINAL feature scale, so `tf.loadLayersModel` gives a model
 * that predicts from raw inputs (in `inputs` order, categorical features one-hot encoded as named).
 */
import type { TrainingResult } from './types';

export interface TfjsModelArtifacts {
  /** The content of model.json. */
  modelJson: Record<string, unknown>;
  /** The content of weights.bin: kernel [inputs × units] row-major, then bias [units], float32. */
  weights: Float32Array;
}

export const WEIGHTS_FILE = 'weights.bin';

export function tfjsModelArtifacts(result: TrainingResult, target: string): TfjsModelArtifacts {
  const inputs = result.preparation.inputNames;
  const multiclass = result.task === 'multiclass-classification';
  const units = multiclass ? (result.preparation.classes?.length ?? 0) : 1;
  const unitNames = multiclass ? (result.preparation.classes ?? []) : [undefined];
  const weights = new Float32Array(inputs.length * units + units);
  unitNames.forEach((cls, u) => {
    for (const c of result.coefficients) {
      if (multiclass && c.class !== cls) continue;
      if (c.name === '(intercept)') weights[inputs.length * units + u] = c.value;
      else {
        const i = inputs.indexOf(c.name);
        if (i >= 0) weights[i * units + u] = c.value;
      }
    }
  });
  const activation = result.task === 'regression' ? 'linear' : result.task === 'binary-classification' ? 'sigmoid' : 'softmax';
  const modelJson = {
    format: 'layers-model',
    generatedBy: 'Dataset Inspector',
    convertedBy: null,
    modelTopology: {
      class_name: 'Sequential',
      config: {
        name: 'linear_model',
        layers: [
          {
            class_name: 'Dense',
            config: {
              name: 'dense',
              trainable: true,
              batch_input_shape: [null, inputs.length],
              dtype: 'float32',
              units,
              activation,
              use_bias: true,
              kernel_initializer: { class_name: 'Zeros', config: {} },
              bias_initializer: { class_name: 'Zeros', config: {} },
              kernel_regularizer: null,
              bias_regularizer: null,
              activity_regularizer: null,
              kernel_constraint: null,
              bias_constraint: null,
            },
          },
        ],
      },
      keras_version: 'tfjs-layers 4.22.0',
      backend: 'tensor_flow.js',
    },
    weightsManifest: [
      {
        paths: [WEIGHTS_FILE],
        weights: [
          { name: 'dense/kernel', shape: [inputs.length, units], dtype: 'float32' },
          { name: 'dense/bias', shape: [units], dtype: 'float32' },
        ],
      },
    ],
    userDefinedMetadata: { target, task: result.task, inputs, classes: result.preparation.classes ?? null, scale: 'original feature scale' },
  };
  return { modelJson, weights };
}
