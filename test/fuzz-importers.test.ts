import fs from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractSource, parsePlan } from '../src/modules/plans/import';
import { parseBulkArticles, parseFeed } from '../src/modules/press/ingest';
import { AppError } from '../src/shared/errors';

/**
 * Fuzzing the pure importers (issue 7): the plan importer (extractSource → parsePlan), the
 * press feed parser and the bulk article parser take files from outside. On any input they
 * return a result or throw the module's AppError, within a time bound.
 */
const BOUND_MS = 3_000;
const seed = fs.readFileSync('src/modules/plans/import/fixtures/ke-hoach-ttdn-quang-tri-2023.md', 'utf8');
const rss = fs.readFileSync('src/modules/press/ingest/fixtures/feed-rss.xml', 'utf8');
const atom = fs.readFileSync('src/modules/press/ingest/fixtures/feed-atom.xml', 'utf8');

async function expectContained(what: string, fn: () => unknown) {
  const t = performance.now();
  try {
    await fn();
  } catch (err) {
    if (!(err instanceof AppError)) throw new Error(`${what}: ${err instanceof Error ? err.stack : String(err)}`);
  }
  const ms = performance.now() - t;
  if (ms > BOUND_MS) throw new Error(`${what}: took ${ms.toFixed(0)} ms`);
}

/** Text mutations of a real document: cut, duplicate, splice random text, flip lines. */
const mutated = (doc: string) =>
  fc
    .tuple(
      fc.nat({ max: doc.length }),
      fc.nat({ max: doc.length }),
      fc.string({ unit: 'grapheme', maxLength: 200 }),
      fc.integer({ min: 0, max: 4 }),
    )
    .map(([a, b, text, how]) => {
      const [x, y] = a < b ? [a, b] : [b, a];
      switch (how) {
        case 0:
          return doc.slice(0, x);
        case 1:
          return doc.slice(0, y) + doc.slice(x);
        case 2:
          return doc.slice(0, x) + text + doc.slice(y);
        case 3:
          return doc.split('\n').reverse().join('\n');
        default:
          return doc.slice(x, y).repeat(3);
      }
    });

const planLine = fc.oneof(
  fc.constantFrom(
    'I. MỤC ĐÍCH, YÊU CẦU',
    'II. NỘI DUNG',
    'III. KINH PHÍ',
    'IV. TỔ CHỨC THỰC HIỆN',
    '1. Mục tiêu',
    '- Cơ quan chủ trì: Sở TTTT',
    '- Cơ quan phối hợp: các Sở, ban, ngành',
    '- Thời gian thực hiện: Quý II/2023',
    '| a | b |',
    '|---|---|',
    'Căn cứ Nghị định số 72/2015/NĐ-CP;',
    'Số: 12/KH-UBND',
    'Nơi nhận:',
    '# ',
    '**1.1.**',
    'KẾ HOẠCH',
    '',
  ),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
);
const planText = fc.array(planLine, { maxLength: 60 }).map((ls) => ls.join('\n'));

describe('plan importer fuzzing', () => {
  it('extracts and parses random and mutated documents without crashing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(planText, mutated(seed)),
        fc.constantFrom('plan.md', 'plan.txt', 'plan.html', 'plan.docx', 'plan'),
        async (text, name) => {
          await expectContained(name, async () => parsePlan(await extractSource(Buffer.from(text), name)));
        },
      ),
      { numRuns: 120, seed: 7 },
    );
  }, 120_000);

  it('refuses random binary, and zip-looking bytes, as files of every accepted kind', async () => {
    const zipish = fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.from(b)]));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 4000 }).map((b) => Buffer.from(b)),
          zipish,
        ),
        fc.constantFrom('x.docx', 'x.md', 'x.txt', 'x.pdf', 'x.html'),
        async (buf, name) => {
          await expectContained(name, async () => parsePlan(await extractSource(buf, name)));
        },
      ),
      { numRuns: 120, seed: 8 },
    );
  }, 120_000);
});

const xmlPiece = fc.oneof(
  fc.constantFrom(
    '<rss version="2.0">',
    '<channel>',
    '</channel>',
    '<item>',
    '</item>',
    '<title>',
    '</title>',
    '<link>http://example.vn/a</link>',
    '<pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    '<entry>',
    '</entry>',
    '<![CDATA[',
    ']]>',
    '&amp;',
    '&lt;',
    '&#x1F600;',
    '&unknown;',
    '<!DOCTYPE x [<!ENTITY a "aaaa">]>',
    '&a;',
    '<?xml version="1.0"?>',
    '<description>',
    '</description>',
    '<content:encoded>',
    '<a href="javascript:alert(1)">x</a>',
    '</rss>',
    '</feed>',
  ),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
);

describe('press ingestion fuzzing', () => {
  it('parseFeed: random XML-like text and mutated real feeds', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.array(xmlPiece, { maxLength: 80 }).map((p) => p.join('')),
          mutated(rss),
          mutated(atom),
          fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.from(b)),
        ),
        async (input) => {
          await expectContained('feed', () => parseFeed(input));
        },
      ),
      { numRuns: 200, seed: 9 },
    );
  }, 120_000);

  it('parseBulkArticles: random CSV and JSON', async () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom('"', '""', ',', '\n', '\r\n', 'title', 'url', 'http://x.vn/a', '2024-01-01', 'vi', "=cmd|' /C calc'!A0"),
    );
    const csv = fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 30 }).map((rows) => rows.map((r) => r.join(',')).join('\n'));
    const json = fc
      .oneof(
        fc.jsonValue({ maxDepth: 4 }),
        fc.array(
          fc.dictionary(fc.constantFrom('title', 'url', 'text', 'outlet', 'published_at', 'language', 'x'), fc.jsonValue({ maxDepth: 2 })),
          { maxLength: 20 },
        ),
      )
      .map((v) => JSON.stringify(v));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          csv.map((t) => [t, 'a.csv'] as const),
          json.map((t) => [t, 'a.json'] as const),
          fc.string().map((t) => [t, 'a.json'] as const),
          fc.string().map((t) => [t, 'a.xlsx'] as const),
        ),
        async ([text, name]) => {
          await expectContained(name, () => parseBulkArticles(text, name));
        },
      ),
      { numRuns: 200, seed: 10 },
    );
  }, 60_000);

  it('keeps to its time bound on large inputs', async () => {
    for (const input of [rss.repeat(200), '<a>'.repeat(200_000), `<x>${'&amp;'.repeat(200_000)}</x>`]) {
      await expectContained('large feed', () => parseFeed(input));
    }
    await expectContained('large plan', async () => parsePlan(await extractSource(Buffer.from(seed.repeat(10)), 'big.md')));
    expect(true).toBe(true);
  }, 60_000);
});
