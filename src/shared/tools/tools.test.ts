import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { translate } from '../messages/catalogue';
import { clearToolCache, hasTool, requireTool, runTool } from './index';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ttdn-tools-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A directory holding only the given shell scripts, to stand as the whole PATH. */
function pathWith(name: string, scripts: Record<string, string>): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir, { recursive: true });
  for (const [file, body] of Object.entries(scripts)) fs.writeFileSync(path.join(dir, file), `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return dir;
}

async function refusal(fn: () => Promise<unknown>): Promise<AppError> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected an AppError');
}

beforeEach(() => clearToolCache());

describe('external tools', () => {
  it('finds tesseract with its Vietnamese model, pdftoppm and soffice on this machine', async () => {
    const t = await requireTool('tesseract', 'scan.pdf');
    expect(path.basename(t.path)).toBe('tesseract');
    expect(fs.existsSync(t.path)).toBe(true);
    expect(await hasTool('pdftoppm')).toBe(true);
    expect(await hasTool('soffice')).toBe(true);
  });

  it('names the Debian packages when a tool is not on PATH', async () => {
    const env = { PATH: pathWith('empty', {}) };
    expect(await hasTool('tesseract', { env })).toBe(false);
    const err = await refusal(() => requireTool('tesseract', 'scan.pdf', { env }));
    expect(err.code).toBe('tool.missing');
    expect(err.details).toMatchObject({ tool: 'Tesseract', packages: 'tesseract-ocr và tesseract-ocr-vie', filename: 'scan.pdf' });
    expect(translate('vi', err.code, err.details)).toBe(
      'Chưa cài Tesseract nên không đọc được tệp scan.pdf: cài gói tesseract-ocr và tesseract-ocr-vie trên máy chủ rồi thử lại.',
    );
    const lo = await refusal(() => requireTool('soffice', 'cu.doc', { env }));
    expect(translate('vi', lo.code, lo.details)).toContain('cài gói libreoffice-writer-nogui');
    const pp = await refusal(() => requireTool('pdftoppm', 'scan.pdf', { env }));
    expect(pp.details.packages).toBe('poppler-utils');
  });

  it('counts tesseract without the vie model as missing that package, and caches what it found', async () => {
    const env = { PATH: pathWith('eng-only', { tesseract: 'echo \'List of available languages in "/x" (1):\'; echo eng' }) };
    const err = await refusal(() => requireTool('tesseract', 'scan.png', { env }));
    expect(err.details.packages).toBe('tesseract-ocr-vie');

    const withVie = { PATH: pathWith('with-vie', { tesseract: 'echo eng; echo vie' }) };
    expect((await requireTool('tesseract', 'scan.png', { env: withVie })).path).toBe(path.join(withVie.PATH, 'tesseract'));
    fs.rmSync(path.join(withVie.PATH, 'tesseract'));
    // found once per PATH: a second look does not search again …
    expect(await hasTool('tesseract', { env: withVie })).toBe(true);
    // … until the cache is cleared
    clearToolCache();
    expect(await hasTool('tesseract', { env: withVie })).toBe(false);
  });

  it('stops a tool that runs too long and reports a failing one with the file and page', async () => {
    const dir = pathWith('slow', { pdftoppm: 'exec /bin/sleep 5', pdftotext: 'echo "Syntax Error: broken xref" >&2; exit 3' });
    const env = { PATH: dir };
    const slow = await requireTool('pdftoppm', 'scan.pdf', { env });
    const t = performance.now();
    const timeout = await refusal(() => runTool(slow, [], { timeoutMs: 500, filename: 'scan.pdf', page: 2, env }));
    expect(performance.now() - t).toBeLessThan(3000);
    expect(translate('vi', timeout.code, timeout.details)).toBe(
      'Poppler (pdftoppm) chạy quá 1 giây khi đọc tệp scan.pdf (trang 2) nên đã dừng.',
    );
    const failing = await requireTool('pdftotext', 'a.pdf', { env });
    const failed = await refusal(() => runTool(failing, [], { timeoutMs: 5000, filename: 'a.pdf', env }));
    expect(failed.code).toBe('tool.failed');
    expect(failed.details.reason).toBe('Syntax Error: broken xref');
    const ac = new AbortController();
    const p = refusal(() => runTool(slow, [], { timeoutMs: 10_000, filename: 'scan.pdf', env, signal: ac.signal }));
    ac.abort();
    expect((await p).code).toBe('tool.cancelled');
  });
});
