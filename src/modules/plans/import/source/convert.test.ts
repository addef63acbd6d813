import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractSource, parsePlan } from '../index';
import { seedLayouts } from './test-layouts';

const FIXTURES = path.join(import.meta.dirname, '../fixtures');
const SEED = 'ke-hoach-ttdn-quang-tri-2023.md';

describe('Word 97–2003 (.doc) and OpenDocument (.odt), converted by LibreOffice', () => {
  it('read the seed saved as .doc and as .odt like its .md: header and the 18 tasks', async () => {
    const md = parsePlan(await extractSource(fs.readFileSync(path.join(FIXTURES, SEED)), SEED));
    for (const [format, buf] of [
      ['doc', await seedLayouts().doc()],
      ['odt', await seedLayouts().odt()],
    ] as const) {
      const source = await extractSource(buf, `ke-hoach-27.${format}`);
      expect(source.format).toBe(format);
      expect(source.warnings.map((w) => w.code)).toContain('plan.warn_converted');
      const plan = parsePlan(source);
      expect(plan.document).toMatchObject({ number: '27/KH-UBND', issuedOn: '2023-02-10' });
      expect(plan.tasks.map((t) => [t.code, t.title])).toEqual(md.tasks.map((t) => [t.code, t.title]));
    }
  }, 240_000);

  it('names the package to install when LibreOffice is missing, and reads nothing', async () => {
    const buf = await seedLayouts().doc();
    const err = await extractSource(buf, 'ke-hoach.doc', { env: { ...process.env, PATH: '/nonexistent' } }).catch((e) => e);
    expect(err.code).toBe('tool.missing');
    expect(JSON.stringify(err.details)).toContain('libreoffice-writer-nogui');
  }, 240_000);
});
