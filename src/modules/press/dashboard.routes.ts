import { z } from 'zod';
import type { RouteDeps } from '../../http';
import { attachment, DOCX } from '../../http';
import { isoDate } from '../../http';
import { dashboardFigures } from './dashboard.service';
import { buildDigest } from './digest.service';
import { PRESS_READERS } from './press.access';
import { dashboardDto, periodQuery } from './press.schemas';

const tags = ['press'];
const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
const daysBefore = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

export async function dashboardRoutes({ app, database }: RouteDeps) {
  const db = database.db;
  app.get(
    '/api/press/dashboard',
    {
      config: { access: PRESS_READERS },
      schema: { tags, summary: 'Số liệu tổng hợp (mặc định 30 ngày gần nhất)', querystring: periodQuery, response: { 200: dashboardDto } },
    },
    async (request) => {
      const to = request.query.to ?? today();
      return dashboardFigures(db, { from: request.query.from ?? daysBefore(to, 29), to });
    },
  );
  app.get(
    '/api/press/digest',
    {
      config: { access: PRESS_READERS },
      schema: {
        tags,
        summary: 'Điểm báo ngày / tuần / tháng, văn bản .docx theo thể thức hành chính',
        querystring: z.object({ kind: z.enum(['daily', 'weekly', 'monthly']).default('daily'), date: isoDate.optional() }),
      },
    },
    async (request, reply) => {
      const { buffer, filename } = await buildDigest(db, request.query.kind, request.query.date ?? today());
      return reply.header('content-type', DOCX).header('content-disposition', attachment(filename)).send(buffer);
    },
  );
}
