import { z } from 'zod';
import type { RouteDeps } from '../../http';
import { actorOf } from '../../http';
import { ok } from '../../http';
import { getSettings, putSetting } from './settings.service';
import { signersSetting } from './signers';

export async function settingsRoutes({ app, database }: RouteDeps) {
  app.get(
    '/api/settings',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['settings'], summary: 'Thiết lập hệ thống', response: { 200: z.record(z.string(), z.unknown()) } },
    },
    async () => getSettings(database.db),
  );

  app.put(
    '/api/settings/:key',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['settings'],
        summary: 'Sửa một thiết lập',
        params: z.object({ key: z.enum(['province', 'secretariatOrgId', 'signers']) }),
        body: z.object({
          value: z.union([
            z.string().max(200),
            z.object({ name: z.string().max(200), issuer: z.string().max(200), place: z.string().max(200) }),
            signersSetting,
          ]),
        }),
        response: { 200: ok },
      },
    },
    async (request) => {
      await putSetting(database.db, request.params.key, request.body.value, actorOf(request));
      return { ok: true as const };
    },
  );
}
