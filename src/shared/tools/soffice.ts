import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppError } from '../errors';
import { runTool } from './run';
import { requireTool, type ToolEnv } from './tools';

/** One conversion by LibreOffice may take this long (its first start makes a profile: a few seconds). */
export const SOFFICE_TIMEOUT_MS = 120_000;

/**
 * A .docx the product wrote, as PDF: `soffice --headless --convert-to pdf` in a child process
 * with a time limit, in a temporary folder with its own user profile (so conversions may run
 * side by side). `tool.missing` names libreoffice-writer-nogui when soffice is absent;
 * `tool.timeout`, `tool.failed` otherwise.
 */
export async function docxToPdf(docx: Buffer, filename: string, opts: ToolEnv & { timeoutMs?: number } = {}): Promise<Buffer> {
  const soffice = await requireTool('soffice', filename, opts);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ttdn-pdf-'));
  try {
    const input = path.join(dir, 'document.docx');
    const outDir = path.join(dir, 'out');
    await fs.writeFile(input, docx);
    await runTool(
      soffice,
      [
        `-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`,
        '--headless',
        '--norestore',
        '--nologo',
        '--convert-to',
        'pdf:writer_pdf_Export',
        '--outdir',
        outDir,
        input,
      ],
      { timeoutMs: opts.timeoutMs ?? SOFFICE_TIMEOUT_MS, filename, env: { ...(opts.env ?? process.env), HOME: dir } },
    );
    const pdf = await fs.readFile(path.join(outDir, 'document.pdf')).catch(() => null);
    if (!pdf?.length) throw new AppError('tool.failed', { tool: 'LibreOffice', filename, page: '–', reason: 'no PDF written' });
    return pdf;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
