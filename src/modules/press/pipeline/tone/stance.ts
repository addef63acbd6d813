import { foldText } from '../folding';
import { matchTopics, type TopicHit } from '../topics';
import type { Language, Tone } from '../types';
import { DEFAULT_LEXICONS, type Lexicon } from './lexicon';
import { probabilities, trainLinear, type LinearModel, type SparseVector } from './linear';
import { countElsewhere, defaultPlaces, type PlaceMatchers } from './places';
import { scoreTone, type ToneEvidence } from './score';

/**
 * Tone as stance toward a target. The question staff ask is "is this bad for the province or the
 * country": a flood in the province is negative, a flood elsewhere that names the province in
 * passing is neutral, a text defending the country against hostile broadcasters is not negative
 * however many attack words it quotes.
 *
 * A linear model (./linear.ts) over the title and lead (the first sentences: where a story says
 * what it is about): folded syllable unigrams and bigrams, the lexicon's score of each
 * (./score.ts, with negation and intensifiers), and where the text points (the province's own
 * places, another province, Vietnam as a state, the province named only as where someone lives).
 * Trained on the labelled corpus's train split only; the sentence with the strongest evidence for
 * the decided tone is returned as the explanation.
 */
export type Target = 'province' | 'vietnam' | 'elsewhere' | 'none';

export interface StanceResult {
  tone: Tone;
  target: Target;
  /** Probability of each tone. */
  probabilities: Record<Tone, number>;
  /** The sentence that decides it, from the title or the lead. */
  explanation: { field: 'title' | 'text'; sentence: string } | null;
  evidence: ToneEvidence[];
  /** The lexicon's score of the title and lead (./score.ts). */
  lexiconScore: number;
  language: Language;
}

export interface StanceInput {
  title?: string | null;
  text?: string | null;
  language?: Language | null;
  /** The folded title, when the caller has it (./normalise.ts). */
  foldedTitle?: string;
  /** Hits of the province's place topics in the title and text, when the caller matched them already. */
  placeHits?: TopicHit[];
}

export interface StanceExample extends StanceInput {
  tone: Tone;
}

/** Characters of the text read as the lead: the corpus keeps leads of at most two sentences, 400 characters. */
export const LEAD_CHARS = 400;
const TONES: Tone[] = ['positive', 'neutral', 'negative'];
const DIMENSION = 1 << 15;
const DENSE = 32;
const NGRAM_WEIGHT = 0.1;
const NGRAM_WORD = /[\p{L}\p{N}]+/gu;

const RESIDENCE = /(^|[^\p{L}])(trú|ngụ|quê|thường trú|tạm trú|sống ở|residing|native of)([^\p{L}][^.;]{0,70})?$/u;
/** Words of texts that answer hostile commentary (their attack words aim at the commentators). */
const COUNTER = /\b(luan dieu|the luc thu dich|phan bac|truyen thong ban|doi tuong xau|canh giac|chong pha|thong tin xau doc)\b/g;
/** Words of hostile commentary on the state. */
const HOSTILE = /\b(nha cam quyen|che do cong san|csvn|viet cong|lat do|dan ap|tu nhan luong tam|dan oan)\b/g;

function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
/** The feature slot of a field's unigram (b = 0) or bigram, from the words' hashes. */
const slot = (field: number, a: number, b: number) =>
  DENSE + (((Math.imul(Math.imul(field, 0x9e3779b1) ^ a, 0x85ebca6b) ^ Math.imul(b, 0xc2b2ae35)) >>> 0) % (DIMENSION - DENSE));

export function leadOf(text: string | null | undefined): string {
  const t = text ?? '';
  if (t.length <= LEAD_CHARS) return t;
  const cut = t.lastIndexOf('.', LEAD_CHARS);
  return t.slice(0, cut > 150 ? cut + 1 : LEAD_CHARS);
}

