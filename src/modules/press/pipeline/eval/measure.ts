import type { Tone } from '../types';

/** Figures for the press pipeline on a labelled set: tone, alerts and story grouping. */
export const TONES: Tone[] = ['positive', 'neutral', 'negative'];
/** confusion[actual][predicted] */
export type Confusion = Record<Tone, Record<Tone, number>>;

export interface ToneFigures {
  n: number;
  accuracy: number;
  macroF1: number;
  perClass: Record<Tone, { precision: number; recall: number; f1: number; n: number }>;
  confusion: Confusion;
}

export function toneFigures(rows: readonly { actual: Tone; predicted: Tone }[]): ToneFigures {
  const confusion = Object.fromEntries(TONES.map((a) => [a, Object.fromEntries(TONES.map((p) => [p, 0]))])) as Confusion;
  for (const r of rows) confusion[r.actual][r.predicted]++;
  const perClass = {} as ToneFigures['perClass'];
  for (const t of TONES) {
    const tp = confusion[t][t];
    const predicted = TONES.reduce((s, a) => s + confusion[a][t], 0);
    const actual = TONES.reduce((s, p) => s + confusion[t][p], 0);
    const precision = predicted ? tp / predicted : 0;
    const recall = actual ? tp / actual : 0;
    perClass[t] = { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, n: actual };
  }
  const correct = TONES.reduce((s, t) => s + confusion[t][t], 0);
  return {
    n: rows.length,
    accuracy: rows.length ? correct / rows.length : 0,
    macroF1: TONES.reduce((s, t) => s + perClass[t].f1, 0) / TONES.length,
    perClass,
    confusion,
  };
}

export interface AlertFigures {
  negativeStories: number;
  alertedNegativeStories: number;
  /** Share of negative stories with at least one alerting article. */
  storyRecall: number;
  nonNegativeArticles: number;
  falseAlerts: number;
  falseAlertRate: number;
  missedStories: string[];
}

/** A story is negative when any of its articles is labelled negative. */
export function alertFigures(rows: readonly { story: string; tone: Tone; alerted: boolean }[]): AlertFigures {
  const negative = new Set(rows.filter((r) => r.tone === 'negative').map((r) => r.story));
  const alerted = new Set(rows.filter((r) => r.alerted && negative.has(r.story)).map((r) => r.story));
  const nonNegative = rows.filter((r) => r.tone !== 'negative');
  const falseAlerts = nonNegative.filter((r) => r.alerted).length;
  return {
    negativeStories: negative.size,
    alertedNegativeStories: alerted.size,
    storyRecall: negative.size ? alerted.size / negative.size : 1,
    nonNegativeArticles: nonNegative.length,
    falseAlerts,
    falseAlertRate: nonNegative.length ? falseAlerts / nonNegative.length : 0,
    missedStories: [...negative].filter((s) => !alerted.has(s)),
  };
}

export interface GroupingFigures {
  truePairs: number;
  predictedPairs: number;
  correctPairs: number;
  precision: number;
  recall: number;
}

/** Pairwise precision and recall of a grouping against the labelled stories. */
export function groupingFigures(rows: readonly { story: string; group: string }[]): GroupingFigures {
  let truePairs = 0;
  let predictedPairs = 0;
  let correctPairs = 0;
  for (let i = 0; i < rows.length; i++)
    for (let j = i + 1; j < rows.length; j++) {
      const same = rows[i].story === rows[j].story;
      const grouped = rows[i].group === rows[j].group;
      if (same) truePairs++;
      if (grouped) predictedPairs++;
      if (same && grouped) correctPairs++;
    }
  return {
    truePairs,
    predictedPairs,
    correctPairs,
    precision: predictedPairs ? correctPairs / predictedPairs : 1,
    recall: truePairs ? correctPairs / truePairs : 1,
  };
}
