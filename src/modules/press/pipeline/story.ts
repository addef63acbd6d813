import { foldText } from './folding';

/**
 * Same story across outlets. Rewrites of one event by different outlets share few word shingles
 * (0–38 % on the real corpus) but they share what the event is made of: places, people and
 * organisations (capitalised names), numbers (tolls, sums, counts), the words of the title, and a
 * date. Each article becomes a weighted set of such features from its title and lead; weights are
 * the inverse document frequency over the articles of the index (rare names and numbers count,
 * `Quảng Trị` or `ngày` do not); an article joins the story of the most similar earlier article
 * (cosine) published within the window, when the similarity reaches the threshold. Names and
 * numbers are folded, so an English report (`Quang Trach`, `3,596`) meets the Vietnamese one
 * (`Quảng Trạch`, `3.596`). Syndicated copies are caught before this by ./dedup.ts.
 */
export interface StoryInput {
  id: string;
  title: string;
  /** Text or lead; only the first LEAD_CHARS characters are read. */
  text: string;
  /** ISO 8601; null when unknown (no window then). */
  publishedAt?: string | null;
}

export interface StoryResult {
  id: string;
  storyId: string;
  isNew: boolean;
  similarity: number;
  matchedId: string | null;
}

export interface StoryOptions {
  /** Cosine needed to join a story. */
  threshold?: number;
  /** Days between the article and the one it joins. */
  windowDays?: number;
  /** Weights of the feature kinds. */
  weights?: Partial<Record<FeatureKind, number>>;
  perDay?: number;
  undated?: number;
}

export type FeatureKind = 'name' | 'number' | 'date' | 'title' | 'lead';

/** Tuned on the train split of the labelled corpus (./eval/corpus). */
export const STORY_DEFAULTS = {
  threshold: 0.05,
  windowDays: 3,
  weights: { name: 1, number: 1.5, date: 0.5, title: 1, lead: 0.5 } as Record<FeatureKind, number>,
  /** Added to the threshold per day between the two articles: the same story is told within days. */
  perDay: 0.1,
  /** Threshold when either date is unknown. */
  undated: 0.35,
};

// The lead as the labelled corpus keeps it (at most two sentences, 400 characters): what the model learned from.
const LEAD_CHARS = 400;
const CANDIDATE_DF = 25; // features in more stories than this do not find candidates
const MAX_CANDIDATES = 20;
const WORD = /[\p{L}\p{N}]+(?:[.,][0-9]{3})*/gu;
const UPPER = /^\p{Lu}/u;
const DIGITS = /^[0-9]+(?:[.,][0-9]{3})*$/;
const VI_DATE = /\b([0-3]?[0-9])\s*[/-]\s*([01]?[0-9])\b/g;
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const EN_DATE = new RegExp(`\\b(${MONTHS.join('|')})\\s+([0-3]?[0-9])\\b|\\b([0-3]?[0-9])\\s+(${MONTHS.join('|')})\\b`, 'gi');

const KIND_TAG: Record<FeatureKind, number> = { name: 1, number: 2, date: 3, title: 4, lead: 5 };

/** FNV-1a of a string, 32 bits. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
const combine = (tag: number, a: number, b = 0) => (Math.imul(Math.imul(tag, 0x9e3779b1) ^ a, 0x85ebca6b) ^ Math.imul(b, 0xc2b2ae35)) >>> 0;

/**
 * The key of a feature: its kind and folded words (`storyKey('name', 'quang', 'trach')`,
 * `storyKey('number', '3596')`, `storyKey('date', '31-10')`), as a 32-bit hash.
 */
export function storyKey(kind: FeatureKind, a: string, b?: string): number {
  return combine(KIND_TAG[kind], hashString(a), b === undefined ? 0 : hashString(b));
}

