/**
 * The real-document corpus of the importer: public plans, programmes and decisions of provinces on
 * (foreign) information work, kept as they were found (fixtures/real/ and fixtures/pasted/, sources in
 * fixtures/real/SOURCES.md), with the values a person reads off each stored text. Test data only.
 *
 * `heldOut` documents were collected and read by a person but not imported while the importer was
 * tuned: they stand for plans it has never seen.
 */
import type { ParsedPlan } from './types';

export interface CorpusTaskCheck {
  /** Number of tasks (all levels) in the stored text. */
  count: number;
  first: { code: string; title: string };
  last: { code: string; title: string };
  /** Lead organisations of a few tasks, as written: code → names. */
  leads: Record<string, string[]>;
}

export interface CorpusCase {
  file: string;
  /** Province or body, year issued: for the printed table. */
  label: string;
  heldOut?: boolean;
  kind: string;
  /** Null while the serial is blank (a draft). */
  number: string | null;
  issuer: string;
  place: string;
  issuedOn: string | null;
  /** Null when the stored text holds no title line. */
  title: string | null;
  years: [number, number] | [null, null];
  /** The numbers (số ký hiệu) of the documents cited as legal bases, in order; bases without a number left out. */
  bases: string[];
  /** Tasks: a count of 0 when the stored text ends before the tasks (an opening), otherwise the checks. */
  tasks: 0 | CorpusTaskCheck;
}

