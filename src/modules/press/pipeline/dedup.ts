import { fmix32, mulberry32 } from './hash';
import { createSimdMinhash } from './minhash-simd';

/**
 * Near-duplicate grouping: MinHash (128 seeded hash functions) over 5-syllable shingles of the
 * folded text, LSH with 32 bands of 4 rows, then verification: estimated Jaccard ≥ 0.5, or equal
 * titles, within a 14-day window. Copies are grouped into stories, never dropped.
 *
 * Everything is deterministic (fixed seeds) and serialisable: a signature is 128 unsigned 32-bit
 * numbers, a band key a short string (`b07:1a2b3c4d`), so the database can store both and find
 * candidates with an index on band keys.
 */
export const MINHASH_PERMUTATIONS = 128;
export const LSH_BANDS = 32;
export const LSH_ROWS = 4;
export const SHINGLE_SIZE = 5;
export const DEFAULT_THRESHOLD = 0.5;
export const DEFAULT_WINDOW_DAYS = 14;
const SEED = 0x7474646e; // "ttdn"

const TOKEN = /[\p{L}\p{N}]+/gu;
const rnd = mulberry32(SEED);
// Int32 arithmetic throughout (stays in V8's small-integer fast path); signatures are exposed as
// unsigned numbers.
const MUL = new Int32Array(MINHASH_PERMUTATIONS);
const ADD = new Int32Array(MINHASH_PERMUTATIONS);
for (let i = 0; i < MINHASH_PERMUTATIONS; i++) {
  MUL[i] = (Math.floor(rnd() * 0x7fffffff) * 2 + 1) | 0; // odd: a bijection on 32 bits
  ADD[i] = Math.floor(rnd() * 0xffffffff) | 0;
}

/** Word characters of folded text: ASCII letters/digits and anything non-ASCII except punctuation blocks. */
function isWordUnit(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
  return !(
    c <= 0xbf ||
    (c >= 0x2000 && c <= 0x206f) ||
    (c >= 0x3000 && c <= 0x303f) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff0f)
  );
}

let syllables = new Int32Array(1024); // reused: the syllable hashes of the text being signed

/** Hashes of the overlapping 5-syllable shingles of folded text (fewer syllables: one shingle). */
export function shingleHashes(foldedText: string): Int32Array {
  let count = 0;
  let h = 0x811c9dc5 | 0;
  let inWord = false;
  for (let i = 0, n = foldedText.length; i <= n; i++) {
    const c = i < n ? foldedText.charCodeAt(i) : 32;
    if (isWordUnit(c)) {
      if (!inWord) {
        h = 0x811c9dc5 | 0;
        inWord = true;
      }
      h = Math.imul(h ^ c, 0x01000193);
    } else if (inWord) {
      if (count === syllables.length) {
        const bigger = new Int32Array(count * 2);
        bigger.set(syllables);
        syllables = bigger;
      }
      syllables[count++] = h;
      inWord = false;
    }
  }
  if (!count) return new Int32Array(0);
  const th = syllables;
  const shingles = Math.max(1, count - SHINGLE_SIZE + 1);
  const out = new Int32Array(shingles);
  for (let i = 0; i < shingles; i++) {
    let x = 0x9747b28c | 0;
    const end = Math.min(count, i + SHINGLE_SIZE);
    for (let k = i; k < end; k++) x = (Math.imul(x ^ th[k], 0x01000193) + 0x7f4a7c15) | 0;
    out[i] = fmix32(x) | 0;
  }
  return out;
}

const simdMinhash = createSimdMinhash(MUL, ADD);
/** Which MinHash loop runs here (the values are the same). */
export const MINHASH_IMPLEMENTATION = simdMinhash ? 'WebAssembly SIMD' : 'JavaScript';

/** 128 minimums of `a·x + b` (mod 2³²) followed by a xor-shift, over the shingle hashes. */
export function minhash(shingles: Int32Array): Uint32Array {
  return simdMinhash ? simdMinhash(shingles) : minhashPortable(shingles);
}

