import { Command, Option } from 'commander';
import { fail } from './common';
import { registerServe } from './serve.command';
import { registerMigrate } from './migrate.command';
import { registerUser } from './user.command';
import { registerPlan } from './plan.command';
import { registerBackup } from './backup.command';
import { registerProvince } from './province.command';

const program = new Command();
program
  .name('ttdn')
  .description('Quản lý công tác thông tin đối ngoại: máy chủ và công cụ vận hành')
  .addOption(new Option('--data-dir <dir>', 'thư mục cơ sở dữ liệu nhúng (mặc định ./data)').env('DATA_DIR'))
  .addOption(new Option('--database-url <url>', 'PostgreSQL (postgres://…) thay cho cơ sở dữ liệu nhúng').env('DATABASE_URL'))
  .showHelpAfterError();

registerServe(program);
registerMigrate(program);
registerUser(program);
registerPlan(program);
registerBackup(program);
registerProvince(program);

program.parseAsync(process.argv).catch(fail);
