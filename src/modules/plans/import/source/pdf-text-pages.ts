import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { hasTool, requireTool, runTool, type ToolEnv } from '../../../../shared/tools';

/** pdftotext on a plan's PDF takes well under a second; past this the answer is not waited for. */
const PDFTOTEXT_TIMEOUT_MS = 20_000;

/**
 * Characters of text on each page of a PDF, asked of poppler's `pdftotext` (pages end with a form feed).
 * A scan — a PDF of page images — answers zeros, and can then go to OCR without opening it in pdfjs,
 * which holds the decoded document in memory (about 280 MB for a 5 MB ten-page scan). Null when pdftotext
 * is not installed or cannot read the file (encrypted, damaged): the caller reads it with pdfjs, which says why.
 */
export async function textCharsPerPage(
  buf: Buffer,
  filename: string,
  opts: ToolEnv & { signal?: AbortSignal } = {},
): Promise<number[] | null> {
  if (!(await hasTool('pdftotext', opts))) return null;
  const tool = await requireTool('pdftotext', filename, opts);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ttdn-pdftext-'));
  try {
    const input = path.join(dir, 'in.pdf');
    await fs.writeFile(input, buf);
    const { stdout } = await runTool(tool, ['-q', '-enc', 'UTF-8', input, '-'], {
      timeoutMs: PDFTOTEXT_TIMEOUT_MS,
      filename,
      env: opts.env,
      signal: opts.signal,
    });
    const pages = stdout.split('\f');
    if (pages.length > 1 && !pages[pages.length - 1].trim()) pages.pop();
    return pages.map((p) => p.replace(/\s+/g, '').length);
  } catch {
    return null;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
