import { createHash } from 'node:crypto';
import { issuerCodeOf, officialDocToBuffer, type OfficialBlock, type OfficialDocSpec } from '../../../shared/official-doc';
import { fmt, type Consolidated } from '../consolidated.service';
import { dmy } from '../dates';

/** The consolidated report as an official document (Nghị định 30/2020/NĐ-CP), kind BC, issued by the secretariat. */
const paragraphs = (text: string, fallback: string): OfficialBlock[] => {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return (lines.length ? lines : [fallback]).map((l) => ({ type: 'paragraph', text: l }));
};

export function consolidatedToOfficialDoc(c: Consolidated, today: string): OfficialDocSpec {
  const body: OfficialBlock[] = [];
  body.push({
    type: 'paragraph',
    text: `Thực hiện chế độ báo cáo theo Kế hoạch công tác thông tin đối ngoại năm ${c.period.year}, trên cơ sở báo cáo của các cơ quan, đơn vị (số liệu từ ngày ${dmy(c.period.dataFrom)} đến ngày ${dmy(c.period.dataTo)}), ${c.secretariat?.name ?? 'cơ quan thường trực'} tổng hợp, báo cáo kết quả như sau:`,
  });
  body.push({ type: 'heading', level: 1, text: 'I. KẾT QUẢ THỰC HIỆN' });
  body.push({ type: 'heading', level: 2, text: '1. Đánh giá chung' });
  body.push(...paragraphs(c.narrative.assessment, '…'));
  body.push({ type: 'heading', level: 2, text: '2. Kết quả thực hiện các nhiệm vụ' });
  for (const t of c.tasks) {
    body.push({ type: 'heading', level: 3, text: `2.${t.code}. ${t.title}` });
    if (!t.contributions.length) body.push({ type: 'bullet', text: 'Chưa có báo cáo được chấp nhận về nhiệm vụ này.' });
    for (const x of t.contributions)
      body.push({
        type: 'bullet',
        text: `${x.orgName} (${x.statusLabel.toLocaleLowerCase('vi')}): ${x.done || 'không nêu kết quả cụ thể.'}`,
      });
  }
  body.push({ type: 'heading', level: 2, text: '3. Số liệu tổng hợp' });
  body.push({
    type: 'table',
    header: ['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Tổng số'],
    rows: c.indicators.map((i, n) => [String(n + 1), i.label, i.unit, fmt(i.total)]),
    widths: [0.7, 5, 1.6, 1.6],
  });
  body.push({ type: 'paragraph', text: 'Kinh phí thực hiện theo nguồn:', italic: true });
  body.push({
    type: 'table',
    header: ['STT', 'Nguồn kinh phí', 'Số tiền (đồng)'],
    rows: [
      ...c.money.map((i, n) => [String(n + 1), i.label.replace(/^Kinh phí: /, ''), fmt(i.total)]),
      ['', 'Tổng cộng', fmt(c.money.reduce((a, i) => a + i.total, 0))],
    ],
    widths: [0.7, 5.5, 2.4],
  });
  body.push({ type: 'heading', level: 1, text: 'II. HẠN CHẾ VÀ NGUYÊN NHÂN' });
  body.push({ type: 'heading', level: 2, text: '1. Hạn chế' });
  body.push(...paragraphs(c.narrative.limitations, 'Không có.'));
  body.push({ type: 'heading', level: 2, text: '2. Nguyên nhân' });
  body.push(...paragraphs(c.narrative.causes, '…'));
  body.push({ type: 'heading', level: 1, text: 'III. NHIỆM VỤ TRỌNG TÂM KỲ TỚI' });
  body.push(...paragraphs(c.narrative.nextTasks, '…'));
  body.push({ type: 'heading', level: 1, text: 'IV. ĐỀ XUẤT, KIẾN NGHỊ' });
  body.push(...paragraphs(c.narrative.proposals, 'Không có.'));
  body.push({ type: 'heading', level: 1, text: 'V. TÌNH HÌNH THỰC HIỆN CHẾ ĐỘ BÁO CÁO' });
  body.push({
    type: 'paragraph',
    text: `Có ${c.totals.received}/${c.totals.expected} cơ quan, đơn vị gửi báo cáo, trong đó ${c.totals.onTime} đúng hạn (trước ngày ${dmy(c.period.deadline)}) và ${c.totals.late} trễ hạn; ${c.totals.missing} cơ quan, đơn vị chưa gửi báo cáo.`,
  });
  if (c.late.length) body.push({ type: 'bullet', text: `Gửi trễ hạn: ${c.late.join('; ')}.` });
  if (c.missing.length) body.push({ type: 'bullet', text: `Chưa gửi báo cáo: ${c.missing.join('; ')}.` });

  const issuerName = c.secretariat?.name ?? 'CƠ QUAN THƯỜNG TRỰC';
  return {
    issuer: { parent: c.province.name ? `UBND tỉnh ${c.province.name}` : null, name: issuerName },
    number: c.number,
    kindCode: 'BC',
    issuerCode: c.secretariat?.docCode || issuerCodeOf(c.secretariat?.shortName),
    place: c.province.place,
    date: c.number ? today : null,
    year: Number(today.slice(0, 4)),
    kind: 'Báo cáo',
    title: c.period.title.replace(/^Báo cáo\s+/i, '').replace(/^\p{Ll}/u, (m) => m.toLocaleUpperCase('vi')),
    body,
    signature: { lines: c.signerTitle, name: c.signer },
    recipients: [`UBND tỉnh ${c.province.name} (b/c)`.trim(), 'Các cơ quan, đơn vị có liên quan', `Lưu: VT, TTĐN`],
    meta: { title: c.period.title },
  };
}

/** Builds the .docx every time (about half a second of CPU for a province's year). */
export const buildConsolidatedDocx = (c: Consolidated, today: string) => officialDocToBuffer(consolidatedToOfficialDoc(c, today));

/**
 * Repeat downloads of unchanged data: the last few built documents, keyed by a hash of the
 * whole description they are built from (every text, figure and date printed, read afresh on
 * each request), so a hit is the document the same data builds. In memory, per process.
 */
const MEMO_ENTRIES = 4;
const built = new Map<string, Buffer>();

export async function consolidatedToDocx(c: Consolidated, today: string): Promise<Buffer> {
  const spec = consolidatedToOfficialDoc(c, today);
  const key = createHash('sha256').update(JSON.stringify(spec)).digest('base64');
  const hit = built.get(key);
  built.delete(key);
  const buf = hit ?? (await officialDocToBuffer(spec));
  built.set(key, buf);
  if (built.size > MEMO_ENTRIES) built.delete(built.keys().next().value!);
  return buf;
}
