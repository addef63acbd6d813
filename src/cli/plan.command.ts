import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { bootstrap, printDemoCredentials } from '../bootstrap';
import { previewImport } from '../modules/plans/plan-import.service';
import { planInput } from '../modules/plans/plans.schemas';
import { createPlan } from '../modules/plans/plans.service';
import { AppError } from '../shared/errors';
import { translate } from '../shared/messages/catalogue';
import { fail, globalConfig } from './common';

/**
 * `ttdn plan import FILE --json`: reads a plan document and prints what was understood,
 * organisations matched against the same database the server uses. Saves nothing unless
 * `--save` is given (then as a draft).
 */
export function registerPlan(program: Command) {
  const plan = program.command('plan').description('kế hoạch');
  plan
    .command('import')
    .description('đọc văn bản kế hoạch (.docx, .md, .txt)')
    .argument('<file>', 'tệp kế hoạch')
    .option('--json', 'in kết quả dạng JSON')
    .option('--save', 'lưu thành kế hoạch dự thảo')
    .action(async (file: string, opts: { json?: boolean; save?: boolean }, cmd: Command) => {
      let buf: Buffer;
      try {
        buf = fs.readFileSync(file);
      } catch (err) {
        console.error(`Không đọc được tệp ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
        process.exit(2);
      }
      try {
        const { database, demo } = await bootstrap(globalConfig(cmd, { LOG_LEVEL: 'silent' }));
        // A new database got demo accounts: say so on stderr (stdout carries the JSON).
        if (demo) printDemoCredentials(demo, (line) => console.error(line));
        try {
          const { plan: parsed, source } = await previewImport(database.db, buf, path.basename(file));
          if (opts.save) {
            const id = await createPlan(
              database.db,
              planInput.parse({ ...parsed, sourceFilename: source.filename, sourceText: source.text }),
              null,
              { id: null, name: 'cli' },
            );
            console.error(`Đã lưu kế hoạch dự thảo ${id}`);
          }
          if (opts.json) {
            console.log(JSON.stringify(parsed, null, 2));
          } else {
            const d = parsed.document;
            console.log(`${d.kind ?? ''} ${d.number ? `số ${d.number}/${d.numberCode ?? ''}` : '(chưa có số)'}: ${d.title}`);
            console.log(
              `Năm ${d.yearFrom}${d.yearTo !== d.yearFrom ? `–${d.yearTo}` : ''}; ${parsed.tasks.length} nhiệm vụ; ${parsed.unparsed.length} dòng chưa nhận dạng.`,
            );
            for (const w of parsed.warnings) console.log(`  ! ${translate('vi', w.code, w.details)}`);
          }
        } finally {
          await database.close();
        }
      } catch (err) {
        if (err instanceof AppError) {
          console.error(translate('vi', err.code, err.details));
          process.exit(1);
        }
        fail(err);
      }
    });
}
