import { z } from 'zod';
import type { RouteDeps } from '../../http';
import { assertOrgScope, MANAGE_DIRECTORY } from '../../http';
import { actorOf } from '../../http';
import { attachment, XLSX } from '../../http';
import { isoDate, paged, uuidParam } from '../../http';
import { userDto } from '../auth';
import { listUsers } from '../users';
import { explicitMembers, lookupOrgs, listGroups, resolveGroup, setGroupMembers } from './org-lookup';
import { candidateDto, groupDto, mergeInput, orgDetailDto, orgDto, orgInput, orgListQuery } from './orgs.schemas';
import { createOrg, getOrg, listOrgs, mergeOrgs, updateOrg } from './orgs.service';
import { orgsToXlsx } from './orgs-export';

const tags = ['orgs'];

export async function orgRoutes({ app, database }: RouteDeps) {
  const db = database.db;

  app.get(
    '/api/orgs',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Danh bạ đơn vị (tìm kiếm, lọc, sắp xếp, phân trang)',
        querystring: orgListQuery,
        response: { 200: paged(orgDto) },
      },
    },
    async (request) => listOrgs(db, request.query),
  );

  app.get(
    '/api/orgs/export.xlsx',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Xuất danh bạ (theo bộ lọc) ra Excel', querystring: orgListQuery.omit({ page: true, pageSize: true }) },
    },
    async (request, reply) => {
      const { items } = await listOrgs(db, { ...request.query, page: 1, pageSize: 100_000 });
      const all = await listOrgs(db, { sort: 'name', order: 'asc', page: 1, pageSize: 100_000 });
      const buf = await orgsToXlsx(items, new Map(all.items.map((o) => [o.id, o.name])));
      return reply.type(XLSX).header('content-disposition', attachment('Danh bạ đơn vị.xlsx')).send(buf);
    },
  );

  app.get(
    '/api/orgs/lookup',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Tìm đơn vị theo tên (không phân biệt dấu, hoa thường), kèm điểm khớp',
        querystring: z.object({
          name: z.string().min(1).max(300),
          date: isoDate.optional(),
          limit: z.coerce.number().int().min(1).max(20).default(5),
        }),
        response: { 200: z.object({ items: z.array(candidateDto) }) },
      },
    },
    async (request) => ({ items: await lookupOrgs(db, request.query.name, request.query.date ?? null, request.query.limit) }),
  );

  app.get(
    '/api/orgs/:id',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Chi tiết đơn vị', params: uuidParam, response: { 200: orgDetailDto } },
    },
    async (request) => getOrg(db, request.params.id),
  );

  app.post(
    '/api/orgs',
    { config: { access: MANAGE_DIRECTORY }, schema: { tags, summary: 'Thêm đơn vị', body: orgInput, response: { 201: orgDto } } },
    async (request, reply) => reply.status(201).send(await createOrg(db, request.body, actorOf(request))),
  );

  app.put(
    '/api/orgs/:id',
    {
      config: { access: MANAGE_DIRECTORY },
      schema: {
        tags,
        summary: 'Sửa đơn vị (kèm version để tránh ghi đè)',
        params: uuidParam,
        body: orgInput.extend({ version: z.number().int() }),
        response: { 200: orgDto },
      },
    },
    async (request) => updateOrg(db, request.params.id, request.body, actorOf(request)),
  );

  app.post(
    '/api/orgs/merge',
    {
      config: { access: MANAGE_DIRECTORY },
      schema: {
        tags,
        summary: 'Sáp nhập / đổi tên: các đơn vị cũ hết hiệu lực, đơn vị tiếp nhận là đơn vị kế thừa',
        body: mergeInput,
        response: { 200: z.object({ targetId: z.string(), endedOn: z.string() }) },
      },
    },
    async (request) => mergeOrgs(db, request.body, actorOf(request)),
  );

  app.get(
    '/api/orgs/:id/members',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Cán bộ của đơn vị (cán bộ đơn vị chỉ xem được đơn vị mình)',
        params: uuidParam,
        response: { 200: z.object({ items: z.array(userDto) }) },
      },
    },
    async (request) => {
      assertOrgScope(request.user!, request.params.id);
      await getOrg(db, request.params.id);
      return { items: await listUsers(db, { orgId: request.params.id }) };
    },
  );

  app.get(
    '/api/org-groups',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Nhóm đơn vị dùng trong kế hoạch', response: { 200: z.object({ items: z.array(groupDto) }) } },
    },
    async () => ({ items: await listGroups(db) }),
  );

  app.get(
    '/api/org-groups/:key/members',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Các đơn vị mà một nhóm bao gồm vào một ngày',
        params: z.object({ key: z.string().min(1).max(100) }),
        querystring: z.object({ date: isoDate.optional() }),
        response: {
          200: z.object({
            groupId: z.string(),
            key: z.string(),
            name: z.string(),
            open: z.boolean(),
            members: z.array(z.object({ orgId: z.string(), name: z.string(), kind: z.string() })),
            chain: z.array(z.object({ from: z.string(), fromName: z.string(), validTo: z.string(), to: z.string(), toName: z.string() })),
          }),
        },
      },
    },
    async (request) => resolveGroup(db, request.params.key, request.query.date ?? null),
  );

  app.get(
    '/api/org-groups/:key/explicit-members',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Các đơn vị được thêm tay vào nhóm (ngoài các loại đơn vị của nhóm)',
        params: z.object({ key: z.string().min(1).max(100) }),
        response: { 200: z.object({ items: z.array(z.object({ orgId: z.string(), name: z.string() })) }) },
      },
    },
    async (request) => ({ items: await explicitMembers(db, request.params.key) }),
  );

  app.put(
    '/api/org-groups/:key/explicit-members',
    {
      config: { access: MANAGE_DIRECTORY },
      schema: {
        tags,
        summary: 'Đặt các đơn vị được thêm tay vào nhóm',
        params: z.object({ key: z.string().min(1).max(100) }),
        body: z.object({ orgIds: z.array(z.uuid()).max(500) }),
        response: { 200: z.object({ key: z.string(), members: z.array(z.string()) }) },
      },
    },
    async (request) => setGroupMembers(db, request.params.key, request.body.orgIds, actorOf(request)),
  );
}
