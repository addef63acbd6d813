import type { Config } from './config';
import { openDatabase, type Database } from './db/client';
import { migrate, withBootLock } from './db/migrate';
import { eq } from 'drizzle-orm';
import { isEmpty, loadDemo, type DemoCredentials } from './demo/load-demo';
import type { Db } from './db/client';
import { orgs } from './modules/orgs/orgs.tables';
import { getSettings } from './modules/settings';
import { ensureDemoCertificate } from './modules/signing';

export interface Booted {
  database: Database;
  migrations: string[];
  demo: DemoCredentials[] | null;
}

/**
 * Opens the configured database (PostgreSQL when DATABASE_URL is set, otherwise the
 * embedded one in DATA_DIR, created if new), applies pending migrations, and on an empty
 * database loads the demo province when DEMO_DATA is on.
 */
export async function bootstrap(config: Config, opts: { demo?: boolean } = {}): Promise<Booted> {
  const open = () => openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? undefined : config.dataDir });
  let database = await open();
  try {
    const migrations = await migrate(database.db);
    let demo: DemoCredentials[] | null = null;
    if (opts.demo ?? config.demoData) {
      demo = await withBootLock(database.db, async (tx) => ((await isEmpty(tx)) ? loadDemo(tx, { password: config.demoPassword }) : null));
    }
    if (demo) await demoCertificate(database.db, config);
    // The embedded database's memory grows while it loads data and never shrinks: after a
    // first start (migrations, demo data) reopen it, so the server idles at its usual size.
    if (database.kind === 'pglite' && (demo || migrations.length > 0)) {
      await database.close();
      database = await open();
    }
    return { database, migrations, demo };
  } catch (err) {
    await database.close();
    throw err;
  }
}

/** The demo secretariat's self-signed signing certificate, made once in DATA_DIR/signing (SIGNING_P12 unset). */
async function demoCertificate(db: Db, config: Config) {
  const settings = await getSettings(db);
  const id = typeof settings.secretariatOrgId === 'string' ? settings.secretariatOrgId : null;
  const [org] = id ? await db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, id)) : [];
  const province = (settings.province ?? {}) as { issuer?: string };
  ensureDemoCertificate(config.signing, org?.name ?? 'ttdn', province.issuer);
}

export function printDemoCredentials(creds: DemoCredentials[], log: (line: string) => void = console.log) {
  log('');
  log('Dữ liệu mẫu tỉnh Quảng Trị đã được nạp. Tài khoản mẫu (chỉ hiện một lần, hãy ghi lại):');
  log('  Demo accounts (shown once):');
  for (const c of creds) {
    log(`  ${c.role.padEnd(12)} ${c.username.padEnd(14)} ${c.password}${c.org ? `   (${c.org})` : ''}`);
  }
  log('');
}
