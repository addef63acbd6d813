import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../shared/errors';
import { translate } from '../shared/messages/catalogue';
import { httpStatus } from './error-status';
import { requestLang } from '../http';

/**
 * The one edge where domain errors become HTTP: `{ code, message, details }`,
 * the message in the user's language (Vietnamese unless the request asks for English).
 */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const lang = requestLang(request);
    if (error instanceof AppError) {
      const status = httpStatus(error.code);
      if (status === 500) request.log.error({ code: error.code }, 'domain error code without an HTTP status');
      if (status === 429 && error.details.retryAfterSeconds) {
        reply.header('retry-after', String(error.details.retryAfterSeconds));
      }
      return reply.status(status).send({
        code: error.code,
        message: translate(lang, error.code, error.details),
        details: error.details,
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = error.validation.map((v) => ({
        field: [error.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
        problem: v.message,
      }));
      return reply.status(400).send({
        code: 'validation.failed',
        message: translate(lang, 'validation.failed', { fields: fields.map((f) => f.field).join(', ') }),
        details: { fields },
      });
    }
    if (error.validation) {
      return reply.status(400).send({
        code: 'validation.failed',
        message: translate(lang, 'validation.failed', { fields: error.message }),
        details: { fields: [{ field: error.validationContext ?? 'body', problem: error.message }] },
      });
    }
    const status = error.statusCode ?? 500;
    if (status === 413) {
      return reply.status(413).send({ code: 'http.payload_too_large', message: translate(lang, 'http.payload_too_large'), details: {} });
    }
    if (status === 415) {
      return reply.status(415).send({ code: 'http.unsupported_media', message: translate(lang, 'http.unsupported_media'), details: {} });
    }
    if (status >= 400 && status < 500) {
      // Fastify's own client errors (bad JSON, empty body…): always a 400-class answer, never a 500.
      return reply.status(status).send({
        code: 'validation.failed',
        message: translate(lang, 'validation.failed', { fields: error.message }),
        details: { fields: [{ field: 'body', problem: error.message }] },
      });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({
      code: 'server.internal',
      message: translate(lang, 'server.internal', { requestId: request.id }),
      details: { requestId: request.id },
    });
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({
      code: 'http.not_found',
      message: translate(requestLang(request), 'http.not_found', { url: request.url }),
      details: {},
    });
  });
}
