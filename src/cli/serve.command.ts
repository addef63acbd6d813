import type { Command } from 'commander';
import pino from 'pino';
import { bootstrap, printDemoCredentials } from '../bootstrap';
import { JOBS } from '../jobs/registry';
import { startWorker } from '../jobs/runner';
import { fail, globalConfig, ROOT } from './common';
import { buildWebIfNeeded } from './web-build';

const ROLES = ['web', 'worker'] as const;

/**
 * One binary, role by flag: `--role web,worker` (default) serves the API and runs the
 * background jobs in one process, as the embedded database requires; on PostgreSQL, run
 * several `--role web` processes and one or more `--role worker` processes.
 */
export function registerServe(program: Command) {
  program
    .command('serve')
    .description('chạy máy chủ web/API và các tác vụ nền (mặc định cổng 3000)')
    .option('-p, --port <port>', 'cổng (hoặc biến PORT)')
    .option('--role <roles>', 'web, worker hoặc web,worker', 'web,worker')
    .option('--build-web', 'dựng giao diện web nếu chưa có hoặc đã cũ')
    .action(async (opts: { port?: string; role: string; buildWeb?: boolean }, cmd: Command) => {
      try {
        const started = Date.now();
        const roles = opts.role.split(',').map((r) => r.trim());
        const bad = roles.find((r) => !(ROLES as readonly string[]).includes(r));
        if (bad) throw new Error(`Vai trò tiến trình không hợp lệ: "${bad}" (chỉ nhận web, worker).`);
        const config = globalConfig(cmd, { PORT: opts.port });
        if (opts.buildWeb && roles.includes('web')) buildWebIfNeeded(ROOT, config.webDist, console.log);
        const { database, demo, migrations } = await bootstrap(config);
        const log = pino({ level: config.logLevel });
        // The web app (Fastify, routes, exporters) is loaded only by a process that serves it.
        const app = roles.includes('web') ? await (await import('../server/app')).buildApp({ database, config }) : null;
        const worker = roles.includes('worker') ? startWorker({ db: database.db, config, log }, JOBS) : null;
        const shutdown = async (signal: string) => {
          log.info({ signal }, 'shutting down');
          await app?.close();
          await worker?.stop();
          await database.close();
          process.exit(0);
        };
        process.once('SIGINT', () => void shutdown('SIGINT'));
        process.once('SIGTERM', () => void shutdown('SIGTERM'));
        if (demo) printDemoCredentials(demo);
        const where = database.kind === 'pglite' ? `cơ sở dữ liệu nhúng ${config.dataDir}` : 'PostgreSQL';
        const took = `khởi động ${((Date.now() - started) / 1000).toFixed(1)} s`;
        if (app) {
          await app.listen({ port: config.port, host: config.host });
          const port = (app.server.address() as { port: number }).port;
          console.log(
            `ttdn đang chạy tại http://localhost:${port} (${where}; ${migrations.length} migration mới; ${took}; vai trò ${roles.join(',')})`,
          );
        } else {
          console.log(`ttdn worker đang chạy (${where}; ${took})`);
        }
      } catch (err) {
        fail(err);
      }
    });
}
