import type { Target } from '../types';
import { foldAligned, readCount } from './text-utils';

/**
 * Measurable targets written in a task: `ít nhất 02 cơ quan …`, `ít nhất với 02 …`,
 * `tối thiểu 3 …`, `không ít hơn 5 …`, `từ 10 … trở lên`. The text kept is the phrase
 * from the quantifier to the end of the clause.
 */
const COUNT = String.raw`(\d+|mot|hai|ba|bon|tu|nam|sau|bay|tam|chin|muoi)`;
const PATTERNS = [
  new RegExp(String.raw`\b(?:it nhat|toi thieu|khong it hon|khong duoi)\s+(?:(?:voi|la|co|cho|dat)\s+)?${COUNT}\b`, 'g'),
  new RegExp(String.raw`\btu\s+${COUNT}\s+[^.;:]{1,60}?\s+tro len\b`, 'g'),
];

export function findTargets(texts: string[]): Target[] {
  const out: Target[] = [];
  for (const input of texts) {
    const { text, folded } = foldAligned(input);
    for (const re of PATTERNS) {
      for (const m of folded.matchAll(re)) {
        const min = readCount(m[1]);
        if (min === null || min <= 0) continue;
        const start = m.index!;
        const rest = folded.slice(start);
        const stop = rest.search(/[,.;:(]|\s(?:de|nham|tai)\s/);
        const end = m[0].endsWith('tro len') ? start + m[0].length : start + (stop < 0 ? rest.length : stop);
        const phrase = text.slice(start, Math.max(end, start + m[0].length)).trim();
        if (!out.some((t) => t.text === phrase)) out.push({ text: phrase, min });
      }
    }
  }
  return out;
}
