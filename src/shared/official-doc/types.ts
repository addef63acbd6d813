/**
 * A plain description of a Vietnamese official document (văn bản hành chính) laid out
 * by Nghị định 30/2020/NĐ-CP. Plans, reports and press digests fill it in; the builder
 * knows nothing of plans.
 */
export interface OfficialIssuer {
  /** Governing body above the issuer (`UBND TỈNH QUẢNG TRỊ` above `SỞ THÔNG TIN VÀ TRUYỀN THÔNG`), or none. */
  parent?: string | null;
  /** The issuing body; `\n` breaks it across lines (`ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ`). Printed in capitals. */
  name: string;
}

export type OfficialBlock =
  /** level 1: `I. MỤC TIÊU, YÊU CẦU`; level 2: `1. Mục tiêu`; level 3: `2.1. …` (bold italic) */
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  | { type: 'paragraph'; text: string; bold?: boolean; italic?: boolean; align?: 'justify' | 'center' | 'left' | 'right'; indent?: boolean }
  /** A list line with its typed marker (`-`, `+`), as official documents write them. */
  | { type: 'bullet'; text: string; marker?: string; level?: 1 | 2 }
  | { type: 'table'; header: string[]; rows: string[][]; widths?: number[]; fontSizePt?: number }
  | { type: 'pageBreak' };

export interface OfficialSignature {
  /** Lines above the name: `TM. ỦY BAN NHÂN DÂN TỈNH`, `KT. CHỦ TỊCH`, `PHÓ CHỦ TỊCH`. */
  lines: string[];
  name: string | null;
  /** Shown in the signing space, e.g. `(Đã ký)`; empty space when absent. */
  signedMark?: string | null;
}

export interface OfficialDocSpec {
  issuer: OfficialIssuer;
  /** Registration number; null leaves it blank for the clerk (`Số:      /KH-UBND`). */
  number: string | null;
  /** Document kind code: `KH`, `BC`, `QĐ`, `TB` … */
  kindCode: string;
  /** Issuer code after the kind code: `UBND`, `STTTT`. */
  issuerCode: string;
  place: string;
  /** YYYY-MM-DD, or null for a draft (`ngày      tháng      năm 2023`). */
  date: string | null;
  /** Year printed when date is null. */
  year?: number | null;
  /** Kind in words, printed in capitals: `KẾ HOẠCH`, `BÁO CÁO`. */
  kind: string;
  /** Title (trích yếu), one or more lines, bold and centred. */
  title: string | string[];
  subtitle?: string | null;
  body: OfficialBlock[];
  signature: OfficialSignature;
  /** `Nơi nhận` entries without their `- ` and `;`. The last is usually `Lưu: VT, …`. */
  recipients: string[];
  /** Body size, 13 or 14 pt (default 14). */
  fontSizePt?: 13 | 14;
  /** Page numbers centred at the top from page 2 on (default true). */
  pageNumbers?: boolean;
  /** Document properties. */
  meta?: { title?: string; creator?: string; description?: string };
}
