import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPressCorpus, storySplit } from './corpus';
import { evaluateCorpus } from './evaluate-corpus';

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

/**
 * The pipeline measured on the held-out split (the model and every threshold were tuned on train;
 * each measurement is logged in corpus/HELDOUT-LOG.md). Issue #17's targets: tone macro-F1 ≥ 0.80,
 * ≥ 85 % of negative stories alert, false alerts ≤ 1 in 30 non-negative articles, same-story
 * pairwise precision ≥ 0.90 and recall ≥ 0.70. The alert targets are met and asserted as such;
 * tone (0.797) and grouping (precision 8/9, recall 8/25) are not met yet: their floors below are
 * the measured figures, so that a regression fails here, and the README says so.
 */
describe('press pipeline on the held-out split', () => {
  const held = evaluateCorpus('heldout');

  it('alerts on at least 85% of negative stories with at most 1 false alert in 30 other articles', () => {
    expect(held.alerts.negativeStories).toBeGreaterThanOrEqual(15);
    expect(held.alerts.storyRecall).toBeGreaterThanOrEqual(0.85);
    expect(held.alerts.falseAlertRate).toBeLessThanOrEqual(1 / 30);
  });

  it('reads tone toward the province at the measured macro-F1 (target 0.80 not met: 0.797)', () => {
    const total = Object.values(held.tone.confusion).reduce((s, row) => s + Object.values(row).reduce((a, b) => a + b, 0), 0);
    expect(total).toBe(held.rows.length);
    expect(held.tone.macroF1).toBeGreaterThanOrEqual(0.79);
    expect(held.tone.perClass.negative.recall).toBeGreaterThanOrEqual(0.85);
  });

  it('groups same-story pairs at the measured precision and recall (targets 0.90 / 0.70 not met)', () => {
    expect(held.grouping.truePairs).toBeGreaterThanOrEqual(20);
    expect(held.grouping.precision).toBeGreaterThanOrEqual(0.85);
    expect(held.grouping.recall).toBeGreaterThanOrEqual(0.3);
  });
});
