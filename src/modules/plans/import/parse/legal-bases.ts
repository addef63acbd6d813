import { fold } from '../../../../shared/text/fold';
import type { LegalBasis } from '../types';
import { isoDate, trimPunct } from './text-utils';

/**
 * Legal bases (`Căn cứ …;`, `Thực hiện …`). One sentence often cites several documents
 * separated by `;`: each becomes an entry with its kind, reference, date and issuer.
 * The last piece of the sentence, when it cites no document (`UBND tỉnh … xây dựng Kế
 * hoạch … như sau:`), is the preamble.
 */
export const DOCUMENT_KINDS = [
  'Thông tư liên tịch',
  'Nghị quyết liên tịch',
  'Bộ luật',
  'Luật',
  'Pháp lệnh',
  'Nghị quyết',
  'Nghị định',
  'Quyết định',
  'Chỉ thị',
  'Thông tư',
  'Công văn',
  'Văn bản',
  'Kế hoạch',
  'Chương trình',
  'Kết luận',
  'Hướng dẫn',
  'Thông báo',
  'Đề án',
  'Chiến lược',
  'Quy chế',
  'Công điện',
  'Hiến pháp',
];
const KIND_FOLDED = DOCUMENT_KINDS.map((k) => ({ kind: k, f: fold(k) })).sort((a, b) => b.f.length - a.f.length);

const LEAD = /^(?:căn cứ|thực hiện|theo|triển khai|để triển khai|nhằm triển khai|xét)\s+/iu;
export const isLegalStart = (folded: string) => /^(can cu|thuc hien|de trien khai|nham trien khai)\b/.test(folded);

const REF = /(?:số|số hiệu)\s*:?\s*(\d+[a-z]?[/-][\p{L}\p{N}\-–&./]*[\p{L}\p{N}])/u;
const REF_BARE = /(?<![\p{L}\p{N}/])(\d+[a-z]?\/(?:\d{4}\/)?\p{Lu}[\p{L}\p{N}\-–&/]*[\p{L}\p{N}])/u;
/** A party document cited without `số`: `Quyết định 1517-QĐ/TU`, `Công văn 479-CV/TU`. */
const REF_PARTY = /(?<![\p{L}\p{N}/])(\d+-\p{Lu}[\p{L}]*\/\p{Lu}[\p{L}\p{N}\-–&/]*[\p{L}\p{N}])/u;

function readDate(s: string): string | null {
  const m =
    /ngày\s+(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})/iu.exec(s) ?? /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu.exec(s);
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

function readKind(s: string): string | null {
  const f = fold(s);
  for (const k of KIND_FOLDED) if (f.startsWith(k.f) && !/[a-z]/.test(f[k.f.length] ?? '')) return k.kind;
  return null;
}

export function parseLegalPiece(piece: string): LegalBasis | null {
  const text = trimPunct(piece.trim());
  if (!text) return null;
  // a code broken by the page before its last part (`21/CT -TTg`) is one code
  const body = text.replace(LEAD, '').replace(/(\d\/[\p{Lu}\p{N}][\p{L}\p{N}-]*)\s+([-–]\p{Lu})/gu, '$1$2');
  const kind = readKind(body);
  const ref = (REF.exec(body) ?? REF_BARE.exec(body) ?? REF_PARTY.exec(body))?.[1] ?? null;
  if (!kind && !ref) return null;
  const date = readDate(body);
  const issuerM = /\bcủa\s+(.+?)(?=\s+(?:về việc|về|ban hành|phê duyệt|quy định|hướng dẫn|triển khai|thực hiện)(?=\s|$)|[,;]|$)/u.exec(
    body,
  );
  const subjectM = /\s(?:về việc|về)\s+(.+)$/u.exec(body) ?? /\s((?:phê duyệt|ban hành|quy định|hướng dẫn)\s+.+)$/u.exec(body);
  return {
    text,
    ref,
    kind,
    date,
    issuer: issuerM ? issuerM[1].trim() : null,
    subject: subjectM ? subjectM[1].trim() : null,
  };
}

