/**
 * Shapes of the plan importer: the extracted source (SourceDoc) and the parsed plan
 * (ParsedPlan). Field names of ParsedPlan are fixed: other tools read them
 * (`ttdn plan import FILE --json`). Extra fields are additions, never renames.
 */

export type SourceFormat = 'docx' | 'md' | 'txt' | 'pdf' | 'image' | 'doc' | 'odt';

/** One block of the source: a paragraph, heading, list item or table row. */
export interface SourceBlock {
  /** 1-based position: the line number for .md/.txt, the block number for .docx. */
  line: number;
  kind: 'p' | 'heading' | 'li' | 'row';
  /** Plain text (markdown markers removed for md, cells joined by ' | ' for rows). */
  text: string;
  /** The text as it stood in the source (for md/txt the raw line). */
  raw: string;
  /** Heading level (1–6) for headings; list nesting (1…) for list items. */
  level?: number;
  /** Whole block in bold (markdown `**…**` or Word bold runs). */
  bold?: boolean;
  /** Table rows: cells, each a list of the paragraphs it holds. */
  cells?: string[][];
  /** Table rows: which table of the document (0-based) and row index in it. */
  table?: number;
  row?: number;
  /**
   * Table rows from .docx: cells are one per grid column; a cell covered by a merge is empty
   * and marked here: 'left' (gridSpan of the cell before), 'up' (vMerge of the cell above).
   */
  merged?: Array<'left' | 'up' | null>;
  /** Whole block in italics (.docx). */
  italic?: boolean;
  /** Paragraph alignment (.docx). */
  align?: 'left' | 'center' | 'right' | 'justify';
  /** The number Word's automatic numbering draws in front of the paragraph (already in `text`). */
  listLabel?: string;
  /** Footnotes and endnotes (.docx), read after the body; the parser leaves them out. */
  note?: 'footnote' | 'endnote';
  /** Page of a PDF or scan the block was read on (1-based). */
  page?: number;
}

export interface SourceDoc {
  filename: string;
  format: SourceFormat;
  blocks: SourceBlock[];
  /** The whole text, one block a line, for display beside the extracted plan. */
  text: string;
  warnings: PlanWarning[];
  /** Set when pages were read by OCR (a scan, a page image): the text needs a person's review. */
  ocr?: OcrInfo;
}

export interface OcrInfo {
  engine: 'tesseract';
  language: 'vie';
  /** Mean word confidence over the pages read by OCR, 0–100. */
  confidence: number;
  /** Each page read by OCR: its mean word confidence, its words, and those under 60. */
  pages: Array<{ page: number; confidence: number; words: number; doubtful: number }>;
}

/** A note for the person checking the import; the message comes from plans.messages.ts. */
export interface PlanWarning {
  code: string;
  line?: number;
  details?: Record<string, string | number>;
}

export type RoleKey = 'lead' | 'advisory' | 'coordinating';

/**
 * One step from an organisation (or group) that had ended by the resolution date to one that took
 * over: `Sở TTTT (đến 28/02/2025) → Sở VHTTDL: nhiệm vụ TTĐN` (stepMessage gives the message).
 */
export interface SuccessorStep {
  from: string;
  fromName: string;
  fromShortName?: string;
  /** Last day of the organisation left behind. */
  validTo: string | null;
  to: string;
  toName: string;
  toShortName?: string;
  /** The duty (DUTY_CODES) that decided the link when the duties were split; null when all moved. */
  duty?: string | null;
}

/** A successor the user may choose when the task did not tell which one took it over. */
export interface SuccessorCandidate {
  orgId: string;
  name: string;
  chain: SuccessorStep[];
}

export interface OrgEntry {
  /** Directory name once resolved; the written name before. */
  name: string;
  orgId: string | null;
  /** The text as written in the plan. */
  raw: string;
  /** Set when the entry is a group phrase (GROUP_PHRASES key). */
  group?: string;
  /** Group phrases that cannot be listed (`các đơn vị có liên quan`). */
  open?: boolean;
  /** Filled by resolvePlanOrgs. */
  score?: number;
  suggestions?: Array<{ orgId: string; name: string; score: number }>;
  groupId?: string | null;
  members?: Array<{ orgId: string; name: string }>;
  /** Steps followed from the name as written to the organisation or group valid on the resolution date. */
  chain?: SuccessorStep[];
  /** Set (with orgId null) when several successors fit: the user chooses one of `candidates`. */
  needsChoice?: boolean;
  candidates?: SuccessorCandidate[];
}

export interface TimeWindow {
  label: string;
  from: string | null;
  to: string | null;
}

export interface Target {
  text: string;
  min: number;
}

export interface PlanTask {
  code: string;
  parent: string | null;
  title: string;
  content: string[];
  time: TimeWindow;
  lead: OrgEntry[];
  advisory: OrgEntry[];
  coordinating: OrgEntry[];
  targets: Target[];
  /** Other labelled fields (`Kinh phí: …`, `Sản phẩm: …`, `Ghi chú: …`) as written. */
  notes: Array<{ label: string; text: string }>;
  /** First and last source line of the task. */
  sourceLines: [number, number];
}

export interface LegalBasis {
  text: string;
  ref: string | null;
  kind: string | null;
  date: string | null;
  issuer: string | null;
  subject: string | null;
}

export interface PlanDocument {
  kind: string | null;
  /** The whole số ký hiệu as written: `27/KH-UBND`, `06/2014/QĐ-UBND`; null while the serial is blank (`Số: /KH-UBND`). */
  number: string | null;
  /** Document code after the number: `KH-UBND`. */
  numberCode: string | null;
  /** The serial alone (`27`), null when blank. */
  numberSerial?: string | null;
  issuer: string | null;
  /** Where the issuer was read: the header block, or inferred from the signature block. */
  issuerSource: 'header' | 'signature' | null;
  /** Parent body above the issuer in the header (`UBND TỈNH QUẢNG TRỊ` above a department). */
  issuerParent: string | null;
  place: string | null;
  issuedOn: string | null;
  /** Year written in the date line even when the day and month are blank. */
  issuedYear: number | null;
  title: string | null;
  /** A line in parentheses under the title (`(Ban hành kèm theo Quyết định số …)`). */
  subtitle?: string | null;
  yearFrom: number | null;
  yearTo: number | null;
  signer: string | null;
  /** Signature block lines above the name: `TM. ỦY BAN NHÂN DÂN TỈNH`, `KT. CHỦ TỊCH`, `PHÓ CHỦ TỊCH`. */
  signerTitle: string[];
}

export interface ImplementationItem {
  code: string | null;
  text: string;
  orgs: OrgEntry[];
}

export interface ParsedPlan {
  document: PlanDocument;
  legalBases: LegalBasis[];
  /** The sentence closing the legal bases (`UBND tỉnh … xây dựng Kế hoạch … như sau:`). */
  preamble: string | null;
  objectives: string[];
  requirements: string[];
  tasks: PlanTask[];
  budget: { text: string; sources: string[] };
  implementation: ImplementationItem[];
  reporting: { deadlines: Array<{ day: number; month: number }>; adHoc: boolean; text: string[] };
  /** The closing paragraph (`Trên đây là Kế hoạch …`). */
  closing: string[];
  recipients: string[];
  unparsed: string[];
  /** Each unparsed line with its source line number. */
  unparsedLines: Array<{ line: number; text: string }>;
  warnings: PlanWarning[];
  /** The date the organisations were resolved as of (filled by resolvePlanOrgs). */
  resolvedAsOf?: string | null;
}
