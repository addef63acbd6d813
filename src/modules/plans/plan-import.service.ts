import type { Db } from '../../db/client';
import { extractSourceInWorker, parsePlan, planDate, resolvePlanOrgs, type ParsedPlan } from './import';
import { dbResolver } from './db-resolver';

export interface ImportPreview {
  plan: ParsedPlan;
  source: { filename: string; format: string; text: string };
}

export interface ImportOptions {
  /** Resolve organisations and groups as of this date (YYYY-MM-DD), following successors. */
  asOf?: string | null;
  /** Today, for a document without a date (tests pass their own). */
  today?: string;
}

/**
 * Reads a plan document and matches its organisations against the directory as of a date:
 * the one asked for, else the document's own date (planDate), else today.
 * Saves nothing: the person checks and corrects the result, then saves it.
 */
export async function previewImport(db: Db, buf: Buffer, filename: string, options: ImportOptions = {}): Promise<ImportPreview> {
  const source = await extractSourceInWorker(buf, filename);
  const parsed = parsePlan(source);
  const onDate = options.asOf || planDate(parsed) || options.today || new Date().toISOString().slice(0, 10);
  const plan = await resolvePlanOrgs(parsed, dbResolver(db), { onDate });
  return { plan, source: { filename: source.filename, format: source.format, text: source.text } };
}
