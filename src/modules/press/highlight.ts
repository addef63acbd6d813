import { fold } from '../../shared/text/fold';
import { foldAligned, isWordCharCode } from './pipeline/text';

export type Range = [number, number];

/** Folded search words of a query (quotes and operators removed). */
export function queryWords(q: string): string[] {
  return fold(q)
    .replace(/["()|&!:*<>-]/g, ' ')
    .split(/\s+/)
    .filter((w) => w && w !== 'or');
}

/** Ranges of the original text where the query words occur, found on folded text. */
export function highlightRanges(original: string, words: string[], max = 50): Range[] {
  if (!original || !words.length) return [];
  const { folded, offsets } = foldAligned(original);
  const out: Range[] = [];
  for (const w of words) {
    for (let i = folded.indexOf(w); i >= 0 && out.length < max; i = folded.indexOf(w, i + 1)) {
      if (isWordCharCode(folded, i - 1) || isWordCharCode(folded, i + w.length)) continue;
      out.push([offsets[i], offsets[i + w.length - 1] + 1]);
    }
  }
  out.sort((a, b) => a[0] - b[0]);
  const merged: Range[] = [];
  for (const r of out) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r] as Range);
  }
  return merged;
}

/** A window of the text around the first hit, with hit ranges relative to it. */
export function snippet(text: string, words: string[], size = 280): { text: string; highlights: Range[] } {
  const ranges = highlightRanges(text, words);
  const first = ranges[0]?.[0] ?? 0;
  let start = Math.max(0, first - Math.floor(size / 3));
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space > 0 && space < first) start = space + 1;
  }
  const end = Math.min(text.length, start + size);
  const prefix = start > 0 ? '…' : '';
  const body = text.slice(start, end) + (end < text.length ? '…' : '');
  return {
    text: prefix + body,
    highlights: ranges
      .filter((r) => r[0] >= start && r[1] <= end)
      .map(([a, b]) => [a - start + prefix.length, b - start + prefix.length] as Range),
  };
}