/** Day and month written in the text (`31-10`, `31/10`, `October 31`). */
function dateFeatures(s: string, out: Map<number, FeatureKind>) {
  for (const m of s.matchAll(VI_DATE)) {
    const d = Number(m[1]);
    const mo = Number(m[2]);
    if (d >= 1 && d <= 31 && mo >= 1 && mo <= 12) out.set(storyKey('date', `${d}-${mo}`), 'date');
  }
  for (const m of s.matchAll(EN_DATE)) {
    const month = (m[1] ?? m[4]).toLowerCase();
    const d = Number(m[2] ?? m[3]);
    if (d >= 1 && d <= 31) out.set(storyKey('date', `${d}-${MONTHS.indexOf(month) + 1}`), 'date');
  }
}

const isUpper = (w: string) => {
  const c = w.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER.test(w);
};

/** Features of one article (hashed keys, see storyKey), with their kind. */
export function storyFeatures(title: string, text: string): Map<number, FeatureKind> {
  const out = new Map<number, FeatureKind>();
  const lead = text.length > LEAD_CHARS ? text.slice(0, LEAD_CHARS) : text;
  for (const [field, raw] of [
    ['title', title],
    ['lead', lead],
  ] as const) {
    dateFeatures(raw, out);
    // Days and months are date features, not numbers of the event.
    const s = raw.replace(VI_DATE, ' ').replace(EN_DATE, ' ');
    const words: string[] = s.match(WORD) ?? [];
    // One fold for the whole field; folding keeps word boundaries, so the words line up.
    let folded: string[] = foldText(s).match(WORD) ?? [];
    if (folded.length !== words.length) folded = words.map((w) => foldText(w));
    const hashes = folded.map(hashString);
    const tag = KIND_TAG[field];
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      const c0 = w.charCodeAt(0);
      if (c0 >= 48 && c0 <= 57 && DIGITS.test(w)) {
        const n = w.replace(/[.,]/g, '');
        if (n.length >= 2) {
          const k = storyKey('number', n);
          if (!out.has(k)) out.set(k, 'number');
        }
        continue;
      }
      if (i + 1 >= words.length) continue;
      // Names: runs of capitalised words, as bigrams (a single capital is too often a sentence start).
      if (isUpper(w) && isUpper(words[i + 1])) out.set(combine(KIND_TAG.name, hashes[i], hashes[i + 1]), 'name');
      const key = combine(tag, hashes[i], hashes[i + 1]);
      if (!out.has(key)) out.set(key, field);
    }
  }
  return out;
}

interface Story {
  id: string;
  /** Sum of the members' feature weights (each fixed when the member was added). */
  centroid: Map<number, number>;
  normSq: number;
  size: number;
  first: number;
  last: number;
  undated: boolean;
  dead: boolean;
}

export interface StoryIndex {
  add(article: StoryInput): StoryResult;
  /** The story an article is in. */
  storyOf(id: string): string | null;
  /** Drop stories whose newest article was published before `before`. */
  prune(before: Date | number): number;
  readonly size: number;
}

