import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { writeAudit, type Actor } from '../audit';
import { settings } from './settings.tables';

export async function getSettings(db: Db): Promise<Record<string, unknown>> {
  const rows = await db.select().from(settings);
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

export async function putSetting(db: Db, key: string, value: unknown, actor: Actor) {
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(settings).where(eq(settings.key, key));
    await tx
      .insert(settings)
      .values({ key, value: value as never })
      .onConflictDoUpdate({ target: settings.key, set: { value: value as never, updatedAt: new Date() } });
    await writeAudit(tx, actor, {
      action: before ? 'update' : 'create',
      entity: 'setting',
      entityId: key,
      before: before?.value,
      after: value,
    });
  });
}
