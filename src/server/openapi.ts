import type { SwaggerOptions } from '@fastify/swagger';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { DOCX, errorBody, SESSION_COOKIE, XLSX, type Access } from '../http';

/**
 * The OpenAPI document, made from the routes' own zod schemas: every operation gets a stable
 * `operationId` from its method and path, the security it needs (session cookie; on a change also
 * the CSRF header) from its `config.access`, and the error answer every route may give (4XX).
 * CI lints the result with Redocly's recommended rules (`npm run lint:openapi`).
 */
export const openapiOptions: SwaggerOptions = {
  openapi: {
    info: {
      title: 'ttdn API',
      description: 'Quản lý công tác thông tin đối ngoại',
      version: '0.1.0',
      license: { name: 'UNLICENSED' },
    },
    servers: [{ url: '/', description: 'this server' }],
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'phiên đăng nhập (POST /api/auth/login)' },
        csrf: {
          type: 'apiKey',
          in: 'header',
          name: 'x-csrf-token',
          description: 'mã CSRF nhận khi đăng nhập, gửi kèm mọi yêu cầu thay đổi',
        },
      },
    },
  },
  transform(input) {
    const { schema, url, route } = input;
    const access = (route.config as { access?: Access } | undefined)?.access;
    const method = [route.method].flat()[0];
    const extra: Record<string, unknown> = { operationId: operationId(method, url) };
    // Routes outside /api (health checks) carry no access rule and need no session.
    extra.security = access === undefined ? [] : securityOf(access, method);
    const declared = (schema?.response as Record<string, unknown> | undefined) ?? {};
    const out = jsonSchemaTransform({ ...input, schema: { ...schema, ...extra, response: { ...declared, '4XX': errorAnswer } } });
    if (
      out.schema?.response &&
      (method === 'GET' || /\.(pdf|docx|xlsx)$/.test(url)) &&
      !Object.keys(declared).some((code) => code.startsWith('2'))
    ) {
      (out.schema.response as Record<string, unknown>)[200] = fileAnswer(url);
    }
    return out;
  },
};

const errorAnswer = errorBody.describe('Lỗi: mã ổn định (code), thông điệp theo ngôn ngữ người đọc (message) và chi tiết (details)');

/** A GET (or a route named as a file, `…/signed.pdf`) that declares no JSON answer sends a file: named by its extension, else any type. */
function fileAnswer(url: string) {
  const type = url.endsWith('.xlsx')
    ? XLSX
    : url.endsWith('.docx')
      ? DOCX
      : url.endsWith('.pdf')
        ? 'application/pdf'
        : url.startsWith('/api/calendar/')
          ? 'text/calendar'
          : 'application/octet-stream';
  return { description: 'Tệp tải về', content: { [type]: { schema: { type: 'string', format: 'binary' } } } };
}

function securityOf(access: Access, method: string) {
  if (access === 'public') return [];
  return ['GET', 'HEAD', 'OPTIONS'].includes(method) ? [{ session: [] }] : [{ session: [], csrf: [] }];
}

/** GET /api/orgs/:id/members → getOrgsByIdMembers */
export function operationId(method: string, url: string) {
  const words = url
    .replace(/^\/api\//, '/')
    .split('/')
    .filter(Boolean)
    .flatMap((segment) => (segment.startsWith(':') ? ['by', segment.slice(1)] : segment.split(/[^A-Za-z0-9]+/)))
    .filter(Boolean);
  return method.toLowerCase() + words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
}
