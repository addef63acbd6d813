import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../shared/messages/catalogue';
import { ERROR_STATUS } from './error-status';

/** Every code thrown in src/ (`new AppError('code'`), read from the source files themselves. */
function thrownCodes(dir: string, out = new Set<string>()): Set<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) thrownCodes(p, out);
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts')) {
      const text = fs.readFileSync(p, 'utf8');
      for (const m of text.matchAll(/new AppError\(\s*(?:[^,()]*\?\s*)?'([a-z0-9_.]+)'(?:\s*:\s*'([a-z0-9_.]+)')?/g)) {
        out.add(m[1]);
        if (m[2]) out.add(m[2]);
      }
    }
  }
  return out;
}

describe('error codes', () => {
  const codes = [...thrownCodes(path.resolve(__dirname, '..'))].sort();
  it('finds the codes the source throws', () => {
    expect(codes.length).toBeGreaterThan(100);
    expect(codes).toContain('plan.file_no_text');
    expect(codes).toContain('plan.file_empty');
  });
  it('gives every thrown code an HTTP status and a message in both languages', () => {
    expect(codes.filter((c) => !(c in ERROR_STATUS))).toEqual([]);
    expect(codes.filter((c) => !(c in catalogue.vi) || !(c in catalogue.en))).toEqual([]);
  });
  it('lists no status for a code nothing throws', () => {
    expect(Object.keys(ERROR_STATUS).filter((c) => !codes.includes(c))).toEqual([]);
  });
});
