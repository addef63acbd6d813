import { execFile } from 'node:child_process';
import { AppError } from '../errors';
import { TOOLS, type FoundTool } from './tools';

export interface RunOptions {
  /** Killed (SIGKILL) after this long: AppError `tool.timeout`. */
  timeoutMs: number;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Named in the error messages: the file being read, and the page when there is one. */
  filename: string;
  page?: number;
  /** Cancels the run: AppError `tool.cancelled`. */
  signal?: AbortSignal;
  /** Largest output kept (bytes). */
  maxBuffer?: number;
}

/**
 * Runs an external tool as a child process (never blocking the event loop) with a time
 * limit. Failures become AppErrors naming the tool, the file and the page:
 * `tool.timeout`, `tool.cancelled`, `tool.failed` (non-zero exit, with its last stderr line).
 */
export function runTool(tool: FoundTool, args: string[], opts: RunOptions): Promise<{ stdout: string; stderr: string }> {
  const where = { tool: TOOLS[tool.name].label, filename: opts.filename, page: opts.page ?? '–' };
  return new Promise((resolve, reject) => {
    execFile(
      tool.path,
      args,
      {
        env: { OMP_THREAD_LIMIT: '1', ...(opts.env ?? process.env) },
        cwd: opts.cwd,
        timeout: opts.timeoutMs,
        killSignal: 'SIGKILL',
        maxBuffer: opts.maxBuffer ?? 64 * 1024 * 1024,
        signal: opts.signal,
        encoding: 'utf8',
      },
      (err, stdout, stderr) => {
        if (!err) return resolve({ stdout, stderr });
        const e = err as NodeJS.ErrnoException & { killed?: boolean; signal?: string };
        if (opts.signal?.aborted || e.name === 'AbortError') return reject(new AppError('tool.cancelled', where));
        if (e.killed || e.signal === 'SIGKILL') {
          return reject(new AppError('tool.timeout', { ...where, seconds: Math.max(1, Math.round(opts.timeoutMs / 1000)) }));
        }
        const reason = (stderr || e.message || '').trim().split('\n').filter(Boolean).pop() ?? String(e.code ?? '');
        reject(new AppError('tool.failed', { ...where, reason: reason.slice(0, 200) }));
      },
    );
  });
}
