import { fold } from '../../../shared/text/fold';
import { TermMatcher } from './matcher';
import { spellingFits } from './spelling';
import { foldAligned, isWordCharCode } from './text';

/**
 * Watch lists. Every term and exclusion is folded (case and diacritics ignored) and matched on
 * the folded article with one Aho–Corasick automaton (./matcher.ts), word boundaries checked
 * (`an` never matches inside `anh`; Lao terms, written without spaces, match anywhere).
 * Positions are UTF-16 offsets into the article's own title/text, for highlighting. A hit found by
 * folding must also fit the term's Vietnamese spelling where both carry diacritics (./spelling.ts):
 * `Cửa Việt` never matches `của Việt Nam`.
 */
export interface TopicDefinition {
  id: string;
  name: string;
  /** Words or phrases, any language, with or without diacritics. */
  terms: string[];
  /** Boolean NOT: an article containing any of these never matches the topic. */
  exclude?: string[];
  /** A term occurrence inside one of these phrases does not count (e.g. `đường Trường Sa`). */
  ignoreWithin?: string[];
}

type Role = 'term' | 'exclude' | 'ignore';
interface PatternRef {
  topic: number;
  role: Role;
  source: string;
}

export interface CompiledTopics {
  readonly topics: readonly TopicDefinition[];
  readonly matcher: TermMatcher | null;
  /** Per pattern of the matcher: the topics and roles it stands for, and whether it is Lao. */
  readonly refs: readonly PatternRef[][];
  readonly lao: readonly boolean[];
  readonly patternCount: number;
}

export interface TopicHit {
  term: string;
  field: 'title' | 'text';
  start: number;
  end: number;
}

export interface TopicMatch {
  topicId: string;
  name: string;
  /** Distinct terms that matched (as written in the topic). */
  terms: string[];
  hits: TopicHit[];
}

export interface MatchableArticle {
  title?: string | null;
  text?: string | null;
}

const LAO = /[\u0E80-\u0EFF]/;

export function compileTopics(topics: readonly TopicDefinition[]): CompiledTopics {
  const byPattern = new Map<string, PatternRef[]>();
  const add = (topic: number, role: Role, source: string) => {
    const key = fold(source);
    if (!key) return;
    const refs = byPattern.get(key);
    const ref = { topic, role, source };
    if (refs) refs.push(ref);
    else byPattern.set(key, [ref]);
  };
  topics.forEach((t, i) => {
    for (const s of t.terms) add(i, 'term', s);
    for (const s of t.exclude ?? []) add(i, 'exclude', s);
    for (const s of t.ignoreWithin ?? []) add(i, 'ignore', s);
  });
  const patterns = [...byPattern.keys()];
  return {
    topics,
    matcher: patterns.length ? new TermMatcher(patterns) : null,
    refs: [...byPattern.values()],
    lao: patterns.map((p) => LAO.test(p)),
    patternCount: patterns.length,
  };
}

interface RawHit {
  refs: PatternRef[];
  /** The span as written in the article. */
  written: string;
  field: 'title' | 'text';
  fs: number;
  fe: number;
  start: number;
  end: number;
}

function scan(compiled: CompiledTopics, original: string, field: 'title' | 'text', out: RawHit[]) {
  if (!original || !compiled.matcher) return;
  const { folded, offsets } = foldAligned(original);
  compiled.matcher.scan(folded, (p, fs, fe) => {
    if (!compiled.lao[p] && (isWordCharCode(folded, fs - 1) || isWordCharCode(folded, fe))) return;
    // Up to the next kept character, less any whitespace: includes dropped combining marks.
    let end = offsets[fe];
    while (end > offsets[fe - 1] + 1 && /\s|[\u200B-\u200D\u00AD\uFEFF]/.test(original[end - 1])) end--;
    out.push({ refs: compiled.refs[p], written: original.slice(offsets[fs], end), field, fs, fe, start: offsets[fs], end });
  });
}

export function matchTopics(compiled: CompiledTopics, article: MatchableArticle): TopicMatch[] {
  const hits: RawHit[] = [];
  scan(compiled, article.title ?? '', 'title', hits);
  scan(compiled, article.text ?? '', 'text', hits);
  if (!hits.length) return [];

  const excluded = new Set<number>();
  const ignoreSpans = new Map<number, RawHit[]>();
  const fits = (h: RawHit, r: PatternRef) => spellingFits(h.written, r.source, spellingsOf(compiled.topics[r.topic], r.role));
  for (const h of hits)
    for (const r of h.refs) {
      if (!fits(h, r)) continue;
      if (r.role === 'exclude') excluded.add(r.topic);
      else if (r.role === 'ignore') {
        const list = ignoreSpans.get(r.topic);
        if (list) list.push(h);
        else ignoreSpans.set(r.topic, [h]);
      }
    }

  const result = new Map<number, TopicMatch>();
  for (const h of hits)
    for (const r of h.refs) {
      if (r.role !== 'term' || excluded.has(r.topic) || !fits(h, r)) continue;
      const ignored = ignoreSpans.get(r.topic)?.some((s) => s.field === h.field && s.fs <= h.fs && s.fe >= h.fe);
      if (ignored) continue;
      let m = result.get(r.topic);
      if (!m) {
        const t = compiled.topics[r.topic];
        m = { topicId: t.id, name: t.name, terms: [], hits: [] };
        result.set(r.topic, m);
      }
      if (!m.terms.includes(r.source)) m.terms.push(r.source);
      m.hits.push({ term: r.source, field: h.field, start: h.start, end: h.end });
    }
  return [...result.entries()].sort((a, b) => a[0] - b[0]).map(([, m]) => m);
}

function spellingsOf(t: TopicDefinition, role: Role): readonly string[] {
  return role === 'term' ? t.terms : role === 'exclude' ? (t.exclude ?? []) : (t.ignoreWithin ?? []);
}
