import { fold } from '../../../shared/text/fold';

const INVISIBLE = /[\u200B\u200C\u200D\u00AD\uFEFF]/g;
const INLINE_SPACES = /[^\S\n]+/g; // whitespace except newline (incl. NBSP, U+202F)

/** NFC, no invisible characters, single spaces, paragraphs separated by one blank line. */
export function cleanText(input: string | null | undefined): string {
  if (!input) return '';
  return input
    .replace(INVISIBLE, '')
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(INLINE_SPACES, ' ')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** One line: NFC, single spaces. */
export function cleanLine(input: string | null | undefined): string {
  if (!input) return '';
  return input.replace(INVISIBLE, '').normalize('NFC').replace(/\s+/g, ' ').trim();
}

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', copy: '©', reg: '®', middot: '·', bull: '•',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '';
    }
    return NAMED[e.toLowerCase()] ?? m;
  });
}

const BLOCK = /<\/?(?:p|div|br|li|ul|ol|h[1-6]|tr|table|section|article|blockquote|figure|figcaption|header|footer)\b[^>]*>/gi;

/** Light HTML → text for feed summaries (no DOM): drops scripts/styles/comments, keeps paragraphs. */
export function htmlToText(html: string): string {
  return cleanText(
    decodeEntities(
      html
        .replace(/<!--[\s\S]*?-->/g, ' ')
        .replace(/<(script|style|noscript|template|iframe|svg)\b[\s\S]*?<\/\1\s*>/gi, ' ')
        .replace(BLOCK, '\n\n')
        .replace(/<[^>]*>/g, ' '),
    ),
  );
}

export const looksLikeHtml = (s: string) => /<\/?[a-z][a-z0-9]*\b[^>]*>/i.test(s);

/** Folded text plus, for each folded UTF-16 unit, the index of the original unit it came from. */
export interface AlignedFold {
  folded: string;
  /** offsets[i] = index in the original of folded[i]; offsets[folded.length] = original length. */
  offsets: Int32Array;
}

const foldCache = new Map<string, string>();
function foldChar(ch: string): string {
  let f = foldCache.get(ch);
  if (f === undefined) {
    f = fold(ch);
    if (foldCache.size < 50_000) foldCache.set(ch, f);
  }
  return f;
}

const isLatinLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f);
const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x202f || c === 0x2028 || c === 0x2029 || (c >= 0x2000 && c <= 0x200a) || c === 0x3000 || c === 0x1680 || c === 0x205f;
const isInvisible = (c: number) => c === 0x200b || c === 0x200c || c === 0x200d || c === 0xad || c === 0xfeff;

/**
 * The same result as `fold()` (src/shared/text/fold.ts) for NFC input, computed character by
 * character so that every folded position maps back to the original: used to highlight matches.
 */
export function foldAligned(input: string): AlignedFold {
  let folded = '';
  let offsets = new Int32Array(input.length + 8);
  let n = 0;
  const put = (f: string, at: number) => {
    if (n + f.length >= offsets.length) {
      const bigger = new Int32Array(offsets.length * 2 + f.length);
      bigger.set(offsets);
      offsets = bigger;
    }
    for (let k = 0; k < f.length; k++) offsets[n++] = at;
    folded += f;
  };
  let pendingSpace = -1;
  let afterLatin = false;
  for (let i = 0; i < input.length; ) {
    const cp = input.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    if (isInvisible(cp)) { i += width; continue; }
    if (isSpace(cp)) {
      if (n > 0 && pendingSpace < 0) pendingSpace = i;
      afterLatin = false;
      i += width;
      continue;
    }
    if (cp >= 0x300 && cp <= 0x36f && afterLatin) { i += width; continue; }
    if (pendingSpace >= 0) { put(' ', pendingSpace); pendingSpace = -1; }
    const c0 = input.charCodeAt(i);
    if (c0 < 128) put(c0 >= 65 && c0 <= 90 ? String.fromCharCode(c0 + 32) : input[i], i);
    else put(foldChar(width === 1 ? input[i] : input.slice(i, i + 2)), i);
    afterLatin = isLatinLetter(cp) || (afterLatin && cp >= 0x300 && cp <= 0x36f);
    i += width;
  }
  // A trailing space is dropped, as fold() trims.
  const result = offsets.slice(0, n + 1);
  result[n] = input.length;
  return { folded, offsets: result };
}

/** Word characters for boundary checks on folded text. */
const WORD_EXTRA = /[\p{L}\p{N}\p{M}]/u;
export function isWordCharCode(s: string, i: number): boolean {
  if (i < 0 || i >= s.length) return false;
  const c = s.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 95;
  return WORD_EXTRA.test(s[i]);
}

export { fold };
