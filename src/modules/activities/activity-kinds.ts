import { z } from 'zod';

/**
 * The kinds of activity and the fields each kind has, with their Vietnamese labels beside them.
 * One place: the API's zod schemas, the spreadsheet templates and the screens' forms are all
 * built from this table (pure: the web app imports it too).
 */
type Label = { vi: string; en: string };
export type FieldType = 'text' | 'longtext' | 'int' | 'amount' | 'decimal' | 'enum' | 'url';
export interface FieldSpec {
  key: string;
  label: Label;
  type: FieldType;
  required?: boolean;
  options?: Record<string, Label>;
}

const l = (vi: string, en: string): Label => ({ vi, en });
const LANGUAGES = {
  vi: l('Tiếng Việt', 'Vietnamese'),
  en: l('Tiếng Anh', 'English'),
  lo: l('Tiếng Lào', 'Lao'),
  zh: l('Tiếng Trung', 'Chinese'),
  fr: l('Tiếng Pháp', 'French'),
  ja: l('Tiếng Nhật', 'Japanese'),
  ko: l('Tiếng Hàn', 'Korean'),
  ru: l('Tiếng Nga', 'Russian'),
  multi: l('Nhiều thứ tiếng', 'Several languages'),
  other: l('Thứ tiếng khác', 'Other language'),
};

export const ACTIVITY_KINDS = {
  event: {
    label: l('Sự kiện (triển lãm, hội chợ, hội nghị, giao lưu)', 'Event (exhibition, fair, conference, exchange)'),
    fields: [
      {
        key: 'eventType',
        label: l('Loại sự kiện', 'Event type'),
        type: 'enum',
        required: true,
        options: {
          exhibition: l('Triển lãm', 'Exhibition'),
          fair: l('Hội chợ', 'Fair'),
          conference: l('Hội nghị, hội thảo', 'Conference, seminar'),
          cultural_exchange: l('Giao lưu văn hóa', 'Cultural exchange'),
          sports_exchange: l('Giao lưu thể thao', 'Sports exchange'),
          tourism_exchange: l('Giao lưu, quảng bá du lịch', 'Tourism exchange'),
        },
      },
      { key: 'visitors', label: l('Số lượt khách tham quan, tham dự', 'Visitors, participants'), type: 'int' },
      { key: 'partners', label: l('Đối tác, đơn vị cùng tổ chức', 'Partners, co-organisers'), type: 'text' },
    ],
  },
  press_conference: {
    label: l('Họp báo, hội nghị thông tin báo chí', 'Press conference, press briefing'),
    fields: [
      { key: 'spokesperson', label: l('Người phát ngôn, chủ trì', 'Spokesperson'), type: 'text', required: true },
      { key: 'outletsPresent', label: l('Số cơ quan báo chí tham dự', 'Press outlets present'), type: 'int' },
      { key: 'questionsAnswered', label: l('Số câu hỏi được trả lời', 'Questions answered'), type: 'int' },
    ],
  },
  delegation: {
    label: l('Đoàn ra, đoàn vào', 'Delegation in or out'),
    fields: [
      {
        key: 'direction',
        label: l('Đoàn ra / đoàn vào', 'Out / in'),
        type: 'enum',
        required: true,
        options: { in: l('Đoàn vào', 'Incoming'), out: l('Đoàn ra', 'Outgoing') },
      },
      { key: 'country', label: l('Quốc gia, vùng lãnh thổ', 'Country'), type: 'text', required: true },
      { key: 'size', label: l('Số thành viên', 'Members'), type: 'int', required: true },
      { key: 'purpose', label: l('Mục đích', 'Purpose'), type: 'longtext' },
    ],
  },
  training: {
    label: l('Tập huấn, bồi dưỡng nghiệp vụ', 'Training course'),
    fields: [
      { key: 'trainees', label: l('Số người được tập huấn', 'Trainees'), type: 'int', required: true },
      { key: 'days', label: l('Số ngày', 'Days'), type: 'decimal' },
      { key: 'materials', label: l('Tài liệu', 'Materials'), type: 'text' },
    ],
  },
  publication: {
    label: l('Ấn phẩm, tài liệu xuất bản', 'Publication'),
    fields: [
      {
        key: 'publicationType',
        label: l('Loại ấn phẩm', 'Kind of publication'),
        type: 'enum',
        required: true,
        options: {
          book: l('Sách', 'Book'),
          brochure: l('Tờ gấp, sách mỏng', 'Brochure, leaflet'),
          video: l('Video clip quảng bá', 'Promotional video'),
          map: l('Bản đồ', 'Map'),
          document: l('Tài liệu nghiệp vụ', 'Reference document'),
          other: l('Khác', 'Other'),
        },
      },
      { key: 'language', label: l('Ngôn ngữ', 'Language'), type: 'enum', required: true, options: LANGUAGES },
      { key: 'copies', label: l('Số bản', 'Copies'), type: 'int' },
      { key: 'distribution', label: l('Nơi phát hành', 'Distribution'), type: 'text' },
    ],
  },
  content: {
    label: l('Tin, bài, chương trình, video', 'Content item (article, bulletin, broadcast, video)'),
    fields: [
      {
        key: 'contentType',
        label: l('Loại sản phẩm', 'Kind of item'),
        type: 'enum',
        required: true,
        options: {
          article: l('Tin, bài', 'Article'),
          bulletin: l('Bản tin', 'Bulletin'),
          broadcast: l('Chương trình phát thanh, truyền hình', 'Broadcast'),
          video: l('Video, clip', 'Video'),
        },
      },
      { key: 'outlet', label: l('Cơ quan đăng, phát', 'Outlet'), type: 'text', required: true },
      { key: 'language', label: l('Ngôn ngữ', 'Language'), type: 'enum', required: true, options: LANGUAGES },
      { key: 'theme', label: l('Chủ đề', 'Theme'), type: 'text' },
      { key: 'url', label: l('Đường dẫn', 'Link'), type: 'url' },
    ],
  },
  contract: {
    label: l('Hợp đồng, đặt hàng với cơ quan báo chí', 'Contract with a press agency'),
    fields: [
      { key: 'partner', label: l('Cơ quan báo chí', 'Press agency'), type: 'text', required: true },
      { key: 'value', label: l('Giá trị hợp đồng (đồng)', 'Contract value (VND)'), type: 'amount' },
      { key: 'deliverables', label: l('Sản phẩm phải giao', 'Deliverables'), type: 'longtext' },
      {
        key: 'status',
        label: l('Tình trạng', 'Status'),
        type: 'enum',
        required: true,
        options: {
          signed: l('Đã ký', 'Signed'),
          in_progress: l('Đang thực hiện', 'In progress'),
          completed: l('Đã nghiệm thu', 'Completed'),
          cancelled: l('Đã hủy', 'Cancelled'),
        },
      },
    ],
  },
  rebroadcast: {
    label: l('Phát lại chương trình TTĐN quốc gia', 'Rebroadcast of a national programme'),
    fields: [
      { key: 'programme', label: l('Chương trình', 'Programme'), type: 'text', required: true },
      { key: 'channel', label: l('Kênh phát', 'Channel'), type: 'text', required: true },
      { key: 'durationMinutes', label: l('Thời lượng (phút)', 'Duration (minutes)'), type: 'int' },
    ],
  },
  site_inspection: {
    label: l('Kiểm tra Cụm thông tin đối ngoại cửa khẩu', 'Inspection of a border-gate information cluster'),
    fields: [
      {
        key: 'site',
        label: l('Cụm thông tin đối ngoại', 'Cluster'),
        type: 'enum',
        required: true,
        options: {
          lao_bao: l('Cửa khẩu Quốc tế Lao Bảo', 'Lao Bảo international border gate'),
          la_lay: l('Cửa khẩu Quốc tế La Lay', 'La Lay international border gate'),
        },
      },
      {
        key: 'equipmentState',
        label: l('Tình trạng thiết bị', 'Equipment state'),
        type: 'enum',
        required: true,
        options: { good: l('Hoạt động tốt', 'Working'), degraded: l('Hoạt động kém', 'Degraded'), faulty: l('Hỏng', 'Faulty') },
      },
      { key: 'faults', label: l('Hư hỏng phát hiện', 'Faults found'), type: 'longtext' },
      { key: 'followUp', label: l('Biện pháp khắc phục', 'Follow-up'), type: 'longtext' },
    ],
  },
} as const satisfies Record<string, { label: Label; fields: readonly FieldSpec[] }>;

