import type { Db } from '../../db/client';
import { extractSource, parsePlan, resolvePlanOrgs, type ParsedPlan } from './import';
import { dbResolver } from './db-resolver';

export interface ImportPreview {
  plan: ParsedPlan;
  source: { filename: string; format: string; text: string };
}

/**
 * Reads a plan document and matches its organisations against the directory.
 * Saves nothing: the person checks and corrects the result, then saves it.
 */
export async function previewImport(db: Db, buf: Buffer, filename: string): Promise<ImportPreview> {
  const source = await extractSource(buf, filename);
  const parsed = parsePlan(source);
  const plan = await resolvePlanOrgs(parsed, dbResolver(db));
  return { plan, source: { filename: source.filename, format: source.format, text: source.text } };
}
