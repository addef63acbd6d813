import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppError } from '../../../../shared/errors';
import { requireTool, runTool, type ToolEnv } from '../../../../shared/tools';

/** One conversion by LibreOffice may take this long (its first start makes a profile: a few seconds). */
export const SOFFICE_TIMEOUT_MS = 120_000;

export interface ConvertOptions extends ToolEnv {
  timeoutMs?: number;
  signal?: AbortSignal;
}

/**
 * Converts a document with LibreOffice (`soffice --headless --convert-to <to>`), in a
 * temporary folder with its own user profile so conversions may run side by side.
 * `inputExt` is the extension LibreOffice reads the input under (`doc`, `odt`, `docx`).
 * Throws `tool.missing` (libreoffice-writer-nogui) when soffice is absent, `tool.timeout`,
 * `tool.failed`, or `plan.file_corrupt` when LibreOffice wrote nothing.
 */
export async function convertWithSoffice(
  buf: Buffer,
  inputExt: string,
  to: string,
  filename: string,
  opts: ConvertOptions = {},
): Promise<Buffer> {
  const soffice = await requireTool('soffice', filename, opts);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ttdn-convert-'));
  try {
    const input = path.join(dir, `input.${inputExt}`);
    const outDir = path.join(dir, 'out');
    await fs.writeFile(input, buf);
    await runTool(
      soffice,
      [
        `-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`,
        '--headless',
        '--norestore',
        '--nologo',
        '--convert-to',
        to,
        '--outdir',
        outDir,
        input,
      ],
      { timeoutMs: opts.timeoutMs ?? SOFFICE_TIMEOUT_MS, filename, env: { ...(opts.env ?? process.env), HOME: dir }, signal: opts.signal },
    );
    const produced = (await fs.readdir(outDir).catch(() => [] as string[])).find((f) => f.startsWith('input.'));
    if (!produced) throw new AppError('plan.file_corrupt', { filename, reason: `LibreOffice không chuyển được sang .${to.split(':')[0]}` });
    return await fs.readFile(path.join(outDir, produced));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
