import ExcelJS from 'exceljs';
import type { OrgDto } from './orgs.service';
import { ORG_KINDS } from './org-kinds';

/** The directory (as filtered on screen) as an Excel workbook, Vietnamese headers. */
export async function orgsToXlsx(items: OrgDto[], parentNames: Map<string, string>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh bạ đơn vị');
  ws.columns = [
    { header: 'STT', key: 'n', width: 6 },
    { header: 'Tên đơn vị', key: 'name', width: 48 },
    { header: 'Tên viết tắt', key: 'shortName', width: 20 },
    { header: 'Loại', key: 'kind', width: 28 },
    { header: 'Đơn vị cấp trên', key: 'parent', width: 32 },
    { header: 'Tên gọi khác', key: 'aliases', width: 40 },
    { header: 'Hiệu lực từ', key: 'validFrom', width: 13 },
    { header: 'Hiệu lực đến', key: 'validTo', width: 13 },
    { header: 'Email', key: 'email', width: 26 },
    { header: 'Điện thoại', key: 'phone', width: 16 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  items.forEach((o, i) =>
    ws.addRow({
      n: i + 1,
      name: o.name,
      shortName: o.shortName,
      kind: ORG_KINDS[o.kind].vi,
      parent: o.parentId ? (parentNames.get(o.parentId) ?? '') : '',
      aliases: o.aliases.join('; '),
      validFrom: o.validFrom ? new Date(`${o.validFrom}T00:00:00Z`) : null,
      validTo: o.validTo ? new Date(`${o.validTo}T00:00:00Z`) : null,
      email: o.email,
      phone: o.phone,
    }),
  );
  ws.getColumn('validFrom').numFmt = 'dd/mm/yyyy';
  ws.getColumn('validTo').numFmt = 'dd/mm/yyyy';
  ws.autoFilter = { from: 'A1', to: 'J1' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
