import { count, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { AppError } from '../../shared/errors';
import { fold } from '../../shared/text/fold';
import type { Actor } from '../audit';
import { createOrg, GROUP_PHRASES, orgs, seedGroupPhrases } from '../orgs';
import { putSetting } from '../settings';
import type { ProvinceInitInput, ProvinceInitResult } from './province.schemas';
import { DEFAULT_SECRETARIAT, STANDARD_DEPARTMENTS, type StandardDepartment } from './standard-departments';

/** First day of two-level local government: the communes of the national catalogue exist from then. */
export const COMMUNES_FROM = '2025-07-01';
const PROVINCE_KEY = 'ubnd-tinh';

/** "tỉnh Hà Tĩnh", " Hà  Tĩnh " → "Hà Tĩnh". */
export const provinceName = (raw: string) =>
  raw
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/^(tỉnh|tinh)\s+/i, '');

export async function directoryIsEmpty(db: Db): Promise<boolean> {
  const [{ n }] = await db.select({ n: count() }).from(orgs);
  return Number(n) === 0;
}

/** The standard department a `--secretariat` value names (key, name, short name or alias), else an error listing them. */
export function secretariatOf(value: string | undefined): StandardDepartment {
  const wanted = fold(value ?? DEFAULT_SECRETARIAT);
  const found = STANDARD_DEPARTMENTS.find((d) => [d.key, d.name, d.shortName, ...d.aliases].some((n) => fold(n) === wanted));
  if (!found)
    throw new AppError('province.secretariat_unknown', {
      field: 'secretariat',
      value,
      allowed: STANDARD_DEPARTMENTS.map((d) => d.name).join('; '),
    });
  return found;
}

/** "Xã Hướng Lập" → "UBND xã Hướng Lập": the directory holds the people's committee of a unit. */
const committeeOf = (unitName: string) => `UBND ${unitName.charAt(0).toLowerCase()}${unitName.slice(1)}`;

/**
 * Sets up a province on an empty directory, in one transaction: its People's Committee, the
 * standard departments (each also known as "<name> tỉnh <province>"), the commune-level units
 * with their official codes, the group phrases (departments, communes…), and the settings
 * (province name, issuer, place, secretariat organisation). Refused when the directory already
 * holds any organisation: it never mixes with a directory in use.
 */
export async function initProvince(db: Db, input: ProvinceInitInput, actor: Actor): Promise<ProvinceInitResult> {
  const name = provinceName(input.name);
  const secretariat = secretariatOf(input.secretariat);
  return db.transaction(async (tx) => {
    const [{ n }] = await tx.select({ n: count() }).from(orgs);
    if (Number(n) > 0) throw new AppError('province.not_empty', { count: Number(n) });
    const inProvince = `tỉnh ${name}`;
    const committee = await createOrg(
      tx,
      {
        key: PROVINCE_KEY,
        name: `Ủy ban nhân dân ${inProvince}`,
        shortName: 'UBND tỉnh',
        kind: 'province',
        aliases: [`UBND ${inProvince}`, 'UBND tỉnh', 'Ủy ban nhân dân tỉnh'],
      },
      actor,
    );
    const departments: { id: string; name: string; key: string }[] = [];
    for (const d of STANDARD_DEPARTMENTS) {
      const own = d.name.endsWith(' tỉnh') ? `${d.name} ${name}` : `${d.name} ${inProvince}`;
      const aliases = [...d.aliases, own, ...d.aliases.filter((a) => a.endsWith(' tỉnh')).map((a) => `${a} ${name}`)];
      const created = await createOrg(
        tx,
        { key: d.key, name: d.name, shortName: d.shortName, kind: d.kind, parentId: committee.id, aliases: [...new Set(aliases)] },
        actor,
      );
      departments.push({ id: created.id, name: created.name, key: d.key });
    }
    const communes = { total: 0, xa: 0, phuong: 0, dac_khu: 0 };
    for (const c of input.communes) {
      await createOrg(
        tx,
        {
          key: c.code,
          name: committeeOf(c.name),
          shortName: c.name,
          kind: 'commune',
          adminCode: c.code,
          parentId: committee.id,
          validFrom: COMMUNES_FROM,
          aliases: [c.name, `Ủy ban nhân dân ${c.name.charAt(0).toLowerCase()}${c.name.slice(1)}`],
        },
        actor,
      );
      communes.total++;
      communes[c.level]++;
    }
    await seedGroupPhrases(tx);
    const province = { name, issuer: `Ủy ban nhân dân ${inProvince}`.toLocaleUpperCase('vi'), place: name };
    await putSetting(tx, 'province', province, actor);
    const sec = departments.find((d) => d.key === secretariat.key)!;
    await putSetting(tx, 'secretariatOrgId', sec.id, actor);
    const groups = await groupSizes(tx);
    return {
      province: { id: committee.id, name: committee.name, issuer: province.issuer, place: province.place },
      departments: departments.map(({ id, name }) => ({ id, name })),
      communes,
      groups,
      secretariat: { id: sec.id, name: sec.name },
    };
  });
}

/** The closed groups with kinds and how many organisations of those kinds the directory now holds. */
async function groupSizes(db: Db) {
  const out: ProvinceInitResult['groups'] = [];
  for (const g of GROUP_PHRASES.filter((x) => !x.open && !x.validTo && x.kinds.length)) {
    const [{ n }] = await db.select({ n: count() }).from(orgs).where(inArray(orgs.kind, g.kinds));
    out.push({ key: g.key, name: g.name, members: Number(n) });
  }
  return out;
}
