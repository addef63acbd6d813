import type { Tone } from '../types';
import type { Lexicon } from './lexicon';
import { scoreTone } from './score';

export interface LabelledArticle {
  id: string;
  language: 'vi' | 'en';
  split?: 'train' | 'heldout';
  tone: Tone;
  title: string;
  text: string;
}

const TONES: Tone[] = ['positive', 'neutral', 'negative'];
export type Confusion = Record<Tone, Record<Tone, number>>;

export interface ToneEvaluation {
  n: number;
  accuracy: number;
  /** confusion[actual][predicted] */
  confusion: Confusion;
  byLanguage: Record<string, { n: number; accuracy: number; confusion: Confusion }>;
  errors: { id: string; expected: Tone; predicted: Tone; score: number }[];
}

const emptyConfusion = (): Confusion =>
  Object.fromEntries(TONES.map((a) => [a, Object.fromEntries(TONES.map((p) => [p, 0]))])) as Confusion;

export function evaluateTone(
  set: readonly LabelledArticle[],
  options: { lexicons?: Partial<Record<'vi' | 'en', Lexicon>>; split?: 'train' | 'heldout' } = {},
): ToneEvaluation {
  const rows = options.split ? set.filter((a) => a.split === options.split) : set;
  const confusion = emptyConfusion();
  const byLanguage: ToneEvaluation['byLanguage'] = {};
  const errors: ToneEvaluation['errors'] = [];
  let correct = 0;
  for (const a of rows) {
    const r = scoreTone({ title: a.title, text: a.text, language: a.language }, { lexicons: options.lexicons });
    confusion[a.tone][r.tone]++;
    const lang = (byLanguage[a.language] ??= { n: 0, accuracy: 0, confusion: emptyConfusion() });
    lang.n++;
    lang.confusion[a.tone][r.tone]++;
    if (r.tone === a.tone) {
      correct++;
      lang.accuracy++;
    } else errors.push({ id: a.id, expected: a.tone, predicted: r.tone, score: r.score });
  }
  for (const l of Object.values(byLanguage)) l.accuracy = l.n ? l.accuracy / l.n : 0;
  return { n: rows.length, accuracy: rows.length ? correct / rows.length : 0, confusion, byLanguage, errors };
}