export type ActivityKind = keyof typeof ACTIVITY_KINDS;
export const ACTIVITY_KIND_VALUES = Object.keys(ACTIVITY_KINDS) as [ActivityKind, ...ActivityKind[]];
export const kindFields = (kind: ActivityKind): readonly FieldSpec[] => ACTIVITY_KINDS[kind].fields;

/** The zod schema of one field (blank optional values become absent). */
export function fieldSchema(f: FieldSpec): z.ZodType {
  let s: z.ZodType;
  switch (f.type) {
    case 'int':
      s = z.number().int().min(0).max(100_000_000);
      break;
    case 'amount':
      s = z.number().int().min(0).max(1_000_000_000_000_000);
      break;
    case 'decimal':
      s = z.number().min(0).max(100_000);
      break;
    case 'enum':
      s = z.enum(Object.keys(f.options!) as [string, ...string[]]);
      break;
    case 'url':
      s = z.url({ protocol: /^https?$/ }).max(2000);
      break;
    case 'longtext':
      s = z.string().trim().max(10_000);
      break;
    default:
      s = z
        .string()
        .trim()
        .min(f.required ? 1 : 0)
        .max(1000);
  }
  return f.required ? s : s.nullable().optional();
}

export const detailsSchema = (kind: ActivityKind) =>
  z.strictObject(Object.fromEntries(kindFields(kind).map((f) => [f.key, fieldSchema(f)])) as Record<string, z.ZodType>);

/** `{ kind, details }` validated per kind (a discriminated union on `kind`). */
export const kindDetails = z.discriminatedUnion(
  'kind',
  ACTIVITY_KIND_VALUES.map((kind) => z.object({ kind: z.literal(kind), details: detailsSchema(kind) })) as unknown as [
    z.ZodObject<{ kind: z.ZodLiteral<ActivityKind>; details: z.ZodType<Record<string, unknown>> }>,
    ...z.ZodObject<{ kind: z.ZodLiteral<ActivityKind>; details: z.ZodType<Record<string, unknown>> }>[],
  ],
);
