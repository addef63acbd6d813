import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config';
import type { Database } from '../db/client';

/** What the app is built from. */
export interface AppDeps {
  database: Database;
  config: Config;
}

/** The Fastify instance with zod schemas as its type provider (what `app.withTypeProvider<ZodTypeProvider>()` returns). */
export type TypedApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** What every module's routes receive. */
export interface RouteDeps extends AppDeps {
  app: TypedApp;
}
