import { z } from 'zod';
import type { RouteDeps } from '../../http';
import { actorOf } from '../../http';
import { uuidParam } from '../../http';
import { correctTone, getArticle, getStory, listOutlets, searchArticles } from './articles.service';
import { ingestBulk, ingestText, ingestUrl } from './entry.service';
import { createIngestContext } from './ingest.service';
import { PRESS_ARTICLE_READERS, PRESS_MONITOR } from './press.access';
import { articleDetail, articleList, articleQuery, ingestResult, storyDto, textEntry, toneEnum } from './press.schemas';

const tags = ['press'];

export async function articleRoutes({ app, database, config }: RouteDeps) {
  const db = database.db;
  app.get(
    '/api/press/articles',
    {
      config: { access: PRESS_ARTICLE_READERS },
      schema: {
        tags,
        summary: 'Tìm bài viết (không phân biệt dấu), lọc theo thời gian, ngôn ngữ, cơ quan báo, chủ đề, sắc thái',
        querystring: articleQuery,
        response: { 200: articleList },
      },
    },
    async (request) => searchArticles(db, request.query),
  );
  app.get(
    '/api/press/articles/:id',
    {
      config: { access: PRESS_ARTICLE_READERS },
      schema: {
        tags,
        summary: 'Bài viết: nội dung đã làm sạch, chủ đề khớp, căn cứ xác định sắc thái',
        params: uuidParam,
        response: { 200: articleDetail },
      },
    },
    async (request) => getArticle(db, request.params.id),
  );
  app.put(
    '/api/press/articles/:id/tone',
    {
      config: { access: PRESS_MONITOR },
      schema: {
        tags,
        summary: 'Sửa sắc thái (được lưu và dùng để chấm các bài sau)',
        params: uuidParam,
        body: z.object({ tone: toneEnum }),
        response: { 200: z.object({ id: z.string(), tone: toneEnum }) },
      },
    },
    async (request) => correctTone(db, request.params.id, request.body.tone, actorOf(request)),
  );
  app.get(
    '/api/press/stories/:id',
    {
      config: { access: PRESS_ARTICLE_READERS },
      schema: { tags, summary: 'Sự kiện: các lần đăng lại của cùng một tin', params: uuidParam, response: { 200: storyDto } },
    },
    async (request) => getStory(db, request.params.id),
  );
  app.get(
    '/api/press/outlets',
    {
      config: { access: PRESS_ARTICLE_READERS },
      schema: {
        tags,
        summary: 'Các cơ quan báo chí đã có bài',
        response: { 200: z.object({ items: z.array(z.object({ outlet: z.string(), articles: z.number() })) }) },
      },
    },
    async () => ({ items: await listOutlets(db) }),
  );
  app.post(
    '/api/press/articles/url',
    {
      config: { access: PRESS_MONITOR },
      schema: {
        tags,
        summary: 'Thêm bài theo địa chỉ (tải trang, trích nội dung)',
        body: z.object({ url: z.url({ protocol: /^https?$/ }).max(2000) }),
        response: { 200: ingestResult },
      },
    },
    async (request) => ingestUrl(await createIngestContext(db, config, request.log), request.body.url, actorOf(request)),
  );
  app.post(
    '/api/press/articles/text',
    {
      config: { access: PRESS_MONITOR },
      schema: { tags, summary: 'Thêm bài bằng cách dán nội dung', body: textEntry, response: { 200: ingestResult } },
    },
    async (request) => ingestText(await createIngestContext(db, config, request.log), request.body, actorOf(request)),
  );
  app.post(
    '/api/press/articles/bulk',
    {
      config: { access: PRESS_MONITOR },
      schema: {
        tags,
        summary: 'Nhập nhiều bài từ tệp JSON hoặc CSV (gửi nguyên tệp, application/octet-stream); tệp có lỗi thì không lưu gì',
        querystring: z.object({ filename: z.string().min(1).max(300).default('articles.csv') }),
        response: { 200: z.object({ rows: z.number(), created: z.number(), duplicates: z.number() }) },
      },
    },
    async (request) => {
      const body = Buffer.isBuffer(request.body)
        ? request.body
        : Buffer.from(typeof request.body === 'string' ? request.body : JSON.stringify(request.body ?? ''));
      return ingestBulk(await createIngestContext(db, config, request.log), body, request.query.filename, actorOf(request));
    },
  );
}
