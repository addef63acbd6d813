import type { Command } from 'commander';
import { bootstrap, printDemoCredentials } from '../bootstrap';
import { fail, globalConfig } from './common';

export function registerMigrate(program: Command) {
  program
    .command('migrate')
    .description('tạo (nếu mới) và cập nhật cấu trúc cơ sở dữ liệu')
    .option('--no-demo', 'không nạp dữ liệu mẫu vào cơ sở dữ liệu trống')
    .action(async (opts: { demo: boolean }, cmd: Command) => {
      try {
        const { database, migrations, demo } = await bootstrap(globalConfig(cmd), { demo: opts.demo });
        console.log(migrations.length ? `Đã áp dụng: ${migrations.join(', ')}` : 'Cơ sở dữ liệu đã ở phiên bản mới nhất.');
        if (demo) printDemoCredentials(demo);
        await database.close();
      } catch (err) {
        fail(err);
      }
    });
}
