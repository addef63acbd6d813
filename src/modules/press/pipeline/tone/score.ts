import { detectLanguage } from '../language';
import type { Language, Tone } from '../types';
import { DEFAULT_LEXICONS, WORD, foldedKey, splitWords, wordKey, type Lexicon } from './lexicon';

/**
 * Explainable tone: lexicon terms found in the title and text, each with its weight after the
 * rules (negation, intensifier, contrast, title), summed and scaled by length, then compared with
 * the lexicon's thresholds. Everything that decided is returned for the screen.
 */
export interface ToneEvidence {
  term: string;
  weight: number;
  /** UTF-16 offset in the field. */
  position: number;
  field: 'title' | 'text';
  /** Rule ids that changed this term's weight. */
  modifiers: string[];
}

export interface ToneRule {
  id: 'negation' | 'intensifier' | 'contrast' | 'title' | 'length' | 'threshold' | 'unaccented' | 'unsupported_language';
  detail: string;
}

export interface ToneResult {
  tone: Tone;
  score: number;
  language: Language;
  evidence: ToneEvidence[];
  rules: ToneRule[];
}

export interface ToneInput {
  title?: string | null;
  text?: string | null;
  language?: Language | null;
}

export interface ToneOptions {
  lexicons?: Partial<Record<'vi' | 'en', Lexicon>>;
}

interface Entry {
  keys: string[];
  weight: number;
  term: string;
}
interface Compiled {
  lexicon: Lexicon;
  exact: Map<string, Entry[]>;
  folded: Map<string, Entry[]>;
  negators: Set<string>;
  exceptions: string[][];
  intensifiers: Map<string, number>;
  contrast: Set<string>;
}

const cache = new WeakMap<Lexicon, Compiled>();

function index(map: Map<string, Entry[]>, e: Entry) {
  const list = map.get(e.keys[0]);
  if (list) list.push(e);
  else map.set(e.keys[0], [e]);
}

export function compileLexicon(lex: Lexicon): Compiled {
  const hit = cache.get(lex);
  if (hit) return hit;
  const lang = lex.language;
  const weights = new Map<string, { weight: number; term: string }>();
  for (const src of [lex.terms, lex.learned ?? {}]) {
    for (const [term, w] of Object.entries(src)) {
      const words = splitWords(term);
      if (!words.length || !w) continue;
      const k = words.map((x) => wordKey(x, lang)).join(' ');
      const prev = weights.get(k);
      weights.set(k, { weight: (prev?.weight ?? 0) + w, term: prev?.term ?? term });
    }
  }
  const exact = new Map<string, Entry[]>();
  const folded = new Map<string, Entry[]>();
  const foldedSeen = new Map<string, Entry>();
  for (const [k, { weight, term }] of weights) {
    if (!weight) continue;
    index(exact, { keys: k.split(' '), weight, term });
    if (lang === 'vi') {
      const fk = splitWords(term).map(foldedKey);
      // One folded syllable is too ambiguous (bão/báo → bao); phrases whose folded forms
      // collide with an opposite weight are dropped.
      if (fk.length < 2) continue;
      const key = fk.join(' ');
      const other = foldedSeen.get(key);
      if (other) {
        if (Math.sign(other.weight) !== Math.sign(weight)) other.weight = 0;
        continue;
      }
      const e = { keys: fk, weight, term };
      foldedSeen.set(key, e);
      index(folded, e);
    }
  }
  for (const list of [...exact.values(), ...folded.values()]) list.sort((a, b) => b.keys.length - a.keys.length);
  const c: Compiled = {
    lexicon: lex,
    exact,
    folded,
    negators: new Set(
      lex.negators.map((n) =>
        splitWords(n)
          .map((w) => wordKey(w, lang))
          .join(' '),
      ),
    ),
    exceptions: lex.negationExceptions.map((p) => splitWords(p).map((w) => wordKey(w, lang))),
    intensifiers: new Map(
      Object.entries(lex.intensifiers).map(([k, v]) => [
        splitWords(k)
          .map((w) => wordKey(w, lang))
          .join(' '),
        v,
      ]),
    ),
    contrast: new Set(
      lex.contrast.map((p) =>
        splitWords(p)
          .map((w) => wordKey(w, lang))
          .join(' '),
      ),
    ),
  };
  cache.set(lex, c);
  return c;
}

interface Token {
  key: string;
  fkey: string;
  start: number;
  clause: number;
  sentence: number;
}

const codes = (chars: string) => new Set([...chars].map((c) => c.charCodeAt(0)));
const SENTENCE_END = codes('.!?…\n');
const CLAUSE_END = codes(',;:()"“”–—');

function tokenise(text: string, lang: 'vi' | 'en', folded: boolean): Token[] {
  const out: Token[] = [];
  let clause = 0;
  let sentence = 0;
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    let end = false;
    let pause = false;
    for (let i = last; i < m.index!; i++) {
      const c = text.charCodeAt(i);
      if (SENTENCE_END.has(c)) end = true;
      else if (CLAUSE_END.has(c)) pause = true;
    }
    if (end) {
      sentence++;
      clause++;
    } else if (pause) clause++;
    out.push({ key: wordKey(m[0], lang), fkey: folded ? foldedKey(m[0]) : '', start: m.index!, clause, sentence });
    last = m.index! + m[0].length;
  }
  return out;
}

