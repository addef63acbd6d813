import { z } from 'zod';
import type { RouteDeps } from '../../http';
import { actorOf, attachment, READ_ALL, requestLang, XLSX } from '../../http';
import { registerToXlsx } from './register-xlsx';
import { manualEntryInput, registerEntryDto, registerQuery } from './register.schemas';
import { listRegister, registerManual } from './register.service';

const tags = ['register'];

/** The register of outgoing documents (sổ đăng ký văn bản đi): list, search, sheet, numbers for documents drafted outside. */
export async function registerRoutes({ app, database }: RouteDeps) {
  const db = database.db;

  app.get(
    '/api/register',
    {
      config: { access: READ_ALL },
      schema: {
        tags,
        summary: 'Sổ đăng ký văn bản đi: văn bản đã cấp số (lọc theo cơ quan, năm, loại; tìm theo số, trích yếu, người ký)',
        querystring: registerQuery,
        response: { 200: z.object({ items: z.array(registerEntryDto) }) },
      },
    },
    async (request) => ({ items: await listRegister(db, request.user!, request.query, requestLang(request)) }),
  );

  app.get(
    '/api/register/export.xlsx',
    {
      config: { access: READ_ALL },
      schema: { tags, summary: 'Xuất sổ đăng ký văn bản đi ra Excel', querystring: registerQuery },
    },
    async (request, reply) => {
      const lang = requestLang(request);
      const buf = await registerToXlsx(await listRegister(db, request.user!, request.query, lang), lang);
      return reply
        .type(XLSX)
        .header('content-disposition', attachment(`So-dang-ky-van-ban-di${request.query.year ? `-${request.query.year}` : ''}.xlsx`))
        .send(buf);
    },
  );

  app.post(
    '/api/register/entries',
    {
      config: { access: ['admin', 'secretariat', 'officer'] },
      schema: {
        tags,
        summary: 'Cấp số cho văn bản soạn ngoài hệ thống (công văn, quyết định…): số tiếp theo của loại văn bản trong năm',
        body: manualEntryInput,
        response: {
          201: z.object({
            entryId: z.string(),
            serial: z.number().int(),
            serialText: z.string(),
            number: z.string(),
            issuedOn: z.string(),
          }),
        },
      },
    },
    async (request, reply) => reply.status(201).send(await registerManual(db, request.body, request.user!, actorOf(request))),
  );
}
