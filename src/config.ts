import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { z } from 'zod';

/** Names proxy-addr (Fastify's trust check) knows for address ranges. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrCidr(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = net.isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY: which hops may tell the client's address and scheme (X-Forwarded-For/-Proto).
 * Off (unset, "false", "0"): the headers are ignored, the socket's peer is the client.
 * A number 1–10: that many proxies in front. Otherwise a comma-separated list of addresses or
 * CIDRs (or loopback, linklocal, uniquelocal). "true" (trust everyone) is refused: any client
 * could then forge its address.
 */
const trustProxy = z
  .string()
  .trim()
  .default('false')
  .transform((value, ctx): false | number | string[] => {
    if (value === '' || value === 'false' || value === '0') return false;
    if (/^\d+$/.test(value)) {
      const hops = Number(value);
      if (hops <= 10) return hops;
    } else if (value !== 'true') {
      const entries = value.split(',').map((e) => e.trim());
      const bad = entries.filter((e) => !isAddressOrCidr(e));
      if (bad.length === 0) return entries;
      ctx.addIssue({ code: 'custom', message: `không phải địa chỉ IP hay CIDR: ${bad.join(', ')}` });
      return z.NEVER;
    }
    ctx.addIssue({
      code: 'custom',
      message: 'dùng false, số lớp proxy (1–10) hoặc danh sách địa chỉ/CIDR của proxy, ví dụ 127.0.0.1,10.0.0.0/8',
    });
    return z.NEVER;
  });

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
  TRUST_PROXY: trustProxy,
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
  /** The organisation's signing certificate and key (PKCS#12, .p12/.pfx) and its password; unset: the demo's self-signed one in DATA_DIR/signing, if any. */
  SIGNING_P12: z
    .string()
    .min(1)
    .refine((f) => fs.existsSync(f), 'không có tệp này')
    .optional(),
  SIGNING_P12_PASSWORD: z.string().optional(),
  /** Certificates (PEM) of the certification authorities whose signatures the product accepts as known signers. */
  SIGNING_TRUST: z
    .string()
    .min(1)
    .refine((f) => fs.existsSync(f), 'không có tệp này')
    .optional(),
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
    trustProxy: env.TRUST_PROXY,
    loginMaxFailures: env.LOGIN_MAX_FAILURES,
    loginWindowMinutes: env.LOGIN_WINDOW_MINUTES,
    demoData: env.DEMO_DATA === 'true',
    demoPassword: env.DEMO_PASSWORD,
    webDist: path.resolve(env.WEB_DIST),
    pressAllowLoopbackFetch: env.PRESS_ALLOW_LOOPBACK_FETCH === 'true',
    pressHeapSoftLimitMb: env.PRESS_HEAP_SOFT_LIMIT_MB,
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    signing: {
      p12Path: env.SIGNING_P12 ? path.resolve(env.SIGNING_P12) : null,
      p12Password: env.SIGNING_P12_PASSWORD ?? '',
      trustPath: env.SIGNING_TRUST ? path.resolve(env.SIGNING_TRUST) : null,
      /** Where the demo writes its self-signed certificate (never committed: DATA_DIR). */
      demoDir: path.join(path.resolve(env.DATA_DIR), 'signing'),
    },
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
