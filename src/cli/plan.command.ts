import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { bootstrap, printDemoCredentials } from '../bootstrap';
import type { OcrProgress } from '../modules/plans/import';
import { previewImport } from '../modules/plans/plan-import.service';
import { calendarDate, planInput } from '../modules/plans/plans.schemas';
import { createPlan } from '../modules/plans/plans.service';
import { AppError } from '../shared/errors';
import { fullNumber } from '../shared/doc-number';
import { translate } from '../shared/messages/catalogue';
import { fail, globalConfig } from './common';

/**
 * `ttdn plan import FILE --json [--as-of YYYY-MM-DD]`: reads a plan document and prints what was
 * understood, organisations matched against the same database the server uses as of that date
 * (the document's own date without it), followed through their successors. Saves nothing unless
 * `--save` is given (then as a draft).
 */
export function registerPlan(program: Command) {
  const plan = program.command('plan').description('kế hoạch');
  plan
    .command('import')
    .description('đọc văn bản kế hoạch (.docx, .doc, .odt, .pdf, ảnh quét .png/.jpg/.tif, .md, .txt)')
    .argument('<file>', 'tệp kế hoạch')
    .option('--json', 'in kết quả dạng JSON')
    .option('--save', 'lưu thành kế hoạch dự thảo')
    .option('--as-of <date>', 'đối chiếu cơ quan theo danh bạ vào ngày này (YYYY-MM-DD); mặc định: ngày của văn bản')
    .option('--ocr', 'đọc tệp PDF bằng nhận dạng chữ (OCR) kể cả khi có lớp chữ')
    .action(async (file: string, opts: { json?: boolean; save?: boolean; asOf?: string; ocr?: boolean }, cmd: Command) => {
      if (opts.asOf !== undefined && !calendarDate.safeParse(opts.asOf).success) {
        console.error(translate('vi', 'plan.as_of_invalid', { value: opts.asOf }));
        process.exit(2);
      }
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
          // progress of a scan on stderr (stdout carries the result): `Trang 3/9`
          const onProgress = (p: OcrProgress) => {
            const line = translate('vi', 'plan.import_progress_page', { done: p.done, pages: p.pages });
            if (process.stderr.isTTY) process.stderr.write(`\r${line}${p.done === p.pages ? '\n' : ''}`);
            else console.error(line);
          };
          const { plan: parsed, source } = await previewImport(database.db, buf, path.basename(file), {
            asOf: opts.asOf ?? null,
            forceOcr: opts.ocr,
            onProgress,
          });
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
            console.log(`${d.kind ?? ''} ${d.number ? `số ${fullNumber(d.number, d.numberCode)}` : '(chưa có số)'}: ${d.title}`);
            console.log(
              `Năm ${d.yearFrom}${d.yearTo !== d.yearFrom ? `–${d.yearTo}` : ''}; ${parsed.tasks.length} nhiệm vụ; ${parsed.unparsed.length} dòng chưa nhận dạng.`,
            );
            if (parsed.resolvedAsOf) console.log(translate('vi', 'plan.resolved_as_of', { date: parsed.resolvedAsOf }));
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