const VI_MARKED = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/iu;
const LETTER = /\p{L}/u;

function startsWithAt(tokens: Token[], i: number, keys: string[], folded: boolean): boolean {
  if (i + keys.length > tokens.length) return false;
  for (let k = 0; k < keys.length; k++) {
    const t = tokens[i + k];
    if ((folded ? t.fkey : t.key) !== keys[k] || t.clause !== tokens[i].clause) return false;
  }
  return true;
}

function scoreField(c: Compiled, text: string, field: 'title' | 'text', folded: boolean, evidence: ToneEvidence[]): number {
  const lang = c.lexicon.language;
  const tokens = tokenise(text, lang, folded);
  const map = folded ? c.folded : c.exact;
  const keyOf = (t: Token) => (folded ? t.fkey : t.key);
  let contrastClauseFrom = -1;
  let contrastSentence = -1;
  for (let i = 0; i < tokens.length;) {
    const t = tokens[i];
    if (c.contrast.has(t.key) || (i + 1 < tokens.length && c.contrast.has(`${t.key} ${tokens[i + 1].key}`))) {
      contrastSentence = t.sentence;
      contrastClauseFrom = t.clause;
    }
    const candidates = map.get(keyOf(t));
    const entry = candidates?.find((e) => startsWithAt(tokens, i, e.keys, folded));
    if (!entry) {
      i++;
      continue;
    }
    let weight = entry.weight;
    const modifiers: string[] = [];
    // Negation: a negator among the previous words of the same clause, not starting an exception.
    for (let j = i - 1; j >= 0 && j >= i - c.lexicon.negationWindow; j--) {
      if (tokens[j].clause !== t.clause) break;
      const one = tokens[j].key;
      const two = j + 1 < i ? `${one} ${tokens[j + 1].key}` : '';
      const isNeg = c.negators.has(one) || (two && c.negators.has(two)) || one.endsWith("n't") || one.endsWith('n’t');
      if (!isNeg) continue;
      if (c.exceptions.some((ex) => startsWithAt(tokens, j, ex, false))) continue;
      weight *= -0.5;
      modifiers.push('negation');
      break;
    }
    for (let j = i - 1; j >= 0 && j >= i - 2; j--) {
      if (tokens[j].clause !== t.clause) break;
      const f = c.intensifiers.get(tokens[j].key) ?? (j + 1 < i ? c.intensifiers.get(`${tokens[j].key} ${tokens[j + 1].key}`) : undefined);
      if (f) {
        weight *= f;
        modifiers.push('intensifier');
        break;
      }
    }
    if (contrastSentence === t.sentence && t.clause >= contrastClauseFrom && contrastClauseFrom >= 0) {
      weight *= 1.25;
      modifiers.push('contrast');
    }
    if (field === 'title') {
      weight *= c.lexicon.titleWeight;
      modifiers.push('title');
    }
    evidence.push({ term: entry.term, weight: Math.round(weight * 100) / 100, position: t.start, field, modifiers });
    i += entry.keys.length;
  }
  return tokens.length;
}

export function scoreTone(article: ToneInput, options: ToneOptions = {}): ToneResult {
  const title = article.title ?? '';
  const text = article.text ?? '';
  const language = article.language ?? detectLanguage(`${title}\n${text}`);
  const rules: ToneRule[] = [];
  if (language !== 'vi' && language !== 'en') {
    rules.push({ id: 'unsupported_language', detail: `no lexicon for ${language}` });
    return { tone: 'neutral', score: 0, language, evidence: [], rules };
  }
  const lex = options.lexicons?.[language] ?? DEFAULT_LEXICONS[language];
  const c = compileLexicon(lex);
  const all = `${title} ${text}`;
  let folded = false;
  if (language === 'vi') {
    let letters = 0;
    let marked = 0;
    for (let i = 0; i < all.length; i++) {
      const c = all.charCodeAt(i);
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) letters++;
      else if (c >= 0xc0 && LETTER.test(all[i])) {
        letters++;
        if (VI_MARKED.test(all[i])) marked++;
      }
    }
    folded = letters > 20 && marked / letters < 0.02;
    if (folded) rules.push({ id: 'unaccented', detail: 'text without diacritics: phrases matched on folded text' });
  }
  const evidence: ToneEvidence[] = [];
  scoreField(c, title, 'title', folded, evidence);
  const words = scoreField(c, text, 'text', folded, evidence);
  const sum = evidence.reduce((s, e) => s + e.weight, 0);
  const scale = Math.sqrt(Math.max(1, words / 80));
  const score = Math.round((sum / scale) * 100) / 100;
  if (scale > 1) rules.push({ id: 'length', detail: `sum ${round(sum)} ÷ ${round(scale)} (√(words/80), ${words} words)` });
  for (const id of ['negation', 'intensifier', 'contrast', 'title'] as const) {
    const n = evidence.filter((e) => e.modifiers.includes(id)).length;
    if (n) rules.push({ id, detail: `${n} term(s)` });
  }
  const { positive, negative } = lex.thresholds;
  const tone: Tone = score >= positive ? 'positive' : score <= negative ? 'negative' : 'neutral';
  rules.push({ id: 'threshold', detail: `score ${score} vs positive ≥ ${positive}, negative ≤ ${negative}` });
  return { tone, score, language, evidence, rules };
}

const round = (x: number) => Math.round(x * 100) / 100;
