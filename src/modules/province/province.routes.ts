import { z } from 'zod';
import type { RouteDeps } from '../../http';
import { actorOf, requestLang } from '../../http';
import { AppError } from '../../shared/errors';
import { readCommuneSheet } from './commune-sheet';
import { communePreviewDto, provinceInitInput, provinceInitResult, provinceSetupDto } from './province.schemas';
import { directoryIsEmpty, initProvince } from './province.service';
import { DEFAULT_SECRETARIAT, STANDARD_DEPARTMENTS } from './standard-departments';

const tags = ['province'];

/** First run: an admin sets up the province on an empty directory (the same as `ttdn province init`). */
export async function provinceRoutes({ app, database }: RouteDeps) {
  const db = database.db;
  app.get(
    '/api/province/setup',
    {
      config: { access: ['admin'] },
      schema: { tags, summary: 'Thiết lập tỉnh lần đầu: danh bạ còn trống không, danh sách sở chuẩn', response: { 200: provinceSetupDto } },
    },
    async () => ({
      directoryEmpty: await directoryIsEmpty(db),
      departments: STANDARD_DEPARTMENTS.map(({ key, name, shortName, everywhere }) => ({ key, name, shortName, everywhere })),
      defaultSecretariat: DEFAULT_SECRETARIAT,
    }),
  );

  app.post(
    '/api/province/communes',
    {
      config: { access: ['admin'] },
      schema: {
        tags,
        summary: 'Đọc danh sách xã, phường, đặc khu (.xlsx hoặc .csv theo danh mục đơn vị hành chính; gửi nguyên tệp): không lưu gì',
        querystring: z.object({ filename: z.string().max(255).default('communes.xlsx') }),
        response: { 200: communePreviewDto },
      },
    },
    async (request) => {
      if (!Buffer.isBuffer(request.body))
        throw new AppError('province.communes.empty', { field: 'communes', filename: request.query.filename });
      return { communes: await readCommuneSheet(request.body, request.query.filename, requestLang(request)) };
    },
  );

  app.post(
    '/api/province/init',
    {
      config: { access: ['admin'] },
      schema: {
        tags,
        summary: 'Thiết lập tỉnh trên danh bạ trống: UBND tỉnh, các sở chuẩn, các xã, nhóm và thiết lập hệ thống',
        body: provinceInitInput,
        response: { 201: provinceInitResult },
      },
    },
    async (request, reply) => reply.status(201).send(await initProvince(db, request.body, actorOf(request))),
  );
}
