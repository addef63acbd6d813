import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { bootstrap } from '../bootstrap';
import { initProvince, readCommuneSheet, type CommuneRowError } from '../modules/province';
import { AppError } from '../shared/errors';
import { translate } from '../shared/messages/catalogue';
import { fail, globalConfig } from './common';

/**
 * `ttdn province init --name "Hà Tĩnh" --communes FILE [--secretariat NAME]`: sets up a province
 * on a new database (no demo data is loaded): its committee, the standard departments, the
 * communes of the spreadsheet with their codes, the groups and the settings. A directory that
 * already holds organisations is refused; nothing is saved when any row of the file is wrong.
 */
export function registerProvince(program: Command) {
  const province = program.command('province').description('thiết lập tỉnh');
  province
    .command('init')
    .description('thiết lập một tỉnh trên cơ sở dữ liệu mới từ danh sách sở chuẩn và danh sách xã (.xlsx, .csv)')
    .requiredOption('--name <name>', 'tên tỉnh, không kèm chữ "tỉnh" (ví dụ: Hà Tĩnh)')
    .requiredOption('--communes <file>', 'danh sách đơn vị hành chính cấp xã: các cột Mã, Tên, Cấp')
    .option('--secretariat <name>', 'cơ quan thường trực (mặc định: Sở Văn hóa, Thể thao và Du lịch)')
    .action(async (opts: { name: string; communes: string; secretariat?: string }, cmd: Command) => {
      let buf: Buffer;
      try {
        buf = fs.readFileSync(opts.communes);
      } catch (err) {
        console.error(`Không đọc được tệp ${opts.communes}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
        process.exit(2);
      }
      try {
        const communes = await readCommuneSheet(buf, path.basename(opts.communes));
        const { database } = await bootstrap(globalConfig(cmd, { LOG_LEVEL: 'silent' }), { demo: false });
        try {
          const r = await initProvince(
            database.db,
            { name: opts.name, secretariat: opts.secretariat, communes },
            { id: null, name: 'cli' },
          );
          const say = (code: string, params: Record<string, unknown>) => console.log(translate('vi', code, params));
          say('province.init.done', { name: r.province.place });
          say('province.init.committee', r.province);
          say('province.init.departments', { count: r.departments.length, names: r.departments.map((d) => d.name).join('; ') });
          say('province.init.communes', r.communes);
          for (const g of r.groups) say('province.init.group', g);
          say('province.init.secretariat', r.secretariat);
        } finally {
          await database.close();
        }
      } catch (err) {
        if (err instanceof AppError) {
          console.error(translate('vi', err.code, err.details));
          for (const e of (err.details.errors as CommuneRowError[] | undefined) ?? []) console.error(`  ${e.message}`);
          process.exit(1);
        }
        fail(err);
      }
    });
}
