import { z } from 'zod';
import data from './standard-departments.json' with { type: 'json' };

/** The standard 2026 list of a province's cơ quan chuyên môn (data and sources in standard-departments.json). */
const standardDepartment = z.object({
  key: z.string(),
  name: z.string(),
  shortName: z.string(),
  kind: z.literal('department'),
  aliases: z.array(z.string()),
  everywhere: z.boolean(),
  source: z.string(),
});
export type StandardDepartment = z.infer<typeof standardDepartment>;

export const STANDARD_DEPARTMENTS: StandardDepartment[] = z.array(standardDepartment).parse(data.departments);
export const STANDARD_SOURCES = data.sources;

/** Since the 2025 reorganisation foreign information is a duty of Sở VHTTDL (Thông tư 10/2025/TT-BVHTTDL). */
export const DEFAULT_SECRETARIAT = 'so-vhttdl';
