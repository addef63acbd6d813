import { readFileSync } from 'node:fs';
import type { Tone } from '../types';

/**
 * The labelled press corpus (./corpus/articles.jsonl): real articles about the province, with the
 * tone toward the province, whether they need an answer and the story they belong to. Labelling
 * rules: ./corpus/LABELLING.md; sources: ./corpus/SOURCES.md.
 */
export interface CorpusArticle {
  id: string;
  split: 'train' | 'heldout';
  story: string;
  tone: Tone;
  alert: boolean;
  language: string;
  outlet: string;
  /** `YYYY-MM-DD`, or null when the page does not show it. */
  date: string | null;
  url: string;
  title: string;
  lead: string;
  note?: string;
}

let cached: CorpusArticle[] | null = null;

export function loadPressCorpus(): CorpusArticle[] {
  if (cached) return cached;
  const text = readFileSync(new URL('./corpus/articles.jsonl', import.meta.url), 'utf8');
  cached = text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as CorpusArticle);
  return cached;
}

/** FNV-1a (32-bit) over the UTF-8 bytes. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (const b of new TextEncoder().encode(s)) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h >>> 0;
}

/** The split rule, by story so that a story is never on both sides: held out when FNV-1a(story) % 3 = 0. */
export function storySplit(story: string): 'train' | 'heldout' {
  return fnv1a(story) % 3 === 0 ? 'heldout' : 'train';
}
