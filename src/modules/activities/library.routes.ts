import { z } from 'zod';
import type { RouteDeps } from '../../http';
import { READ_ALL } from '../../http';
import { actorOf } from '../../http';
import { ok, uuidParam } from '../../http';
import { legalDocInput } from './activities.schemas';
import { LIBRARY_WRITERS } from './activity-access';
import { createLegalDoc, deleteLegalDoc, listLegalDocs, updateLegalDoc } from './legal-docs.service';
import { legalDocsAnswer } from './library.answers';

const tags = ['activities'];

/** The library of legal and guidance documents linked to tasks. */
export async function libraryRoutes({ app, database }: RouteDeps) {
  const db = database.db;
  app.get(
    '/api/legal-docs',
    {
      config: { access: READ_ALL },
      schema: {
        tags,
        summary: 'Thư viện văn bản pháp luật, hướng dẫn (lọc theo nhiệm vụ)',
        querystring: z.object({ q: z.string().max(200).optional(), taskId: z.uuid().optional() }),
        response: { 200: legalDocsAnswer },
      },
    },
    async (request) => ({ items: await listLegalDocs(db, request.query) }),
  );
  app.post(
    '/api/legal-docs',
    {
      config: { access: LIBRARY_WRITERS },
      schema: { tags, summary: 'Thêm văn bản vào thư viện', body: legalDocInput, response: { 201: z.object({ id: z.string() }) } },
    },
    async (request, reply) => reply.status(201).send(await createLegalDoc(db, request.body, actorOf(request))),
  );
  app.put(
    '/api/legal-docs/:id',
    {
      config: { access: LIBRARY_WRITERS },
      schema: {
        tags,
        summary: 'Sửa văn bản (kèm version)',
        params: uuidParam,
        body: legalDocInput.extend({ version: z.number().int() }),
        response: { 200: z.object({ version: z.number() }) },
      },
    },
    async (request) => updateLegalDoc(db, request.params.id, request.body, actorOf(request)),
  );
  app.delete(
    '/api/legal-docs/:id',
    {
      config: { access: LIBRARY_WRITERS },
      schema: { tags, summary: 'Xóa văn bản khỏi thư viện', params: uuidParam, response: { 200: ok } },
    },
    async (request) => {
      await deleteLegalDoc(db, request.params.id, actorOf(request));
      return { ok: true as const };
    },
  );
}
