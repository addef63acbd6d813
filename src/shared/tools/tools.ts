import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';

/**
 * External programs the importer calls, each with the Debian packages that bring it.
 * Found once per PATH (the result is cached); a missing one is an AppError `tool.missing`
 * whose message names the packages to install.
 */
export type ToolName = 'tesseract' | 'pdftoppm' | 'pdftotext' | 'soffice';

interface ToolSpec {
  /** Name shown to the person (`Tesseract`). */
  label: string;
  /** Executable looked up on PATH. */
  command: string;
  /** Debian packages to install, as the message says them. */
  packages: string;
}

export const TOOLS: Record<ToolName, ToolSpec> = {
  tesseract: { label: 'Tesseract', command: 'tesseract', packages: 'tesseract-ocr và tesseract-ocr-vie' },
  pdftoppm: { label: 'Poppler (pdftoppm)', command: 'pdftoppm', packages: 'poppler-utils' },
  pdftotext: { label: 'Poppler (pdftotext)', command: 'pdftotext', packages: 'poppler-utils' },
  soffice: { label: 'LibreOffice', command: 'soffice', packages: 'libreoffice-writer-nogui' },
};

export interface ToolEnv {
  /** Environment the tools run with; `PATH` decides where they are looked for. Default: process.env. */
  env?: NodeJS.ProcessEnv;
}

export interface FoundTool {
  name: ToolName;
  /** Absolute path of the executable. */
  path: string;
}

const cache = new Map<string, Promise<FoundTool | { missing: string }>>();

/** Forgets what was found (tests that install or remove a tool). */
export function clearToolCache() {
  cache.clear();
}

function onPath(command: string, pathVar: string): string | null {
  for (const dir of pathVar.split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, command);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

/** The languages Tesseract has models for (`tesseract --list-langs`). */
function tesseractLanguages(exe: string, env: NodeJS.ProcessEnv): Promise<string[]> {
  return new Promise((resolve) => {
    execFile(exe, ['--list-langs'], { env, timeout: 10_000 }, (err, stdout, stderr) => {
      if (err) return resolve([]);
      // tesseract 4 printed the list on stderr, 5 on stdout
      const lines = `${stdout}\n${stderr}`.split('\n').map((l) => l.trim());
      resolve(lines.filter((l) => /^[a-z_]{3,}$/i.test(l)));
    });
  });
}

async function detect(name: ToolName, env: NodeJS.ProcessEnv): Promise<FoundTool | { missing: string }> {
  const spec = TOOLS[name];
  const exe = onPath(spec.command, env.PATH ?? '');
  if (!exe) return { missing: spec.packages };
  if (name === 'tesseract') {
    const langs = await tesseractLanguages(exe, env);
    if (!langs.includes('vie')) return { missing: 'tesseract-ocr-vie' };
  }
  return { name, path: exe };
}

function lookup(name: ToolName, env: NodeJS.ProcessEnv) {
  const key = `${name}\0${env.PATH ?? ''}\0${env.TESSDATA_PREFIX ?? ''}`;
  let found = cache.get(key);
  if (!found) {
    found = detect(name, env);
    cache.set(key, found);
  }
  return found;
}

/** Whether the tool is usable, without throwing. */
export async function hasTool(name: ToolName, opts: ToolEnv = {}): Promise<boolean> {
  return 'path' in (await lookup(name, opts.env ?? process.env));
}

/**
 * The tool's executable, or AppError `tool.missing` naming the Debian packages to install
 * and the file that needed it. Tesseract counts as missing without its Vietnamese model.
 */
export async function requireTool(name: ToolName, filename: string, opts: ToolEnv = {}): Promise<FoundTool> {
  const found = await lookup(name, opts.env ?? process.env);
  if ('path' in found) return found;
  throw new AppError('tool.missing', { tool: TOOLS[name].label, packages: found.missing, filename });
}
