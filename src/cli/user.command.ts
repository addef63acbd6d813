import { Option, type Command } from 'commander';
import { bootstrap, printDemoCredentials } from '../bootstrap';
import { lookupOrgs } from '../modules/orgs/org-lookup';
import { createUser } from '../modules/users/users.service';
import { assertPasswordRules } from '../modules/auth/password';
import { ROLE_VALUES } from '../http';
import { AppError } from '../shared/errors';
import { fail, globalConfig } from './common';

export function registerUser(program: Command) {
  const user = program.command('user').description('quản lý tài khoản');
  user
    .command('add')
    .description('thêm tài khoản')
    .requiredOption('--username <name>', 'tên đăng nhập')
    .requiredOption('--password <pass>', 'mật khẩu (ít nhất 10 ký tự, có chữ và số)')
    .addOption(new Option('--role <role>', 'vai trò').choices(ROLE_VALUES).makeOptionMandatory())
    .option('--org <name>', 'tên đơn vị (bắt buộc với officer), tìm không phân biệt dấu')
    .option('--display-name <name>', 'họ tên hiển thị')
    .action(
      async (
        opts: { username: string; password: string; role: (typeof ROLE_VALUES)[number]; org?: string; displayName?: string },
        cmd: Command,
      ) => {
        try {
          assertPasswordRules(opts.password);
          const { database, demo } = await bootstrap(globalConfig(cmd));
          if (demo) printDemoCredentials(demo);
          try {
            let orgId: string | null = null;
            if (opts.org) {
              const [best] = await lookupOrgs(database.db, opts.org, null, 1);
              if (!best || best.score < 0.6) throw new AppError('user.org_not_found', { org: opts.org });
              orgId = best.orgId;
              console.log(`Đơn vị: ${best.name}`);
            }
            const created = await createUser(
              database.db,
              { username: opts.username, password: opts.password, role: opts.role, orgId, displayName: opts.displayName },
              { id: null, name: 'cli' },
            );
            console.log(`Đã thêm tài khoản ${created.username} (${created.role}).`);
          } finally {
            await database.close();
          }
        } catch (err) {
          fail(err);
        }
      },
    );
}
