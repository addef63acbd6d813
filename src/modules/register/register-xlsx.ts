import ExcelJS from 'exceljs';
import { translate, type Lang } from '../../shared/messages/catalogue';
import type { RegisterEntryDto } from './register.schemas';

const FONT = { name: 'Times New Roman', size: 12 };

/** The register sheet (sổ đăng ký văn bản đi): one row per issued document, in number order. */
export async function registerToXlsx(entries: RegisterEntryDto[], lang: Lang = 'vi'): Promise<Buffer> {
  const t = (key: string) => translate(lang, key);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ttdn';
  wb.title = t('register.xlsx.title');
  const ws = wb.addWorksheet(t('register.xlsx.sheet'), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: t('register.col.number'), key: 'number', width: 18 },
    { header: t('register.col.issued_on'), key: 'issuedOn', width: 13 },
    { header: t('register.col.kind'), key: 'kind', width: 14 },
    { header: t('register.col.summary'), key: 'summary', width: 60 },
    { header: t('register.col.signer'), key: 'signer', width: 24 },
    { header: t('register.col.recipients'), key: 'recipients', width: 40 },
    { header: t('register.col.org'), key: 'org', width: 36 },
  ];
  const sorted = [...entries].sort(
    (a, b) => a.orgName.localeCompare(b.orgName, 'vi') || a.year - b.year || a.kindCode.localeCompare(b.kindCode) || a.serial - b.serial,
  );
  for (const e of sorted)
    ws.addRow({
      number: e.number,
      issuedOn: e.issuedOn.split('-').reverse().join('/'),
      kind: e.kindLabel,
      summary: e.summary,
      signer: e.signer ?? '',
      recipients: e.recipients.join('; '),
      org: e.orgName,
    });
  ws.eachRow((row, n) =>
    row.eachCell((c) => {
      c.font = { ...FONT, bold: n === 1 };
      c.alignment = { vertical: 'top', wrapText: true, horizontal: n === 1 ? 'center' : undefined };
    }),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