/** `minhash` in plain JavaScript, four permutations per pass over the shingles. */
export function minhashPortable(shingles: Int32Array): Uint32Array {
  const sig = new Uint32Array(MINHASH_PERMUTATIONS);
  const n = shingles.length;
  for (let i = 0; i < MINHASH_PERMUTATIONS; i += 4) {
    const a0 = MUL[i],
      a1 = MUL[i + 1],
      a2 = MUL[i + 2],
      a3 = MUL[i + 3];
    const b0 = ADD[i],
      b1 = ADD[i + 1],
      b2 = ADD[i + 2],
      b3 = ADD[i + 3];
    let m0 = 0x7fffffff,
      m1 = m0,
      m2 = m0,
      m3 = m0;
    for (let s = 0; s < n; s++) {
      const x = shingles[s];
      let v = (Math.imul(x, a0) + b0) | 0;
      v ^= v >>> 15;
      if (v < m0) m0 = v;
      v = (Math.imul(x, a1) + b1) | 0;
      v ^= v >>> 15;
      if (v < m1) m1 = v;
      v = (Math.imul(x, a2) + b2) | 0;
      v ^= v >>> 15;
      if (v < m2) m2 = v;
      v = (Math.imul(x, a3) + b3) | 0;
      v ^= v >>> 15;
      if (v < m3) m3 = v;
    }
    sig[i] = m0 >>> 0;
    sig[i + 1] = m1 >>> 0;
    sig[i + 2] = m2 >>> 0;
    sig[i + 3] = m3 >>> 0;
  }
  return sig;
}

const BAND_PREFIX = Array.from({ length: LSH_BANDS }, (_, b) => `b${b < 10 ? '0' : ''}${b}:`);
const HEX = Array.from({ length: 256 }, (_, i) => (i + 256).toString(16).slice(1));

export function bandKeys(sig: ArrayLike<number>): string[] {
  const keys = new Array<string>(LSH_BANDS);
  for (let b = 0; b < LSH_BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < LSH_ROWS; r++) h = fmix32((h ^ sig[b * LSH_ROWS + r]) >>> 0);
    keys[b] = BAND_PREFIX[b] + HEX[h >>> 24] + HEX[(h >>> 16) & 255] + HEX[(h >>> 8) & 255] + HEX[h & 255];
  }
  return keys;
}

export function estimateJaccard(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let same = 0;
  for (let i = 0; i < MINHASH_PERMUTATIONS; i++) if (a[i] === b[i]) same++;
  return same / MINHASH_PERMUTATIONS;
}

/** A title is a usable identity when it has at least four syllables. */
export function titleKey(foldedTitle: string): string | null {
  const t = (foldedTitle.match(TOKEN) ?? []).join(' ');
  return t.split(' ').length >= 4 ? t : null;
}

export interface DedupSignature {
  signature: number[];
  bandKeys: string[];
  titleKey: string | null;
}

export function computeSignature(foldedTitle: string, foldedText: string): DedupSignature {
  const sig = minhash(shingleHashes(foldedText || foldedTitle));
  return { signature: Array.from(sig), bandKeys: bandKeys(sig), titleKey: titleKey(foldedTitle) };
}

export interface DedupInput {
  /** Stable id (the database's); generated when absent. */
  id?: string;
  foldedTitle: string;
  foldedText: string;
  publishedAt?: string | null;
  /** Reuse a stored signature instead of computing it. */
  signature?: DedupSignature;
}

export interface DedupEntry {
  id: string;
  storyId: string;
  time: number;
  signature: number[];
  bandKeys: string[];
  titleKey: string | null;
}

export interface DedupResult {
  id: string;
  storyId: string;
  isNew: boolean;
  /** Estimated Jaccard with the best match (1 for an equal title without shared text); 0 when new. */
  similarity: number;
  matchedId: string | null;
  signature: DedupSignature;
}

