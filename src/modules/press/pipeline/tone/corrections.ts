import type { Tone } from '../types';
import { splitWords, wordKey, type Lexicon } from './lexicon';
import { scoreTone } from './score';

/** A staff correction: the article as scored and the tone a person gave it. */
export interface ToneCorrection {
  title?: string | null;
  text: string;
  language: 'vi' | 'en';
  tone: Tone;
}

export interface CorrectionOptions {
  /** Passes over the corrections (perceptron epochs). */
  epochs?: number;
  /** Step for weights of terms already in the lexicon. */
  rate?: number;
  /** A new phrase is learned only when it occurs in at least this many corrections with the same polar tone. */
  minSupport?: number;
  /** Largest absolute learned weight. */
  maxLearned?: number;
}

const STOP: Record<'vi' | 'en', Set<string>> = {
  vi: new Set(
    'và của các những được trong với cho là có đã này một từ đến tại về theo như người cũng khi sẽ đang để thì lại ra vào nhiều hơn không chưa tỉnh huyện năm ngày tháng'.split(
      ' ',
    ),
  ),
  en: new Set(
    'the a an and or of in on at to for with by from is are was were be been has have had it its this that these those as their they he she we his her our you your not no will would can could said says say also than more most very'.split(
      ' ',
    ),
  ),
};

/** Vietnamese: two-syllable phrases; English: single words. Stop words and numbers are skipped. */
function candidatePhrases(text: string, language: 'vi' | 'en'): Set<string> {
  const words = splitWords(text.toLowerCase()).filter((w) => !/^\d+$/.test(w));
  const out = new Set<string>();
  const stop = STOP[language];
  if (language === 'vi') {
    for (let i = 0; i + 1 < words.length; i++) {
      if (stop.has(words[i]) || stop.has(words[i + 1])) continue;
      out.add(`${words[i]} ${words[i + 1]}`);
    }
  } else {
    for (const w of words) if (w.length > 3 && !stop.has(w)) out.add(w);
  }
  return out;
}

const target = (t: Tone) => (t === 'positive' ? 1 : t === 'negative' ? -1 : 0);

/**
 * Returns a new lexicon adjusted by staff corrections (the input is not changed):
 * 1. phrases that recur in corrections of one polar tone become `learned` terms
 *    (weight grows with support, bounded by `maxLearned`);
 * 2. a few perceptron passes: for every correction still scored wrong, the weights of the
 *    terms that decided move towards the corrected tone (towards zero for `neutral`).
 * Every change stays visible as data: `learned` entries and changed `terms` weights.
 */
export function applyCorrections(lexicon: Lexicon, corrections: readonly ToneCorrection[], options: CorrectionOptions = {}): Lexicon {
  const { epochs = 5, rate = 0.5, minSupport = 2, maxLearned = 2.5 } = options;
  const lang = lexicon.language;
  const mine = corrections.filter((c) => c.language === lang);
  const next: Lexicon = { ...lexicon, terms: { ...lexicon.terms }, learned: { ...(lexicon.learned ?? {}) } };
  if (!mine.length) return next;

  // 1. Recurring phrases.
  const known = new Set(
    Object.keys(lexicon.terms).map((t) =>
      splitWords(t)
        .map((w) => wordKey(w, lang))
        .join(' '),
    ),
  );
  const support = new Map<string, { pos: number; neg: number; neu: number }>();
  for (const c of mine) {
    for (const p of candidatePhrases(`${c.title ?? ''}. ${c.text}`, lang)) {
      const s = support.get(p) ?? { pos: 0, neg: 0, neu: 0 };
      if (c.tone === 'positive') s.pos++;
      else if (c.tone === 'negative') s.neg++;
      else s.neu++;
      support.set(p, s);
    }
  }
  for (const [p, s] of support) {
    const key = splitWords(p)
      .map((w) => wordKey(w, lang))
      .join(' ');
    if (known.has(key)) continue;
    const polar = Math.max(s.pos, s.neg);
    if (polar < minSupport || s.pos === s.neg || polar < 2 * (s.pos + s.neg + s.neu - polar)) continue;
    const w = Math.min(maxLearned, 0.75 * polar) * (s.pos > s.neg ? 1 : -1);
    next.learned[p] = Math.round(((next.learned[p] ?? 0) + w) * 100) / 100;
  }

  // 2. Perceptron passes over what is still wrong.
  for (let epoch = 0; epoch < epochs; epoch++) {
    let wrong = 0;
    for (const c of mine) {
      const lexicons = { [lang]: { ...next } };
      const r = scoreTone({ title: c.title, text: c.text, language: lang }, { lexicons });
      if (r.tone === c.tone) continue;
      wrong++;
      const want = target(c.tone);
      for (const e of r.evidence) {
        const table = e.term in next.learned ? next.learned : next.terms;
        const base = table[e.term] ?? 0;
        const sign = e.modifiers.includes('negation') ? -1 : 1;
        let w = want === 0 ? base * 0.7 : base + rate * want * sign;
        w = Math.round(w * 100) / 100;
        table[e.term] = w;
      }
      if (!r.evidence.length && want !== 0) {
        // Nothing decided: learn the correction's rarest phrases weakly.
        const phrases = [...candidatePhrases(`${c.title ?? ''}. ${c.text}`, lang)]
          .filter((p) => (support.get(p)?.pos ?? 0) + (support.get(p)?.neg ?? 0) + (support.get(p)?.neu ?? 0) === 1)
          .slice(0, 5);
        for (const p of phrases) next.learned[p] = Math.round(((next.learned[p] ?? 0) + 0.6 * want) * 100) / 100;
      }
    }
    if (!wrong) break;
  }
  return next;
}