export function createStoryIndex(options: StoryOptions = {}): StoryIndex {
  const threshold = options.threshold ?? STORY_DEFAULTS.threshold;
  const windowMs = (options.windowDays ?? STORY_DEFAULTS.windowDays) * 86_400_000;
  const perDay = options.perDay ?? STORY_DEFAULTS.perDay;
  const undated = options.undated ?? STORY_DEFAULTS.undated;
  const weights = { ...STORY_DEFAULTS.weights, ...options.weights };
  const df = new Map<number, number>();
  const postings = new Map<number, Story[]>();
  const storyOfArticle = new Map<string, Story>();
  let stories: Story[] = [];
  let docs = 0;

  function prune(before: Date | number): number {
    const cut = typeof before === 'number' ? before : before.getTime();
    let removed = 0;
    for (const st of stories)
      if (!st.undated && st.last < cut) {
        st.dead = true;
        removed++;
      }
    if (!removed) return 0;
    stories = stories.filter((st) => !st.dead);
    for (const [k, list] of postings) {
      const kept = list.filter((st) => !st.dead);
      if (kept.length) postings.set(k, kept);
      else postings.delete(k);
    }
    for (const [id, st] of storyOfArticle) if (st.dead) storyOfArticle.delete(id);
    return removed;
  }

  let latest = -Infinity;
  let addsSincePrune = 0;
  return {
    get size() {
      return storyOfArticle.size;
    },
    prune,
    storyOf: (id) => storyOfArticle.get(id)?.id ?? null,
    add(article) {
      const features = storyFeatures(article.title, article.text);
      const parsed = article.publishedAt ? Date.parse(article.publishedAt) : NaN;
      const time = Number.isNaN(parsed) ? null : parsed;
      // Document frequencies include this article, so that a feature it alone has is not infinite.
      docs++;
      const logDocs = Math.log(docs + 1);
      const vector = new Map<number, number>();
      let normSq = 0;
      const shared = new Map<Story, number>();
      for (const [k, kind] of features) {
        const d = (df.get(k) ?? 0) + 1;
        df.set(k, d);
        const w = weights[kind] * (logDocs - Math.log(d + 0.5));
        if (w <= 0) continue;
        vector.set(k, w);
        normSq += w * w;
        // Candidates come from what identifies an event (names, numbers, dates, title words), not the lead's prose.
        if (kind === 'lead') continue;
        const list = postings.get(k);
        if (list && list.length <= CANDIDATE_DF) for (const st of list) shared.set(st, (shared.get(st) ?? 0) + 1);
      }
      const norm = Math.sqrt(normSq);
      const candidates = [...shared.entries()].sort((a, b) => b[1] - a[1]).slice(0, MAX_CANDIDATES);
      let best: Story | null = null;
      let bestMargin = 0;
      let bestSim = 0;
      for (const [st] of candidates) {
        const dated = time !== null && st.size > (st.undated ? 1 : 0) && Number.isFinite(st.first);
        const gap = dated ? Math.max(0, st.first - time!, time! - st.last) : Infinity;
        if (gap > windowMs && !(time === null || st.undated)) continue;
        const needed = gap <= windowMs ? threshold + (perDay * gap) / 86_400_000 : undated;
        let dot = 0;
        let identifying = 0;
        for (const [k, w] of vector) {
          const c = st.centroid.get(k);
          if (c === undefined) continue;
          dot += w * c;
          const kind = features.get(k);
          if (kind !== 'lead' && kind !== 'date') identifying++;
        }
        // A date or shared prose alone is not an event: a name, a number or title words must be shared.
        if (!identifying) continue;
        const sim = dot / (norm * Math.sqrt(st.normSq) || 1);
        if (sim >= needed && (best === null || sim - needed > bestMargin)) {
          bestMargin = sim - needed;
          best = st;
          bestSim = sim;
        }
      }
      const st: Story = best ?? {
        id: article.id,
        centroid: new Map(),
        normSq: 0,
        size: 0,
        first: Infinity,
        last: -Infinity,
        undated: false,
        dead: false,
      };
      if (!best) stories.push(st);
      st.size++;
      if (time === null) st.undated = true;
      else {
        st.first = Math.min(st.first, time);
        st.last = Math.max(st.last, time);
      }
      for (const [k, w] of vector) {
        const old = st.centroid.get(k);
        const now = (old ?? 0) + w;
        st.centroid.set(k, now);
        st.normSq += now * now - (old ?? 0) * (old ?? 0);
        if (old === undefined && features.get(k) !== 'lead') {
          const list = postings.get(k);
          if (!list) postings.set(k, [st]);
          else if (list.length <= CANDIDATE_DF) list.push(st);
        }
      }
      storyOfArticle.set(article.id, st);
      if (time !== null && time > latest) latest = time;
      if (++addsSincePrune >= 2000 && Number.isFinite(latest)) {
        addsSincePrune = 0;
        prune(latest - 2 * windowMs);
      }
      return { id: article.id, storyId: st.id, isNew: !best, similarity: best ? bestSim : 0, matchedId: best ? best.id : null };
    },
  };
}