interface Facts {
  x: SparseVector;
  lexiconScore: number;
  target: Target;
  evidence: ToneEvidence[];
  language: Language;
}

function placeFacts(places: PlaceMatchers, input: StanceInput, title: string, lead: string, foldedTitle: string, foldedLead: string) {
  const own = (input.placeHits ?? matchTopics(places.own, { title, text: lead }).flatMap((m) => m.hits)).filter(
    (h) => h.field === 'title' || h.start < lead.length,
  );
  const ownTitle = own.some((h) => h.field === 'title');
  const ownLead = own.filter((h) => h.field === 'text');
  const inTitle = countElsewhere(places, foldedTitle);
  const inLead = countElsewhere(places, foldedLead);
  const folded = `${foldedTitle}\n${foldedLead}`;
  // Named only as where someone lives ("trú tại xã …, tỉnh …").
  const residenceOnly =
    !ownTitle && ownLead.length > 0 && ownLead.every((h) => RESIDENCE.test(lead.slice(Math.max(0, h.start - 80), h.start).toLowerCase()));
  return {
    ownTitle,
    ownLead: ownLead.length > 0,
    residenceOnly,
    otherTitle: inTitle.others > 0,
    otherLead: inLead.others > 0,
    /** The lead names the province more often than other provinces. */
    ownLeads: ownLead.length > inLead.others,
    national: inTitle.national + inLead.national > 0,
    counter: folded.match(COUNTER)?.length ?? 0,
    hostile: folded.match(HOSTILE)?.length ?? 0,
  };
}

function facts(
  input: StanceInput,
  places: PlaceMatchers,
  lexicons: Partial<Record<'vi' | 'en', Lexicon>> | undefined,
  ngram: number,
): Facts {
  const title = input.title ?? '';
  const lead = leadOf(input.text);
  const t = scoreTone({ title, text: '', language: input.language ?? null }, { lexicons });
  const language = t.language;
  const l = scoreTone({ title: '', text: lead, language }, { lexicons });
  const x: SparseVector = new Map();
  const evidence = [...t.evidence, ...l.evidence];
  const sum = (ev: ToneEvidence[], sign: number) => ev.reduce((s, e) => s + (Math.sign(e.weight) === sign ? Math.abs(e.weight) : 0), 0);
  const foldedTitle = input.foldedTitle ?? foldText(title);
  const foldedLead = foldText(lead);
  const p = placeFacts(places, input, title, lead, foldedTitle, foldedLead);
  const negT = sum(t.evidence, -1);
  const posT = sum(t.evidence, 1);
  const negL = sum(l.evidence, -1);
  const posL = sum(l.evidence, 1);
  const squash = (v: number) => Math.tanh(v / 3);
  const dense = [
    squash(t.score),
    squash(l.score),
    squash(negT),
    squash(posT),
    squash(negL),
    squash(posL),
    +p.ownTitle,
    +p.ownLead,
    +p.otherTitle,
    +p.otherLead,
    +p.residenceOnly,
    +p.national,
    squash(negT + negL) * +(p.ownTitle || (p.ownLead && !p.residenceOnly)),
    squash(negT + negL) * +(!p.ownTitle && (!p.ownLead || p.residenceOnly)),
    squash(negT + negL) * +(p.otherTitle && !p.ownTitle),
    squash(posT + posL) * +(p.ownTitle || p.ownLead),
    Math.tanh(p.counter / 2),
    Math.tanh(p.hostile / 2),
    squash(negT + negL) * Math.tanh(p.counter / 2),
  ];
  dense.forEach((v, i) => v && x.set(i, v));
  if (ngram && (language === 'vi' || language === 'en')) {
    for (const [field, text] of [
      [1, foldedTitle],
      [2, foldedLead],
    ] as const) {
      const words = text.match(NGRAM_WORD) ?? [];
      const hashes = words.map(fnv);
      for (let i = 0; i < words.length; i++) {
        const c = words[i].charCodeAt(0);
        if (c >= 48 && c <= 57) continue;
        x.set(slot(field, hashes[i], 0), ngram);
        if (i + 1 < words.length) x.set(slot(field, hashes[i], hashes[i + 1]), ngram);
      }
    }
  }
  const target: Target = p.ownTitle
    ? 'province'
    : p.otherTitle && !(p.ownLeads && !p.residenceOnly)
      ? 'elsewhere'
      : p.ownLead && !p.residenceOnly
        ? 'province'
        : p.national
          ? 'vietnam'
          : p.otherLead || p.residenceOnly
            ? 'elsewhere'
            : 'none';
  return { x, target, evidence, language, lexiconScore: Math.round((t.score + l.score) * 100) / 100 };
}

