import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Any province, not only the demo (#15 item 5): no code or message outside the demo data, tests
 * and fixtures names the demo province, its dissolved Sở TTTT or a district as a fixed fact.
 * Comments are left out (they may give examples); what remains is code and strings. A file may
 * keep a word for a stated reason (ALLOWED); a new use anywhere else fails here.
 */
const WORDS = ['Quảng Trị', 'Sở Thông tin và Truyền thông', 'Sở TTTT', 'huyện'];

/** Files allowed to keep a word, and why. */
const ALLOWED: Record<string, { words: string[]; reason: string }> = {
  'src/modules/orgs/group-phrases.ts': {
    words: ['huyện'],
    reason: 'recognises the old wording of plans ("UBND các huyện, thị xã, thành phố") and leads it to the communes',
  },
  'src/modules/orgs/org-kinds.ts': { words: ['huyện'], reason: 'the district kind, kept for organisations that ended on 30/6/2025' },
  'src/modules/plans/import/parse/org-list.ts': {
    words: ['huyện'],
    reason: 'expands the old distributive wording "UBND các huyện: A và B" of plans written before 2025',
  },
  'src/modules/plans/import/parse/parse-plan.ts': { words: ['huyện'], reason: 'reads the level of an old issuer ("UBND huyện …")' },
  'src/modules/press/pipeline/tone/corrections.ts': { words: ['huyện'], reason: 'a stop-word list of the tone model' },
  'src/modules/press/pipeline/default-topics.ts': {
    words: ['Quảng Trị', 'huyện'],
    reason: 'default press topics are demo-province data (the merged province of 2025); an admin edits the topics',
  },
  'src/modules/press/press.demo.ts': { words: ['Quảng Trị'], reason: 'the demo province\u2019s press sources' },
  'src/modules/activities/demo.ts': { words: ['Quảng Trị'], reason: 'the demo province\u2019s activities' },
  'src/modules/plans/import/source/test-layouts.ts': { words: ['Quảng Trị'], reason: 'page layouts used by tests only' },
  'src/bootstrap.ts': { words: ['Quảng Trị'], reason: 'announces the demo data, which is of Quảng Trị' },
};

const ROOTS = ['src', 'web/src'];
const SKIP_DIRS = new Set(['demo', 'fixtures', 'node_modules']);
const isCode = (f: string) => /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f) && !/\.data\.ts$/.test(f) && !/test-helpers\.ts$/.test(f);

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return p === path.join('src', 'demo') || SKIP_DIRS.has(e.name) ? [] : files(p);
    return isCode(p) ? [p] : [];
  });
}

/** The file without its comments: block comments, and line comments that start a line or follow a space. */
const withoutComments = (text: string) =>
  text.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, '')).replace(/(^|\s)\/\/.*$/gm, '$1');

describe('no province, department or district named as a fixed fact', () => {
  it('finds none of the words in code and messages outside the allowed files', () => {
    const found: string[] = [];
    for (const root of ROOTS)
      for (const file of files(root)) {
        const rel = file.split(path.sep).join('/');
        const lines = withoutComments(fs.readFileSync(file, 'utf8')).split('\n');
        lines.forEach((line, i) => {
          for (const w of WORDS)
            if (line.toLowerCase().includes(w.toLowerCase()) && !ALLOWED[rel]?.words.includes(w)) found.push(`${rel}:${i + 1}: ${w}`);
        });
      }
    expect(found).toEqual([]);
  });

  it('would catch a new fixed use (the check itself works)', () => {
    expect(withoutComments("// Sở TTTT\nconst a = 'Sở TTTT';").includes('Sở TTTT')).toBe(true);
    expect(withoutComments('/** Quảng Trị */ const url = "https://x";')).toBe(' const url = "https://x";');
  });
});
