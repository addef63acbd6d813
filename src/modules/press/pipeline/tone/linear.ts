/**
 * A multinomial logistic regression over sparse features (index → value), trained by AdaGrad
 * with L2 over a fixed number of passes in a fixed order: the same data gives the same weights.
 * Small on purpose: a few hundred labelled articles, a few thousand features; prediction is a
 * sparse dot product per class. (ml-logistic-regression trains one-vs-rest on dense matrices.)
 */
export type SparseVector = Map<number, number>;

export interface LinearModel {
  classes: readonly string[];
  dimension: number;
  /** weights[class * dimension + feature] */
  weights: Float64Array;
  bias: Float64Array;
}

export interface TrainOptions {
  epochs?: number;
  rate?: number;
  l2?: number;
  /** Weight of each class in the loss (to even out unbalanced classes). */
  classWeight?: Record<string, number>;
}

export function trainLinear(
  examples: readonly { x: SparseVector; y: string }[],
  classes: readonly string[],
  dimension: number,
  options: TrainOptions = {},
): LinearModel {
  const { epochs = 60, rate = 0.3, l2 = 1e-3 } = options;
  const k = classes.length;
  const weights = new Float64Array(k * dimension);
  const bias = new Float64Array(k);
  const g2 = new Float64Array(k * dimension).fill(1e-8);
  const b2 = new Float64Array(k).fill(1e-8);
  const model: LinearModel = { classes, dimension, weights, bias };
  const p = new Float64Array(k);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const { x, y } of examples) {
      probabilities(model, x, p);
      const target = classes.indexOf(y);
      const cw = options.classWeight?.[y] ?? 1;
      for (let c = 0; c < k; c++) {
        const err = (p[c] - (c === target ? 1 : 0)) * cw;
        b2[c] += err * err;
        bias[c] -= (rate / Math.sqrt(b2[c])) * err;
        for (const [f, v] of x) {
          const i = c * dimension + f;
          const g = err * v + l2 * weights[i];
          g2[i] += g * g;
          weights[i] -= (rate / Math.sqrt(g2[i])) * g;
        }
      }
    }
  }
  return model;
}

export function probabilities(model: LinearModel, x: SparseVector, out = new Float64Array(model.classes.length)): Float64Array {
  const k = model.classes.length;
  let max = -Infinity;
  for (let c = 0; c < k; c++) {
    let s = model.bias[c];
    const base = c * model.dimension;
    for (const [f, v] of x) s += model.weights[base + f] * v;
    out[c] = s;
    if (s > max) max = s;
  }
  let sum = 0;
  for (let c = 0; c < k; c++) sum += out[c] = Math.exp(out[c] - max);
  for (let c = 0; c < k; c++) out[c] /= sum;
  return out;
}