export const CORPUS: CorpusCase[] = [
  // the seed: a whole real plan (its number and day left blank, as in the draft it was taken from)
  {
    file: 'ke-hoach-ttdn-quang-tri-2023.md',
    label: 'Quảng Trị 2023 (seed, whole)',
    kind: 'KẾ HOẠCH',
    number: null,
    issuer: 'ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ',
    place: 'Quảng Trị',
    issuedOn: null,
    title: 'Công tác thông tin đối ngoại của tỉnh Quảng Trị năm 2023',
    years: [2023, 2023],
    bases: ['25/2019/QĐ-UBND', '5740/BTTTT-TTĐN'],
    tasks: {
      count: 18,
      first: {
        code: '1',
        title: 'Triển khai thực hiện văn bản quy phạm pháp luật, văn bản quản lý, chỉ đạo, hướng dẫn về thông tin đối ngoại',
      },
      last: {
        code: '12',
        title:
          'Theo dõi và tổng hợp dư luận báo chí trong và ngoài nước về tình hình tỉnh; xây dựng tài liệu lập luận, cung cấp thông tin cho các cơ quan báo chí trên địa bàn để giải thích, làm rõ, đấu tranh phản bác các thông tin sai lệch ảnh hưởng uy tín, hình ảnh của tỉnh',
      },
      leads: {
        '1': ['Sở Thông tin và Truyền thông'],
        '8': ['UBND tỉnh'],
        '12': ['Sở Thông tin và Truyền thông', 'Sở Ngoại vụ', 'Công an tỉnh', 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh'],
      },
    },
  },
  // fixtures/real/: openings as the legal-document sites show them
  {
    file: 'real/tra-vinh-1466-qd-ubnd-2023.txt',
    label: 'Trà Vinh 2023 (QĐ, plan 2024)',
    kind: 'QUYẾT ĐỊNH',
    number: '1466/QĐ-UBND',
    issuer: 'ỦY BAN NHÂN DÂN TỈNH TRÀ VINH',
    place: 'Trà Vinh',
    issuedOn: '2023-09-29',
    title: 'BAN HÀNH KẾ HOẠCH CÔNG TÁC THÔNG TIN ĐỐI NGOẠI TỈNH TRÀ VINH NĂM 2024',
    years: [2024, 2024],
    bases: ['72/2015/NĐ-CP', '22/2016/TT-BTTTT', '3089/BTTTT-TTĐN'],
    tasks: 0,
  },
  {
    file: 'real/lao-cai-88-kh-ubnd-2020.txt',
    label: 'Lào Cai 2020',
    kind: 'KẾ HOẠCH',
    number: '88/KH-UBND',
    issuer: 'ỦY BAN NHÂN DÂN TỈNH LÀO CAI',
    place: 'Lào Cai',
    issuedOn: '2020-03-13',
    title: 'HOẠT ĐỘNG THÔNG TIN ĐỐI NGOẠI TỈNH LÀO CAI NĂM 2020',
    years: [2020, 2020],
    bases: ['72/2015/NĐ-CP', '22/2016/TT-BTTTT', '368/QĐ-TTg', '1486/QĐ-TTg', '07-QC/TU', '09/2017/QĐ-UBND', '3362/BTTTT-TTĐN'],
    tasks: 0,
  },
  {
    file: 'real/ha-noi-94-kh-ubnd-2022.txt',
    label: 'Hà Nội 2022 (site metadata above)',
    kind: 'KẾ HOẠCH',
    number: '94/KH-UBND',
    issuer: 'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI',
    place: 'Hà Nội',
    issuedOn: '2022-03-25',
    title: 'TỔ CHỨC HOẠT ĐỘNG THÔNG TIN ĐỐI NGOẠI NĂM 2022',
    years: [2022, 2022],
    bases: ['72/2015/NĐ-CP', '22/2016/TT-BTTTT', '5406/BTTTT-TTĐN'],
    tasks: 0,
  },
  {
    file: 'real/ha-noi-101-kh-ubnd-2023.txt',
    label: 'Hà Nội 2023',
    kind: 'KẾ HOẠCH',
    number: '101/KH-UBND',
    issuer: 'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI',
    place: 'Hà Nội',
    issuedOn: '2023-03-23',
    title: 'TỔ CHỨC HOẠT ĐỘNG THÔNG TIN ĐỐI NGOẠI NĂM 2023',
    years: [2023, 2023],
    bases: ['72/2015/NĐ-CP', '22/2016/TT-BTTTT', '5740/BTTTT-TTĐN'],
    tasks: 0,
  },
  {
    file: 'real/kon-tum-952-kh-ubnd-2022.txt',
    label: 'Kon Tum 2022 (no kind or title line)',
    kind: 'KẾ HOẠCH',
    number: '952/KH-UBND',
    // the site dropped the header's second line; the enacting sentence says 'Ủy ban nhân dân tỉnh'
    issuer: 'ỦY BAN NHÂN DÂN TỈNH KON TUM',
    place: 'Kon Tum',
    issuedOn: '2022-04-05',
    title: null,
    years: [2022, 2022],
    bases: ['225/VPCP-QHQT', '511/VPCP-QHQT', '462/BNG-CNV-m', '1517-QĐ/TU', '479-CV/TU'],
    tasks: 0,
  },
  {
    file: 'real/an-giang-190-kh-ubnd-2019.txt',
    label: 'An Giang 2019 (PDF text, one line)',
    kind: 'KẾ HOẠCH',
    number: '190/KH-UBND',
    issuer: 'ỦY BAN NHÂN DÂN TỈNH AN GIANG',
    place: 'An Giang',
    issuedOn: '2019-04-18',
    title: 'Hoạt động thông tin đối ngoại tỉnh An Giang năm 2019',
    years: [2019, 2019],
    bases: ['16-KL/TW', '21/CT-TTg', '368/QĐ-TTg', '72/2015/NĐ-CP', '22/2016/TT-BTTTT', '09/2017/NĐ-CP', '59/2017/QĐ-UBND', '1835/QĐ-UBND'],
    tasks: 0,
  },
  {
    file: 'real/ho-chi-minh-1369-qd-ubnd-2018.txt',
    label: 'TP Hồ Chí Minh 2018 (QĐ)',
    kind: 'QUYẾT ĐỊNH',
    number: '1369/QĐ-UBND',
    // as written in the header, the site's typo included
    issuer: 'ỦY BAN NHÂN DÂN THÀNH PHHỒ CHÍ MINH',
    place: 'Thành phố Hồ Chí Minh',
    issuedOn: '2018-04-09',
    title: 'BAN HÀNH KẾ HOẠCH THÔNG TIN ĐỐI NGOẠI CỦA THÀNH PHỐ HỒ CHÍ MINH NĂM 2018',
    years: [2018, 2018],
    bases: ['31/NQ-CP', '368/QĐ-TTg', '72/2015/NĐ-CP', '22/2016/TT-BTTTT'],
    tasks: 0,
  },
  {
    file: 'real/ca-mau-06-2014-qd-ubnd.txt',
    label: 'Cà Mau 2014 (QĐ, no kind line)',
    kind: 'QUYẾT ĐỊNH',
    number: '06/2014/QĐ-UBND',
    issuer: 'ỦY BAN NHÂN DÂN TỈNH CÀ MAU',
    place: 'Cà Mau',
    issuedOn: '2014-03-21',
    title: 'BAN HÀNH QUY CHẾ QUẢN LÝ THỐNG NHẤT CÁC HOẠT ĐỘNG ĐỐI NGOẠI TRÊN ĐỊA BÀN TỈNH CÀ MAU',
    years: [null, null],
    bases: ['67/2011/QĐ-TTg'],
    tasks: 0,
  },
  // held out: read by a person, never imported while tuning
  {
    file: 'real/ha-noi-140-kh-ubnd-2018.txt',
    label: 'Hà Nội 2018',
    heldOut: true,
    kind: 'KẾ HOẠCH',
    number: '140/KH-UBND',
    issuer: 'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI',
    place: 'Hà Nội',
    issuedOn: '2018-06-18',
    title: 'CÔNG TÁC THÔNG TIN ĐỐI NGOẠI THÀNH PHỐ HÀ NỘI NĂM 2018',
    years: [2018, 2018],
    bases: ['22/2016/TT-BTTTT', '3616/BTTTT-TTĐN', '193-HD/BTGTU', '80-KH/TU', '86-KH/BCĐCTTTĐN', '3734/QĐ-UBND'],
    tasks: 0,
  },
  {
    file: 'real/hai-duong-42-2023-qd-ubnd.txt',
    label: 'Hải Dương 2023 (QĐ, quy chế)',
    heldOut: true,
    kind: 'QUYẾT ĐỊNH',
    number: '42/2023/QĐ-UBND',
    issuer: 'ỦY BAN NHÂN DÂN TỈNH HẢI DƯƠNG',
    place: 'Hải Dương',
    issuedOn: '2023-11-17',
    title: 'BAN HÀNH QUY CHẾ QUẢN LÝ HOẠT ĐỘNG THÔNG TIN ĐỐI NGOẠI TRÊN ĐỊA BÀN TỈNH HẢI DƯƠNG',
    years: [null, null],
    bases: ['72/2015/NĐ-CP', '22/2016/TT-BTTTT'],
    tasks: 0,
  },
  {
    file: 'real/binh-duong-13-2017-qd-ubnd.txt',
    label: 'Bình Dương 2017 (QĐ, quy chế)',
    heldOut: true,
    kind: 'QUYẾT ĐỊNH',
    number: '13/2017/QĐ-UBND',
    issuer: 'ỦY BAN NHÂN DÂN TỈNH BÌNH DƯƠNG',
    place: 'Bình Dương',
    issuedOn: '2017-06-19',
    title: 'BAN HÀNH QUY CHẾ QUẢN LÝ HOẠT ĐỘNG CỦA CÁC TỔ CHỨC PHI CHÍNH PHỦ NƯỚC NGOÀI TRÊN ĐỊA BÀN TỈNH BÌNH DƯƠNG',
    years: [null, null],
    bases: ['12/2012/NĐ-CP', '05/2012/TT-BNG'],
    tasks: 0,
  },
  {
    file: 'real/bo-tttt-22-2016-tt-btttt.txt',
    label: 'Bộ TTTT 2016 (Thông tư)',
    heldOut: true,
    kind: 'THÔNG TƯ',
    number: '22/2016/TT-BTTTT',
    // the site cut the header cell after 'VÀ'; a reader completes it from the code and the enacting sentence
    issuer: 'BỘ THÔNG TIN VÀ TRUYỀN THÔNG',
    place: 'Hà Nội',
    issuedOn: '2016-10-19',
    title: 'HƯỚNG DẪN QUẢN LÝ HOẠT ĐỘNG THÔNG TIN ĐỐI NGOẠI CỦA CÁC TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG',
    years: [null, null],
    bases: ['132/2013/NĐ-CP', '72/2015/NĐ-CP', '25/2013/QĐ-TTg'],
    tasks: 0,
  },
  {
    file: 'real/ba-ria-vung-tau-08-kh-ubnd-2023.txt',
    label: 'Bà Rịa - Vũng Tàu 2023 (policy communication)',
    heldOut: true,
    kind: 'KẾ HOẠCH',
    number: '08/KH-UBND',
    issuer: 'ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU',
    place: 'Bà Rịa - Vũng Tàu',
    // as written (the proposal it answers is dated 20/12/2023: the page or the document has the year wrong)
    issuedOn: '2023-01-08',
    title: 'TRIỂN KHAI THỰC HIỆN CÔNG TÁC TRUYỀN THÔNG CHÍNH SÁCH TRÊN ĐỊA BÀN TỈNH BÀ RỊA – VŨNG TÀU',
    // the title names no year or period; a plan needs one, and a person entering it takes the year it was issued
    // (first written [null, null]; changed after the first import, see SOURCES.md)
    years: [2023, 2023],
    bases: ['09/CT-TTg', '07/CT-TTg', '765/QĐ-BTTTT', '5104/BTTTT-PTTH&TTĐT'],
    tasks: 0,
  },
  // held out, third batch (collected after the fixes the first held-out results led to)
  {
    file: 'real/thua-thien-hue-192-kh-ubnd-2016.txt',
    label: 'Thừa Thiên Huế 2016 (plan 2017)',
    heldOut: true,
    kind: 'KẾ HOẠCH',
    number: '192/KH-UBND',
    issuer: 'ỦY BAN NHÂN DÂN TỈNH THỪA THIÊN HUẾ',
    place: 'Thừa Thiên Huế',
    issuedOn: '2016-12-20',
    title: 'HOẠT ĐỘNG THÔNG TIN ĐỐI NGOẠI TRÊN ĐỊA BÀN TỈNH THỪA THIÊN HUẾ NĂM 2017',
    years: [2017, 2017],
    bases: ['368/QĐ-TTg', '1233/QĐ-UBND'],
    tasks: 0,
  },
  {
    file: 'real/thua-thien-hue-1233-qd-ubnd-2014.txt',
    label: 'Thừa Thiên Huế 2014 (QĐ, plan 2015–2017)',
    heldOut: true,
    kind: 'QUYẾT ĐỊNH',
    number: '1233/QĐ-UBND',
    issuer: 'ỦY BAN NHÂN DÂN TỈNH THỪA THIÊN HUẾ',
    place: 'Thừa Thiên Huế',
    issuedOn: '2014-06-19',
    title: 'BAN HÀNH KẾ HOẠCH HOẠT ĐỘNG THÔNG TIN ĐỐI NGOẠI TRUNG HẠN GIAI ĐOẠN 2015 - 2017 TRÊN ĐỊA BÀN TỈNH THỪA THIÊN HUẾ',
    years: [2015, 2017],
    bases: ['21/CT-TTg', '368/QĐ-TTg', '296/QĐ-TTg'],
    tasks: 0,
  },
  // fixtures/pasted/: openings collected earlier (pasted-web.test.ts checks them further)
  {
    file: 'pasted/ha-tinh-44-kh-ubnd-2018.txt',
    label: 'Hà Tĩnh 2018',
    kind: 'KẾ HOẠCH',
    number: '44/KH-UBND',
    issuer: 'ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH',
    place: 'Hà Tĩnh',
    issuedOn: '2018-02-08',
    title: 'CÔNG TÁC THÔNG TIN ĐỐI NGOẠI TỈNH HÀ TĨNH NĂM 2018',
    years: [2018, 2018],
    bases: ['72/NĐ-CP', '22/2016/TT-BTTTT', '3616/BTTTT-TTĐN'],
    tasks: 0,
  },
  {
    file: 'pasted/lao-cai-34-kh-ubnd-2021.txt',
    label: 'Lào Cai 2021',
    kind: 'KẾ HOẠCH',
    number: '34/KH-UBND',
    issuer: 'ỦY BAN NHÂN DÂN TỈNH LÀO CAI',
    place: 'Lào Cai',
    issuedOn: '2021-01-29',
    title: 'HOẠT ĐỘNG THÔNG TIN ĐỐI NGOẠI TỈNH LÀO CAI NĂM 2021',
    years: [2021, 2021],
    bases: ['72/2015/NĐ-CP', '22/2016/TT-BTTTT', '07-QC/TU', '09/2017/QĐ-UBND'],
    tasks: 0,
  },
  {
    file: 'pasted/tuyen-quang-01-ctr-ubnd-2020.txt',
    label: 'Tuyên Quang 2020 (CTr)',
    kind: 'CHƯƠNG TRÌNH',
    number: '01/CTr-UBND',
    issuer: 'ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG',
    place: 'Tuyên Quang',
    issuedOn: '2020-01-06',
    title: 'HOẠT ĐỘNG ĐỐI NGOẠI TỈNH TUYÊN QUANG NĂM 2020',
    years: [2020, 2020],
    bases: [],
    tasks: 0,
  },
  {
    file: 'pasted/lang-son-173-kh-ubnd-2019.txt',
    label: 'Lạng Sơn 2019',
    kind: 'KẾ HOẠCH',
    number: '173/KH-UBND',
    issuer: 'ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN',
    place: 'Lạng Sơn',
    issuedOn: '2019-11-26',
    title: 'Hoạt động thông tin đối ngoại trên địa bàn tỉnh năm 2020',
    years: [2020, 2020],
    bases: [],
    tasks: 0,
  },
  {
    file: 'pasted/quang-binh-1789-kh-ubnd-2023.txt',
    label: 'Quảng Bình 2023',
    kind: 'KẾ HOẠCH',
    number: '1789/KH-UBND',
    issuer: 'UBND TỈNH QUẢNG BÌNH',
    place: 'Quảng Bình',
    issuedOn: '2023-09-11',
    title: 'Công tác thông tin đối ngoại tỉnh Quảng Bình năm 2024',
    years: [2024, 2024],
    bases: [],
    tasks: 0,
  },
  {
    file: 'pasted/ha-giang-2112-qd-ubnd-2014.txt',
    label: 'Hà Giang 2014 (QĐ)',
    kind: 'QUYẾT ĐỊNH',
    number: '2112/QĐ-UBND',
    issuer: 'ỦY BAN NHÂN DÂN TỈNH HÀ GIANG',
    place: 'Hà Giang',
    issuedOn: '2014-10-17',
    title: 'PHÊ DUYỆT CHƯƠNG TRÌNH HÀNH ĐỘNG VỀ THÔNG TIN ĐỐI NGOẠI TỈNH HÀ GIANG GIAI ĐOẠN 2014 - 2020',
    years: [2014, 2020],
    bases: ['21/CT-TTg', '368/QĐ-TTg', '171/TB-UBND'],
    tasks: 0,
  },
];

export const FIELDS = ['kind', 'number', 'issuer', 'place', 'date', 'title', 'years', 'bases', 'tasks', 'first', 'last', 'leads'] as const;
export type Field = (typeof FIELDS)[number];
/** true: as a person reads it; false: not; null: not applicable (an opening without tasks). */
export type Score = Record<Field, boolean | null>;

const norm = (s: string | null | undefined): string | null => (s == null ? null : s.normalize('NFC').replace(/\s+/g, ' ').trim());
const same = (a: string | null | undefined, b: string | null | undefined) => norm(a) === norm(b);

/** Compares a parsed plan with what a person reads off the document, field by field. */
export function scoreCase(c: CorpusCase, p: ParsedPlan): Score {
  const d = p.document;
  const refs = p.legalBases.map((b) => b.ref).filter((r): r is string => r !== null);
  const t = c.tasks;
  const byCode = (code: string) => p.tasks.find((x) => x.code === code);
  return {
    kind: same(d.kind, c.kind),
    number: same(d.number, c.number),
    issuer: same(d.issuer, c.issuer),
    place: same(d.place, c.place),
    date: d.issuedOn === c.issuedOn,
    title: same(d.title, c.title),
    years: d.yearFrom === c.years[0] && d.yearTo === c.years[1],
    bases: refs.length === c.bases.length && refs.every((r, i) => same(r, c.bases[i])),
    tasks: p.tasks.length === (t === 0 ? 0 : t.count),
    first: t === 0 ? null : p.tasks[0]?.code === t.first.code && same(p.tasks[0]?.title, t.first.title),
    last: t === 0 ? null : p.tasks.at(-1)?.code === t.last.code && same(p.tasks.at(-1)?.title, t.last.title),
    leads:
      t === 0
        ? null
        : Object.entries(t.leads).every(([code, names]) => {
            const got = byCode(code)?.lead.map((e) => e.name) ?? [];
            return got.length === names.length && got.every((n, i) => same(n, names[i]));
          }),
  };
}

/** The stored text of a corpus file, without the `#` note lines at its top. */
export function corpusText(raw: string): string {
  return raw.replace(/^(#[^\n]*\n)+/, '');
}

/** Per field: documents read right, and documents the field applies to. */
export function tally(scores: Score[]): Record<Field, { pass: number; of: number }> {
  const out = {} as Record<Field, { pass: number; of: number }>;
  for (const f of FIELDS) {
    const xs = scores.map((s) => s[f]).filter((v): v is boolean => v !== null);
    out[f] = { pass: xs.filter(Boolean).length, of: xs.length };
  }
  return out;
}

/** The table the corpus test prints: one row per document (✓ right, ✗ wrong, · not applicable), totals under it. */
export function formatTable(rows: Array<{ c: CorpusCase; s: Score }>): string {
  const mark = (v: boolean | null) => (v === null ? '·' : v ? '✓' : '✗');
  const w = Math.max(...rows.map((r) => r.c.label.length + (r.c.heldOut ? 2 : 0)));
  const head = `${'document'.padEnd(w)}  ${FIELDS.map((f) => f.padEnd(6)).join(' ')}`;
  const lines = rows.map(
    (r) => `${(r.c.label + (r.c.heldOut ? ' *' : '')).padEnd(w)}  ${FIELDS.map((f) => mark(r.s[f]).padEnd(6)).join(' ')}`,
  );
  const t = tally(rows.map((r) => r.s));
  const total = `${'right / of'.padEnd(w)}  ${FIELDS.map((f) => `${t[f].pass}/${t[f].of}`.padEnd(6)).join(' ')}`;
  return [head, ...lines, total, '* held out: first imported after the tuning on the others (SOURCES.md gives that first result)'].join(
    '\n',
  );
}
