import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../../shared/errors';

/** Test helpers (not used by the product). */
export const fixture = (name: string): Buffer => readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)));

export const SEED = 'ke-hoach-ttdn-quang-tri-2023.md';

/** Runs fn, expects an AppError with the code, and returns the elapsed milliseconds. */
export async function expectRefused(fn: () => Promise<unknown>, code: string): Promise<{ ms: number; error: AppError }> {
  const t = performance.now();
  try {
    await fn();
  } catch (err) {
    const ms = performance.now() - t;
    if (!(err instanceof AppError)) throw new Error(`expected AppError ${code}, got ${String(err)}`);
    if (err.code !== code) throw new Error(`expected ${code}, got ${err.code} ${JSON.stringify(err.details)}`);
    return { ms, error: err };
  }
  throw new Error(`expected ${code}, but it succeeded`);
}
