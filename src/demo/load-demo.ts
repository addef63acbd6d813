import crypto from 'node:crypto';
import type { Db } from '../db/client';
import type { Role, SessionUser } from '../http';
import { SYSTEM_ACTOR } from '../modules/audit/audit.service';
import { seedGroupPhrases } from '../modules/orgs/org-lookup';
import { orgs, orgSuccessors } from '../modules/orgs/orgs.tables';
import { createOrg } from '../modules/orgs/orgs.service';
import { putSetting } from '../modules/settings/settings.service';
import { createUser } from '../modules/users/users.service';
import { DEMO_DOC_CODES, DEMO_ORGS, type DemoOrg } from './orgs.data';
import { province2026Orgs } from './province-2026';
import { seedPressDemo } from '../modules/press/press.demo';
import { loadDemoPlan } from './load-demo-plan';
import { loadDemoPlan2026 } from './load-demo-plan-2026';
import { loadDemoActivities2026 } from './activities-2026';
import { loadDemoReports2026 } from './reports-2026';
import { loadDemoActivities } from '../modules/activities/demo';
import { seedDemoReports } from '../modules/reports/demo-reports';

export const DEMO_USERS: { username: string; displayName: string; role: Role; orgKey: string | null }[] = [
  { username: 'admin', displayName: 'Quản trị hệ thống', role: 'admin', orgKey: null },
  { username: 'thuongtruc', displayName: 'Nguyễn Thị Thường Trực (Sở VHTTDL)', role: 'secretariat', orgKey: 'so-vhttdl' },
  { username: 'lanhdao', displayName: 'Hoàng Nam (UBND tỉnh)', role: 'leader', orgKey: 'ubnd-tinh' },
  { username: 'canbo.vhttdl', displayName: 'Trần Văn Cán Bộ (Sở VHTTDL)', role: 'officer', orgKey: 'so-vhttdl' },
  { username: 'thanhtra', displayName: 'Lê Thanh Tra (Thanh tra tỉnh)', role: 'inspector', orgKey: 'thanh-tra' },
];

export function randomDemoPassword(): string {
  return `Ttdn-${crypto.randomBytes(6).toString('base64url')}-${crypto.randomInt(10, 99)}`;
}

/**
 * Seeds the organisation directory and its group phrases (no accounts): the demo's 2023
 * directory (orgs.data.ts), or another list such as the 2026 province (province2026Orgs).
 */
export async function loadDemoDirectory(db: Db, directory: DemoOrg[] = DEMO_ORGS): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  await db.transaction(async (tx) => {
    for (const o of directory) {
      const created = await createOrg(
        tx,
        {
          key: o.key,
          name: o.name,
          shortName: o.shortName,
          // the former Quảng Trị's bodies (`qt-…`) wrote the same codes as today's of the same name
          docCode: DEMO_DOC_CODES[o.key] ?? DEMO_DOC_CODES[o.key.replace(/^qt-/, '')] ?? null,
          kind: o.kind,
          adminCode: o.adminCode ?? null,
          parentId: o.parent ? ids.get(o.parent) : null,
          validFrom: o.validFrom ?? null,
          validTo: o.validTo ?? null,
          aliases: o.aliases,
        },
        SYSTEM_ACTOR,
      );
      ids.set(o.key, created.id);
    }
    const links = directory.flatMap((o) =>
      (o.successors ?? []).map((s) => {
        const { key, duties, since } = typeof s === 'string' ? { key: s, duties: ['all'], since: undefined } : s;
        const successorId = ids.get(key);
        if (!successorId) throw new Error(`demo data: successor ${key} of ${o.key} is not in the directory`);
        return { orgId: ids.get(o.key)!, successorId, since: since ?? nextDay(o.validTo!), duties };
      }),
    );
    if (links.length) await tx.insert(orgSuccessors).values(links);
    await seedGroupPhrases(tx);
    await putSetting(tx, 'province', { name: 'Quảng Trị', issuer: 'ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ', place: 'Quảng Trị' }, SYSTEM_ACTOR);
    // Since the 2025 reorganisation the Sở Văn hóa, Thể thao và Du lịch holds foreign information
    // (Nghị định 43/2025/NĐ-CP; Thông tư 10/2025/TT-BVHTTDL): it is the secretariat, not the dissolved Sở TTTT.
    await putSetting(tx, 'secretariatOrgId', ids.get('so-vhttdl'), SYSTEM_ACTOR);
    // Who signs by default: the demo leader as vice-chairman for the chairman; a deputy director (fictional name) for the department.
    await putSetting(
      tx,
      'signers',
      [
        { orgId: ids.get('ubnd-tinh'), name: 'Hoàng Nam', deputy: true },
        { orgId: ids.get('so-vhttdl'), name: 'Trần Thị Bình', deputy: true },
      ],
      SYSTEM_ACTOR,
    );
  });
  return ids;
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export interface DemoCredentials {
  username: string;
  password: string;
  role: Role;
  org: string | null;
}

/** Directory plus one account per role. Passwords are random unless one is given. */
/** The merged province of 2026 as the directory (its 2023 organisations as history); see province-2026.ts. */
export const loadProvince2026Directory = (db: Db) => loadDemoDirectory(db, province2026Orgs());

/**
 * The demo as it stands in December 2026: the merged province's directory (its 2023 bodies as
 * history), one account per role, the 2023 plan with its periods (history), the 2026 plan made
 * from it by the carry-forward and issued, its two periods with the reports of 2026 and a year of
 * recorded activities.
 *
 * `pressArticles: false` leaves the press tables empty but for topics, rules and sources: the test
 * template uses it, so that press tests count only what they make.
 */
export async function loadDemo(db: Db, opts: { password?: string; pressArticles?: boolean } = {}): Promise<DemoCredentials[]> {
  const directory = province2026Orgs();
  const ids = await loadDemoDirectory(db, directory);
  await seedPressDemo(db, { articles: opts.pressArticles ?? true });
  const creds: DemoCredentials[] = [];
  const accounts = new Map<Role, SessionUser>();
  for (const u of DEMO_USERS) {
    const password = opts.password ?? randomDemoPassword();
    const created = await createUser(
      db,
      { username: u.username, displayName: u.displayName, role: u.role, orgId: u.orgKey ? ids.get(u.orgKey) : null, password },
      SYSTEM_ACTOR,
    );
    accounts.set(u.role, { ...created, sessionId: '', csrfToken: '', profile: created });
    creds.push({ username: u.username, password, role: u.role, org: u.orgKey ? directory.find((o) => o.key === u.orgKey)!.name : null });
  }
  const plan2023 = await loadDemoPlan(db);
  await seedDemoReports(db, plan2023);
  await loadDemoActivities(db);
  const [secretariat, officer] = [accounts.get('secretariat')!, accounts.get('officer')!];
  const plan2026 = await loadDemoPlan2026(db, plan2023, secretariat, accounts.get('leader')!);
  await seedDemoReports(db, plan2026);
  await loadDemoActivities2026(db, plan2026, ids, officer, secretariat);
  await loadDemoReports2026(db, plan2026, ids, officer, secretariat);
  return creds;
}

export async function isEmpty(db: Db): Promise<boolean> {
  const rows = await db.select({ id: orgs.id }).from(orgs).limit(1);
  return rows.length === 0;
}
