/**
 * Benchmark data: a province of `--orgs` organisations (120 by default: the demo's 40 and
 * generated ones), one officer per organisation, a history of audit records, `--years` years
 * of issued plans (`--tasks` tasks a year with their organisations' roles), their reporting
 * periods and reports (bench/gen/reports.ts), `--activities` activities a year and
 * `--articles` press articles. Each module adds a generator to GENERATORS (bench/gen/); a
 * generator whose tables are missing is skipped (reported as such).
 *
 *   node bin/run-ts.js bench/gen/cli.ts [--orgs 120] [--audit 50000] [--years 10] [--tasks 60] [--activities 1000] [--articles 100000]
 *   (DATA_DIR or DATABASE_URL as for ttdn; an empty database is created and seeded first)
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../src/db/client';
import { hashPassword } from '../src/modules/auth/password';
import { listTables } from '../src/modules/backup';
import { fold } from '../src/shared/text/fold';
import { activitiesGenerator } from './gen/activities';
import { articlesGenerator } from './gen/articles';
import { plansGenerator } from './gen/plans';
import { reportsGenerator } from './gen/reports';
import type { Generator, Sizes } from './gen/types';

export type { Generator, Sizes } from './gen/types';

export const DEFAULT_SIZES: Sizes = { orgs: 120, audit: 50_000, years: 10, tasksPerYear: 60, activitiesPerYear: 1_000, articles: 100_000 };

const KINDS = ['department', 'district', 'press', 'armed_forces', 'central', 'party', 'other'];

const orgsGenerator: Generator = {
  name: 'organisations and officers',
  tables: ['orgs', 'org_aliases', 'users'],
  async run(db, sizes, log) {
    const [{ n }] = rowsOf<{ n: number }>(await db.execute(sql`SELECT count(*)::int AS n FROM orgs`));
    const add = Math.max(0, sizes.orgs - Number(n));
    for (let i = 0; i < add; i++) {
      const name = `Đơn vị thử nghiệm số ${i + 1} tỉnh Quảng Trị`;
      const short = `ĐV thử ${i + 1}`;
      const [row] = rowsOf<{ id: string }>(
        await db.execute(
          sql`INSERT INTO orgs (name, short_name, kind, search_text) VALUES (${name}, ${short}, ${KINDS[i % KINDS.length]}, ${`${fold(name)} | ${fold(short)}`}) RETURNING id`,
        ),
      );
      await db.execute(
        sql`INSERT INTO org_aliases (org_id, alias, folded) VALUES (${row.id}, ${`DVTN ${i + 1}`}, ${fold(`DVTN ${i + 1}`)})`,
      );
    }
    // One officer per organisation that has none; one password hash shared (hashing is not what is measured).
    const hash = await hashPassword('Bench-password-1');
    const r = await db.execute(sql`
      INSERT INTO users (username, display_name, password_hash, role, org_id)
      SELECT 'canbo.' || substr(o.id::text, 1, 8), 'Cán bộ ' || o.short_name, ${hash}, 'officer', o.id
      FROM orgs o WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.org_id = o.id)
      ON CONFLICT (username) DO NOTHING`);
    log(
      `orgs: +${add}; officers: +${(r as { rowCount?: number; affectedRows?: number }).rowCount ?? (r as { affectedRows?: number }).affectedRows ?? '?'}`,
    );
  },
};

const auditGenerator: Generator = {
  name: 'audit history',
  tables: ['audit_log'],
  async run(db, sizes, log) {
    await db.execute(sql`
      INSERT INTO audit_log (at, actor_id, actor_name, action, entity, entity_id, before, after, ip)
      SELECT now() - (g || ' minutes')::interval, u.id, u.username,
             (ARRAY['create','update','login','status'])[1 + g % 4], (ARRAY['org','user','plan','task','report'])[1 + g % 5],
             gen_random_uuid()::text, jsonb_build_object('version', g), jsonb_build_object('version', g + 1, 'note', 'thay đổi số ' || g), '127.0.0.1'
      FROM generate_series(1, ${sizes.audit}) g
      CROSS JOIN LATERAL (SELECT id, username FROM users ORDER BY username OFFSET (g % 5) LIMIT 1) u`);
    log(`audit: +${sizes.audit}`);
  },
};

/** Modules append their generators (reports, activities, press articles) here. */
export const GENERATORS: Generator[] = [
  orgsGenerator,
  auditGenerator,
  plansGenerator,
  reportsGenerator,
  activitiesGenerator,
  articlesGenerator,
];

export async function generate(db: Db, sizes: Sizes = DEFAULT_SIZES, log: (s: string) => void = console.log) {
  const have = new Set((await listTables(db)).map((t) => t.name));
  for (const g of GENERATORS) {
    const missing = g.tables.filter((t) => !have.has(t));
    if (missing.length) {
      log(`${g.name}: skipped (no table ${missing.join(', ')})`);
      continue;
    }
    const t = performance.now();
    try {
      await db.transaction((tx) => g.run(tx, sizes, log));
    } catch (err) {
      // A module's tables changed under its generator: report it, keep measuring the rest.
      log(`${g.name}: FAILED (${(err as Error).message.split('\n')[0]})`);
      continue;
    }
    log(`${g.name}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
}

export function sizesFromArgs(argv: string[], base: Sizes = DEFAULT_SIZES): Sizes {
  const out = { ...base };
  const flags: Record<string, keyof Sizes> = {
    '--orgs': 'orgs',
    '--audit': 'audit',
    '--years': 'years',
    '--tasks': 'tasksPerYear',
    '--activities': 'activitiesPerYear',
    '--articles': 'articles',
  };
  for (let i = 0; i < argv.length; i++) if (flags[argv[i]]) out[flags[argv[i]]] = Number(argv[++i]);
  return out;
}
