import type { Command } from 'commander';
import { bootstrap, printDemoCredentials } from '../bootstrap';
import { buildApp } from '../server/app';
import { fail, globalConfig, ROOT } from './common';
import { buildWebIfNeeded } from './web-build';

export function registerServe(program: Command) {
  program
    .command('serve')
    .description('chạy máy chủ web và API (mặc định cổng 3000)')
    .option('-p, --port <port>', 'cổng (hoặc biến PORT)')
    .option('--build-web', 'dựng giao diện web nếu chưa có hoặc đã cũ')
    .action(async (opts: { port?: string; buildWeb?: boolean }, cmd: Command) => {
      try {
        const started = Date.now();
        const config = globalConfig(cmd, { PORT: opts.port });
        if (opts.buildWeb) buildWebIfNeeded(ROOT, config.webDist, console.log);
        const { database, demo, migrations } = await bootstrap(config);
        const app = await buildApp({ database, config });
        const shutdown = async (signal: string) => {
          app.log.info({ signal }, 'shutting down');
          await app.close();
          await database.close();
          process.exit(0);
        };
        process.once('SIGINT', () => void shutdown('SIGINT'));
        process.once('SIGTERM', () => void shutdown('SIGTERM'));
        await app.listen({ port: config.port, host: config.host });
        if (demo) printDemoCredentials(demo);
        const where = database.kind === 'pglite' ? `cơ sở dữ liệu nhúng ${config.dataDir}` : 'PostgreSQL';
        console.log(
          `ttdn đang chạy tại http://localhost:${(app.server.address() as { port: number }).port} (${where}; ` +
            `${migrations.length} migration mới; khởi động ${((Date.now() - started) / 1000).toFixed(1)} s)`,
        );
      } catch (err) {
        fail(err);
      }
    });
}
