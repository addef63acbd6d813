import { Buffer } from 'node:buffer';
import { fold } from '../../../shared/text/fold';

/**
 * Table-driven folding, character by character, for the pipeline's hot path.
 *
 * `foldText(s)` returns exactly `fold(s)` (src/shared/text/fold.ts). Characters of Vietnamese and
 * English text (U+0000–U+02FF, U+1E00–U+1EFF, general punctuation, currency signs) fold one by one
 * with the same result as the whole-string fold; any other character sends the whole string to
 * `fold()` itself.
 *
 * `foldAligned(s)` gives the same text as `fold()` for NFC input, plus, for each folded unit, the
 * index of the original unit it came from (to highlight matches in the original).
 */

/** Folded text plus, for each folded UTF-16 unit, the index of the original unit it came from. */
export interface AlignedFold {
  folded: string;
  /** offsets[i] = index in the original of folded[i]; offsets[folded.length] = original length. */
  offsets: Int32Array;
}

const UNKNOWN = -1;
const SKIP = -2; // invisible: dropped
const SPACE = -3; // collapses with its neighbours into one space
const MULTI = -4; // folds to a string other than one unit: see `multi`

/** Per UTF-16 unit: the folded unit, or one of the kinds above; filled lazily. */
const table = new Int32Array(0x10000).fill(UNKNOWN);
const multi = new Map<number, string>();
const astral = new Map<string, string>();

/** Units that `\s` matches, U+FEFF aside (it is invisible here). */
export const isSpace = (c: number) =>
  c === 32 ||
  (c >= 9 && c <= 13) ||
  c === 0xa0 ||
  c === 0x202f ||
  c === 0x2028 ||
  c === 0x2029 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x3000 ||
  c === 0x1680 ||
  c === 0x205f;
const isInvisible = (c: number) => c === 0x200b || c === 0x200c || c === 0x200d || c === 0xad || c === 0xfeff;
const isLatinLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f);
const isMark = (c: number) => c >= 0x300 && c <= 0x36f;
/** Starters whose fold does not depend on their neighbours (no combining marks, no Greek sigma…). */
const isSafe = (c: number) => c < 0x300 || (c >= 0x1e00 && c <= 0x1eff) || (c >= 0x2000 && c <= 0x206f) || (c >= 0x20a0 && c <= 0x20cf);

function classify(c: number): number {
  let v: number;
  if (isInvisible(c)) v = SKIP;
  else if (isSpace(c)) v = SPACE;
  else {
    const f = fold(String.fromCharCode(c));
    if (f.length === 1) v = f.charCodeAt(0);
    else {
      multi.set(c, f);
      v = MULTI;
    }
  }
  table[c] = v;
  return v;
}

function foldAstral(pair: string): string {
  let f = astral.get(pair);
  if (f === undefined) {
    f = fold(pair);
    if (astral.size < 50_000) astral.set(pair, f);
  }
  return f;
}

// Reused output buffers (the pipeline is synchronous).
let units = new Uint16Array(8192);
let offs = new Int32Array(8192);
function reserve(n: number) {
  if (n <= units.length) return;
  const size = Math.max(n, units.length * 2);
  const u = new Uint16Array(size);
  u.set(units);
  units = u;
  const o = new Int32Array(size);
  o.set(offs);
  offs = o;
}
const decode = (n: number) => Buffer.from(units.buffer, 0, n * 2).toString('utf16le');

/** `fold(input)`, faster for Vietnamese and English text. */
export function foldText(input: string): string {
  const len = input.length;
  reserve(len + 1);
  let n = 0;
  let pendingSpace = false;
  for (let i = 0; i < len; i++) {
    const c = input.charCodeAt(i);
    if (!isSafe(c)) return fold(input);
    let v = table[c];
    if (v === UNKNOWN) v = classify(c);
    if (v >= 0) {
      if (pendingSpace) {
        units[n++] = 32;
        pendingSpace = false;
      }
      units[n++] = v;
    } else if (v === SPACE) pendingSpace = n > 0;
    else if (v === MULTI) return fold(input);
  }
  return decode(n);
}

export function foldAligned(input: string): AlignedFold {
  const len = input.length;
  reserve(len + 1);
  let n = 0;
  let pendingSpace = -1;
  let afterLatin = false;
  const put = (f: string, at: number) => {
    reserve(n + f.length + (len - at) + 1); // room for this and one unit per unit still to read
    for (let k = 0; k < f.length; k++) {
      units[n] = f.charCodeAt(k);
      offs[n++] = at;
    }
  };
  for (let i = 0; i < len; i++) {
    const c = input.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < len) {
      const d = input.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        if (pendingSpace >= 0) {
          put(' ', pendingSpace);
          pendingSpace = -1;
        }
        put(foldAstral(input.slice(i, i + 2)), i);
        afterLatin = false;
        i++;
        continue;
      }
    }
    let v = table[c];
    if (v === UNKNOWN) v = classify(c);
    if (v === SKIP) continue;
    if (v === SPACE) {
      if (n > 0 && pendingSpace < 0) pendingSpace = i;
      afterLatin = false;
      continue;
    }
    if (afterLatin && isMark(c)) continue;
    if (pendingSpace >= 0) {
      units[n] = 32;
      offs[n++] = pendingSpace;
      pendingSpace = -1;
    }
    if (v >= 0) {
      units[n] = v;
      offs[n++] = i;
    } else put(multi.get(c)!, i);
    afterLatin = isLatinLetter(c);
  }
  // A trailing space is dropped, as fold() trims.
  const offsets = offs.slice(0, n + 1);
  offsets[n] = len;
  return { folded: decode(n), offsets };
}
