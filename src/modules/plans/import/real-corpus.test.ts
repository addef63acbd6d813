import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractSource } from './source/extract';
import { parsePlan } from './parse/parse-plan';
import { CORPUS, corpusText, FIELDS, formatTable, scoreCase, tally, type CorpusCase, type Field, type Score } from './real-corpus.data';

/**
 * The real-document corpus (real-corpus.data.ts, fixtures/real/SOURCES.md): each document imported and
 * compared field by field with what a person reads off it. The ratchet (fixtures/real/ratchet.json)
 * records how many documents each field reads right; a count may rise, never fall. After an
 * improvement, RATCHET_UPDATE=1 npx vitest run src/modules/plans/import/real-corpus.test.ts records
 * the new counts.
 */
const ratchetPath = fileURLToPath(new URL('./fixtures/real/ratchet.json', import.meta.url));
const ratchet = JSON.parse(readFileSync(ratchetPath, 'utf8')) as Record<Field, number>;

async function importCase(c: CorpusCase) {
  const raw = readFileSync(fileURLToPath(new URL(`./fixtures/${c.file}`, import.meta.url)), 'utf8');
  const name = c.file.split('/').pop()!;
  return parsePlan(await extractSource(Buffer.from(corpusText(raw), 'utf8'), name));
}

describe('the real-document corpus, field by field', () => {
  it('reads at least as many fields right as the ratchet records, and prints the table', async () => {
    const rows: Array<{ c: CorpusCase; s: Score }> = [];
    for (const c of CORPUS) rows.push({ c, s: scoreCase(c, await importCase(c)) });
    console.log(formatTable(rows));
    const t = tally(rows.map((r) => r.s));
    const counts = Object.fromEntries(FIELDS.map((f) => [f, t[f].pass])) as Record<Field, number>;
    if (process.env.RATCHET_UPDATE === '1') writeFileSync(ratchetPath, `${JSON.stringify(counts, null, 2)}\n`);
    for (const f of FIELDS) expect({ field: f, right: counts[f] }).toEqual({ field: f, right: Math.max(counts[f], ratchet[f]) });
  });

  it('covers at least eight provinces and several years, with documents held out from tuning', () => {
    const provinces = new Set(CORPUS.map((c) => c.place));
    const years = new Set(CORPUS.map((c) => c.issuedOn?.slice(0, 4) ?? c.years[0]));
    expect(provinces.size).toBeGreaterThanOrEqual(8);
    expect(years.size).toBeGreaterThanOrEqual(5);
    expect(CORPUS.filter((c) => c.heldOut).length).toBeGreaterThanOrEqual(3);
    for (const c of CORPUS)
      expect(readFileSync(fileURLToPath(new URL(`./fixtures/${c.file}`, import.meta.url)), 'utf8').length).toBeGreaterThan(200);
  });

  it('the seed, the one whole plan of the corpus, is read right in every field', async () => {
    const seed = CORPUS[0];
    expect(seed.tasks).not.toBe(0);
    const s = scoreCase(seed, await importCase(seed));
    expect(Object.entries(s).filter(([, v]) => v === false)).toEqual([]);
  });
});
