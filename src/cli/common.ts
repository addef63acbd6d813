import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { ConfigError, loadConfig, type Config } from '../config';
import { DataDirLockedError } from '../db/data-dir-lock';
import { AppError } from '../shared/errors';
import { translate } from '../shared/messages/catalogue';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Configuration for a command: environment first, then the command's flags. */
export function configFor(overrides: Record<string, string | undefined> = {}): Config {
  const env = { ...process.env };
  for (const [k, v] of Object.entries(overrides)) if (v !== undefined) env[k] = v;
  return loadConfig(env);
}

/** A clear sentence for the operator, and a non-zero exit. */
export function fail(err: unknown): never {
  if (err instanceof ConfigError || err instanceof DataDirLockedError) console.error(err.message);
  else if (err instanceof AppError) console.error(translate('vi', err.code, err.details));
  else console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
}

/** The global --data-dir / --database-url flags as configuration overrides. */
export function globalConfig(cmd: Command, extra: Record<string, string | undefined> = {}) {
  const opts = cmd.optsWithGlobals() as { dataDir?: string; databaseUrl?: string };
  return configFor({ DATA_DIR: opts.dataDir, DATABASE_URL: opts.databaseUrl, ...extra });
}
