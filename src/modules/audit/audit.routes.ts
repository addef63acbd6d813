import { z } from 'zod';
import type { RouteDeps } from '../../http';
import { AUDIT_READERS } from '../../http';
import { isoDate, paged, paging } from '../../http';
import { listAudit } from './audit.service';

const entryDto = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
});

export async function auditRoutes({ app, database }: RouteDeps) {
  app.get(
    '/api/audit',
    {
      config: { access: AUDIT_READERS },
      schema: {
        tags: ['audit'],
        summary: 'Nhật ký thay đổi (lọc theo người, đối tượng, ngày)',
        querystring: z.object({
          actorId: z.uuid().optional(),
          actorName: z.string().max(100).optional(),
          entity: z.string().max(50).optional(),
          entityId: z.string().max(100).optional(),
          action: z.string().max(50).optional(),
          from: isoDate.optional(),
          to: isoDate.optional(),
          ...paging,
        }),
        response: { 200: paged(entryDto) },
      },
    },
    async (request) => listAudit(database.db, request.query),
  );
}