export interface StanceModel {
  linear: LinearModel;
  places: PlaceMatchers;
  lexicons?: Partial<Record<'vi' | 'en', Lexicon>>;
  ngram: number;
}

export interface StanceTrainOptions {
  /** Value of each syllable n-gram feature (0: lexicon and places only). */
  ngramWeight?: number;
  places?: PlaceMatchers;
  lexicons?: Partial<Record<'vi' | 'en', Lexicon>>;
  epochs?: number;
  rate?: number;
  l2?: number;
}

export function trainStance(examples: readonly StanceExample[], options: StanceTrainOptions = {}): StanceModel {
  const places = options.places ?? defaultPlaces();
  const ngram = options.ngramWeight ?? NGRAM_WEIGHT;
  const rows = examples.map((e) => ({ x: facts(e, places, options.lexicons, ngram).x, y: e.tone }));
  const counts = Object.fromEntries(TONES.map((t) => [t, rows.filter((r) => r.y === t).length || 1]));
  const classWeight = Object.fromEntries(TONES.map((t) => [t, rows.length / (3 * counts[t])]));
  const linear = trainLinear(rows, TONES, DIMENSION, {
    epochs: options.epochs ?? 40,
    rate: options.rate ?? 0.2,
    l2: options.l2 ?? 1e-3,
    classWeight,
  });
  return { linear, places, lexicons: options.lexicons, ngram };
}

function sentenceAround(text: string, position: number): string {
  const before = text.slice(0, position).search(/[^.!?…\n]*$/);
  const afterRel = text.slice(position).search(/[.!?…\n]/);
  const end = afterRel < 0 ? text.length : position + afterRel + 1;
  return text.slice(before < 0 ? 0 : before, end).trim();
}

export function scoreStance(model: StanceModel, input: StanceInput): StanceResult {
  const f = facts(input, model.places, model.lexicons, model.ngram);
  if (f.language !== 'vi' && f.language !== 'en') {
    return {
      tone: 'neutral',
      target: f.target,
      probabilities: { positive: 0, neutral: 1, negative: 0 },
      explanation: null,
      evidence: [],
      lexiconScore: 0,
      language: f.language,
    };
  }
  const p = probabilities(model.linear, f.x);
  let best = 0;
  for (let c = 1; c < p.length; c++) if (p[c] > p[best]) best = c;
  const tone = TONES[best];
  const sign = tone === 'positive' ? 1 : tone === 'negative' ? -1 : 0;
  const decisive = sign
    ? [...f.evidence].filter((e) => Math.sign(e.weight) === sign).sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))[0]
    : undefined;
  const title = input.title ?? '';
  const lead = leadOf(input.text);
  const explanation = decisive
    ? { field: decisive.field, sentence: sentenceAround(decisive.field === 'title' ? title : lead, decisive.position) }
    : title
      ? { field: 'title' as const, sentence: title }
      : null;
  return {
    tone,
    target: f.target,
    probabilities: { positive: p[0], neutral: p[1], negative: p[2] },
    explanation,
    evidence: f.evidence,
    lexiconScore: f.lexiconScore,
    language: f.language,
  };
}

export { DEFAULT_LEXICONS };