/** Splits legal-basis paragraphs into documents; returns the bases and the trailing preamble. */
export function parseLegalBases(paragraphs: string[]): { bases: LegalBasis[]; preamble: string[] } {
  const bases: LegalBasis[] = [];
  const preamble: string[] = [];
  for (const para of paragraphs) {
    const pieces = splitTopLevel(para);
    for (const piece of pieces) {
      // the proposal a decision is made on (`Theo đề nghị của Giám đốc Sở …`) is no basis, whatever it cites
      if (/^(xet|theo) de nghi\b/.test(fold(piece.trim()))) {
        preamble.push(piece.trim());
        continue;
      }
      const basis = parseLegalPiece(piece);
      if (basis) bases.push(basis);
      else if (piece.trim()) {
        // a piece without a document: part of the previous basis unless it is the closing clause
        const last = bases[bases.length - 1];
        const f = fold(piece);
        if (
          last &&
          !/(xay dung|ban hanh|trien khai)\s+(ke hoach|chuong trinh)|nhu sau/.test(f) &&
          !isLegalStart(f) &&
          !/^(xet|theo) de nghi\b/.test(f)
        ) {
          last.text = `${last.text}; ${trimPunct(piece.trim())}`;
        } else {
          preamble.push(piece.trim());
        }
      }
    }
  }
  return { bases, preamble };
}

/** `, Thông tư số …`: a comma before another document cited (one sentence listing several). */
const NEXT_DOCUMENT = new RegExp(`(?:,|\\s+và)\\s+(?=(?:${DOCUMENT_KINDS.join('|')})\\s+(?:số\\s*)?\\d)`, 'u');
/** `, Ủy ban nhân dân tỉnh … ban hành Kế hoạch … như sau`: the closing clause after a comma. */
const CLOSING_CLAUSE =
  /,\s+(?=(?:Ủy ban nhân dân|UBND|Sở|Ban|Hội đồng nhân dân|HĐND)\b[^;]{0,120}?\b(?:ban hành|xây dựng)\s+(?:Kế hoạch|Chương trình|Quyết định))/iu;

/**
 * The next document cited in the same sentence. After `và`, only one with `số`, or when the piece before
 * cites none yet: `… tại Chỉ thị 09/CT-TTg … và Chỉ thị 07/CT-TTg` is the subject of one letter, not two bases.
 */
function nextDocument(rest: string): RegExpExecArray | null {
  const re = new RegExp(NEXT_DOCUMENT.source, 'gu');
  for (let m = re.exec(rest); m; m = re.exec(rest)) {
    if (m[0].startsWith(',')) return m;
    const before = rest.slice(0, m.index);
    const after = rest.slice(m.index + m[0].length);
    if (/^\p{L}+(?:\s+\p{L}+)?\s+số(?!\p{L})/u.test(after) || !(REF.test(before) || REF_BARE.test(before) || REF_PARTY.test(before)))
      return m;
  }
  return null;
}

/** Splits on `;` outside parentheses and quotes, then on commas that start another document or the closing clause. */
function splitTopLevel(s: string): string[] {
  return splitSemicolons(s).flatMap((piece) => {
    const parts: string[] = [];
    let rest = piece;
    for (;;) {
      const at = [nextDocument(rest), CLOSING_CLAUSE.exec(rest)].filter((m): m is RegExpExecArray => m !== null);
      if (at.length === 0) break;
      const cut = at.reduce((a, b) => (b.index < a.index ? b : a));
      parts.push(rest.slice(0, cut.index));
      rest = rest.slice(cut.index + cut[0].length).trimStart();
    }
    parts.push(rest);
    return parts;
  });
}

function splitSemicolons(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let buf = '';
  for (const ch of s) {
    if (ch === '(' || ch === '“') depth++;
    if ((ch === ')' || ch === '”') && depth > 0) depth--;
    if (ch === ';' && depth === 0) {
      out.push(buf);
      buf = '';
    } else buf += ch;
  }
  if (buf.trim()) out.push(buf);
  return out;
}
