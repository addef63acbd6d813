import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPressCorpus, storySplit } from './corpus';

const corpus = loadPressCorpus();

describe('press corpus', () => {
  it('holds 150+ labelled real articles, negative ones and stories told by 3+ outlets', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(150);
    expect(new Set(corpus.map((a) => a.id)).size).toBe(corpus.length);
    expect(new Set(corpus.map((a) => a.url)).size).toBe(corpus.length);
    for (const a of corpus) {
      expect(['positive', 'neutral', 'negative']).toContain(a.tone);
      expect(typeof a.alert).toBe('boolean');
      expect(a.title.length).toBeGreaterThan(5);
      expect(a.lead.length).toBeLessThanOrEqual(400);
      expect(a.url).toMatch(/^https?:\/\//);
      if (a.date) expect(a.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (a.alert) expect(a.tone).toBe('negative');
    }
    expect(corpus.filter((a) => a.tone === 'negative').length).toBeGreaterThanOrEqual(40);
    const outlets = new Map<string, Set<string>>();
    for (const a of corpus) (outlets.get(a.story) ?? outlets.set(a.story, new Set()).get(a.story)!).add(a.outlet);
    expect([...outlets.values()].filter((o) => o.size >= 3).length).toBeGreaterThanOrEqual(5);
    expect(new Set(corpus.map((a) => a.language))).toEqual(new Set(['vi', 'en', 'de']));
  });

  it('splits by story with the written rule, so no story is on both sides', () => {
    const sides = new Map<string, Set<string>>();
    for (const a of corpus) {
      expect(a.split).toBe(storySplit(a.story));
      (sides.get(a.story) ?? sides.set(a.story, new Set()).get(a.story)!).add(a.split);
    }
    expect([...sides.values()].every((s) => s.size === 1)).toBe(true);
    const held = corpus.filter((a) => a.split === 'heldout');
    expect(held.length).toBeGreaterThanOrEqual(50);
    for (const tone of ['positive', 'neutral', 'negative']) expect(held.filter((a) => a.tone === tone).length).toBeGreaterThanOrEqual(10);
  });

  it('cites every article in SOURCES.md', () => {
    const sources = readFileSync(new URL('./corpus/SOURCES.md', import.meta.url), 'utf8');
    for (const a of corpus) expect(sources).toContain(`| ${a.id} |`);
    for (const a of corpus) expect(sources).toContain(`<${a.url}>`);
  });
});