export interface DedupOptions {
  threshold?: number;
  windowDays?: number;
}

export interface DedupIndex {
  add(article: DedupInput): DedupResult;
  /** Load entries kept in the database (e.g. the last 14 days) without re-grouping them. */
  load(entries: Iterable<DedupEntry>): void;
  /** Drop entries published before `before`. */
  prune(before: Date | number): number;
  entries(): DedupEntry[];
  readonly size: number;
}

export function createDedupIndex(options: DedupOptions = {}): DedupIndex {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const windowMs = (options.windowDays ?? DEFAULT_WINDOW_DAYS) * 86_400_000;
  const byId = new Map<string, DedupEntry>();
  const buckets = new Map<string, DedupEntry[]>();
  const titles = new Map<string, DedupEntry[]>();
  let seq = 0;
  let latest = -Infinity;
  let addsSincePrune = 0;

  const push = <K>(map: Map<K, DedupEntry[]>, key: K, e: DedupEntry) => {
    const list = map.get(key);
    if (list) list.push(e);
    else map.set(key, [e]);
  };
  const insert = (e: DedupEntry) => {
    byId.set(e.id, e);
    for (const k of e.bandKeys) push(buckets, k, e);
    if (e.titleKey) push(titles, e.titleKey, e);
    if (e.time > latest) latest = e.time;
  };

  function prune(before: Date | number): number {
    const cut = typeof before === 'number' ? before : before.getTime();
    let removed = 0;
    for (const [id, e] of byId)
      if (e.time < cut) {
        byId.delete(id);
        removed++;
      }
    if (!removed) return 0;
    for (const map of [buckets, titles] as Map<string, DedupEntry[]>[]) {
      for (const [k, list] of map) {
        const kept = list.filter((e) => e.time >= cut);
        if (kept.length) map.set(k, kept);
        else map.delete(k);
      }
    }
    return removed;
  }

  return {
    get size() {
      return byId.size;
    },
    entries: () => [...byId.values()],
    prune,
    load(entries) {
      for (const e of entries) insert({ ...e });
    },
    add(article) {
      const sig = article.signature ?? computeSignature(article.foldedTitle, article.foldedText);
      const time = article.publishedAt ? Date.parse(article.publishedAt) : NaN;
      const t = Number.isNaN(time) ? (Number.isFinite(latest) ? latest : 0) : time;
      const id = article.id ?? `a${++seq}`;

      const candidates = new Map<DedupEntry, boolean>(); // entry → equal title
      for (const k of sig.bandKeys) {
        const list = buckets.get(k);
        if (list) for (const e of list) candidates.set(e, false);
      }
      const sameTitle = sig.titleKey ? titles.get(sig.titleKey) : undefined;
      if (sameTitle) for (const e of sameTitle) candidates.set(e, true);
      let best: DedupEntry | null = null;
      let bestSim = 0;
      for (const [e, titleEqual] of candidates) {
        if (Math.abs(e.time - t) > windowMs) continue;
        const sim = estimateJaccard(sig.signature, e.signature);
        const score = sim >= threshold ? sim : titleEqual ? threshold : -1;
        if (score >= threshold && (score > bestSim || (score === bestSim && best && e.time < best.time))) {
          best = e;
          bestSim = score;
        }
      }

      const matched = best as DedupEntry | null;
      const entry: DedupEntry = {
        id,
        storyId: matched ? matched.storyId : id,
        time: t,
        signature: sig.signature,
        bandKeys: sig.bandKeys,
        titleKey: sig.titleKey,
      };
      insert(entry);
      if (++addsSincePrune >= 5000) {
        addsSincePrune = 0;
        prune(latest - 2 * windowMs);
      }
      return {
        id,
        storyId: entry.storyId,
        isNew: !matched,
        similarity: matched ? bestSim : 0,
        matchedId: matched ? matched.id : null,
        signature: sig,
      };
    },
  };
}
