import path from 'node:path';
import { z } from 'zod';

/**
 * Configuration, read once at boot from the environment and validated.
 * A bad value stops the start with a sentence naming it (see loadConfig).
 */
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'phải bắt đầu bằng postgres:// hoặc postgresql://')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
  LOGIN_WINDOW_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  DEMO_DATA: z.enum(['true', 'false']).default('true'),
  DEMO_PASSWORD: z.string().min(8).optional(),
  WEB_DIST: z.string().default('./dist/web'),
  /** Press fetching may reach loopback (127.0.0.0/8, ::1) only when true: tests serve feeds locally. Other private addresses stay refused. */
  PRESS_ALLOW_LOOPBACK_FETCH: z.enum(['true', 'false']).default('false'),
  /** Heap size (MB) above which the press worker collects garbage after an article page (0: leave it to V8). */
  PRESS_HEAP_SOFT_LIMIT_MB: z.coerce.number().int().min(0).max(16384).default(160),
  /** SMTP server for e-mail notifications (smtp://user:pass@host:port); unset: mail is logged, not sent. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'phải bắt đầu bằng smtp:// hoặc smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('ttdn <no-reply@ttdn.local>'),
});

export type Config = ReturnType<typeof toConfig>;

function toConfig(env: z.infer<typeof schema>) {
  return {
    port: env.PORT,
    host: env.HOST,
    dataDir: path.resolve(env.DATA_DIR),
    databaseUrl: env.DATABASE_URL,
    logLevel: env.LOG_LEVEL,
    sessionTtlHours: env.SESSION_TTL_HOURS,
    cookieSecure: env.COOKIE_SECURE,
    loginMaxFailures: env.LOGIN_MAX_FAILURES,
    loginWindowMinutes: env.LOGIN_WINDOW_MINUTES,
    demoData: env.DEMO_DATA === 'true',
    demoPassword: env.DEMO_PASSWORD,
    webDist: path.resolve(env.WEB_DIST),
    pressAllowLoopbackFetch: env.PRESS_ALLOW_LOOPBACK_FETCH === 'true',
    pressHeapSoftLimitMb: env.PRESS_HEAP_SOFT_LIMIT_MB,
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
  };
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (i) => `Biến môi trường ${i.path.join('.')} không hợp lệ (${String(env[i.path[0] as string])}): ${i.message}`,
    );
    throw new ConfigError(lines.join('\n'));
  }
  return toConfig(parsed.data);
}
