import type { Command } from 'commander';
import { openDatabase } from '../db/client';
import { backup, BackupError, restore } from '../modules/backup';
import { fail, globalConfig } from './common';

/**
 * `ttdn backup FILE` and `ttdn restore FILE [--force]`: one portable .tar.gz for both
 * databases (see src/modules/backup). The embedded database is opened by one process at a
 * time: stop `ttdn serve` first. On PostgreSQL a backup can run beside the servers
 * (consistent snapshot); a restore replaces everything, so stop the servers first.
 */
export function registerBackup(program: Command) {
  program
    .command('backup')
    .argument('<file>', 'tệp sao lưu sẽ tạo (.tar.gz)')
    .description('sao lưu toàn bộ cơ sở dữ liệu và tệp đính kèm vào một tệp .tar.gz')
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      const config = globalConfig(cmd);
      try {
        const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? undefined : config.dataDir });
        try {
          if (database.created) throw new BackupError(`Chưa có cơ sở dữ liệu nhúng tại ${config.dataDir}: không có gì để sao lưu.`);
          const r = await backup(database, { file, dataDir: config.dataDir });
          const rows = r.manifest.tables.reduce((s, t) => s + t.rows, 0);
          console.log(
            `Đã sao lưu vào ${r.file}: ${r.manifest.tables.length} bảng, ${rows} dòng, ${r.manifest.files.length} tệp đính kèm, ` +
              `${(r.bytes / 1024).toFixed(0)} KB (cấu trúc ${r.manifest.migrations.at(-1)}).`,
          );
        } finally {
          await database.close();
        }
      } catch (err) {
        failBackup(err);
      }
    });

  program
    .command('restore')
    .argument('<file>', 'tệp sao lưu (.tar.gz) do ttdn backup tạo')
    .option('--force', 'thay cơ sở dữ liệu đang có dữ liệu')
    .description('khôi phục từ tệp sao lưu (nhúng hoặc PostgreSQL; cả hai chiều), trong một giao dịch')
    .action(async (file: string, opts: { force?: boolean }, cmd: Command) => {
      const config = globalConfig(cmd);
      try {
        const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? undefined : config.dataDir });
        try {
          const r = await restore(database, { file, dataDir: config.dataDir, force: opts.force });
          console.log(
            `Đã khôi phục từ ${file} (sao lưu lúc ${r.manifest.createdAt}, từ ${r.manifest.database}): ${r.manifest.tables.length} bảng, ` +
              `${r.rows} dòng, ${r.files} tệp đính kèm${r.upgradedBy.length ? `; đã nâng cấu trúc: ${r.upgradedBy.join(', ')}` : ''}.`,
          );
        } finally {
          await database.close();
        }
      } catch (err) {
        failBackup(err);
      }
    });
}

function failBackup(err: unknown): never {
  if (err instanceof BackupError) {
    console.error(err.message);
    process.exit(1);
  }
  fail(err);
}
