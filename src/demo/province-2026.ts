import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DutyCode } from '../modules/orgs/duties';
import type { OrgKind } from '../modules/orgs/org-kinds';
import type { DemoOrg } from './orgs.data';

/**
 * The demo province as of 2026 (merged Quảng Trị), read from the data in `province-2026/`
 * (README.md there says what each file holds and SOURCES.md where each fact comes from):
 * the 2026 bodies valid from their date, the former provinces' organisations as history with
 * their last day and duty successors, the former districts leading to the communes formed from
 * them, and the 78 commune-level units with their official codes.
 */
const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'province-2026');
const read = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8')) as T;

interface Body {
  key: string;
  name: string;
  shortName?: string;
  kind: OrgKind;
  aliases?: string[];
  validFrom?: string;
  validTo?: string;
  formerProvince?: string | null;
  successors?: Array<{ key: string; duties: DutyCode[]; since?: string }>;
}
interface District {
  key: string;
  code: string;
  name: string;
  shortName?: string;
  aliases?: string[];
  formerProvince: string;
  validTo: string;
  communes: string[];
}
interface Commune {
  code: string;
  name: string;
  level: 'xa' | 'phuong' | 'dac_khu';
}

/** First day of the merged province and of its communes (Nghị quyết 202/2025/QH15, 1680/NQ-UBTVQH15). */
export const MERGED_FROM = '2025-07-01';
export const PROVINCE_KEY = 'ubnd-tinh';
const FORMER_PROVINCE_KEY: Record<string, string> = { 'quang-tri': 'qt-ubnd-tinh', 'quang-binh': 'qb-ubnd-tinh' };

/** `Huyện Hướng Hóa` → `UBND huyện Hướng Hóa`: the directory holds the people's committee of a unit. */
const committeeOf = (unitName: string) => `UBND ${unitName.charAt(0).toLowerCase()}${unitName.slice(1)}`;

const underProvince = (kind: OrgKind) => kind === 'department';

export function province2026Orgs(): DemoOrg[] {
  const departments = read<Body[]>('departments.json');
  const history = read<{ orgs: Body[]; districts: District[] }>('history.json');
  const communes = read<Commune[]>('communes.json');
  const bodies: DemoOrg[] = departments.map((b) => ({
    key: b.key,
    name: b.name,
    shortName: b.shortName ?? b.name,
    kind: b.kind,
    aliases: b.aliases,
    validFrom: b.validFrom,
    validTo: b.validTo,
    parent: underProvince(b.kind) && b.key !== PROVINCE_KEY ? PROVINCE_KEY : undefined,
  }));
  const past: DemoOrg[] = history.orgs.map((o) => ({
    key: o.key,
    name: o.name,
    shortName: o.shortName ?? o.name,
    kind: o.kind,
    aliases: o.aliases,
    validFrom: o.validFrom,
    validTo: o.validTo,
    // Every body of a former province sits under its committee, whatever its kind: a group phrase of
    // that province's plan ("các sở, ban, ngành") stands for its own bodies, not the other province's.
    parent: o.formerProvince && o.kind !== 'province' ? FORMER_PROVINCE_KEY[o.formerProvince] : undefined,
    successors: (o.successors ?? []).map((s) => ({ key: s.key, duties: s.duties, since: s.since })),
  }));
  const districts: DemoOrg[] = history.districts.map((d) => ({
    key: d.key,
    name: committeeOf(d.name),
    shortName: d.shortName ?? d.name,
    kind: 'district',
    adminCode: d.code,
    aliases: [d.name, ...(d.aliases ?? [])].filter((a) => a !== committeeOf(d.name)),
    validTo: d.validTo,
    parent: FORMER_PROVINCE_KEY[d.formerProvince],
    successors: d.communes.map((code) => ({ key: code, duties: ['all'], since: MERGED_FROM })),
  }));
  const units: DemoOrg[] = communes.map((c) => ({
    key: c.code,
    name: committeeOf(c.name),
    shortName: c.name,
    kind: 'commune',
    adminCode: c.code,
    aliases: [c.name, `Ủy ban nhân dân ${c.name.charAt(0).toLowerCase()}${c.name.slice(1)}`],
    validFrom: MERGED_FROM,
    parent: PROVINCE_KEY,
  }));
  // Parents first: the province bodies, then the history (each former province's committee leads), districts, communes.
  return [...bodies, ...past, ...districts, ...units];
}
