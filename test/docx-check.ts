import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';

/**
 * Reading produced .docx files in tests: the XML of the body (unzipped with jszip), its
 * paragraphs with their spacing and keep-with-next, and the pages LibreOffice lays out
 * (`soffice --headless --convert-to pdf`, then `pdftotext -layout`, one string per page).
 */
const run = promisify(execFile);

export async function documentXml(docx: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(docx);
  return zip.file('word/document.xml')!.async('string');
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

export interface DocxParagraph {
  text: string;
  before: number;
  after: number;
  keepNext: boolean;
  bold: boolean;
  /** A horizontal rule (an empty paragraph with a border). */
  rule: boolean;
  /** Inside a table (header, data tables, signature block). */
  inTable: boolean;
}

/** Every paragraph of the body in order, with what ND 30 checks. */
export function paragraphs(xml: string): DocxParagraph[] {
  const body = xml.slice(xml.indexOf('<w:body>'));
  const out: DocxParagraph[] = [];
  let depth = 0;
  const re = /<w:tbl>|<\/w:tbl>|<w:p>[^]*?<\/w:p>|<w:p [^>]*>[^]*?<\/w:p>|<w:p\/>/g;
  for (const m of body.matchAll(re)) {
    const x = m[0];
    if (x === '<w:tbl>') depth++;
    else if (x === '</w:tbl>') depth--;
    else {
      const pPr = /<w:pPr>([^]*?)<\/w:pPr>/.exec(x)?.[1] ?? '';
      const num = (k: string) => Number(new RegExp(`<w:spacing [^>]*w:${k}="(\\d+)"`).exec(pPr)?.[1] ?? 0);
      out.push({
        text: unescape([...x.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')),
        before: num('before'),
        after: num('after'),
        keepNext: /<w:keepNext\/>/.test(pPr),
        bold: /<w:b\/>/.test(x),
        rule: /<w:pBdr>/.test(pPr),
        inTable: depth > 0,
      });
    }
  }
  return out;
}

/** Texts of all paragraphs, one a line. */
export async function docxText(docx: Buffer): Promise<string> {
  return paragraphs(await documentXml(docx))
    .map((p) => p.text)
    .join('\n');
}

/** Lays the documents out with LibreOffice (one call for all) and returns each one's pages as text. */
export async function layOut(docs: Buffer[]): Promise<string[][]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ttdn-docx-'));
  try {
    const files = await Promise.all(
      docs.map(async (d, i) => {
        const f = path.join(dir, `d${i}.docx`);
        await writeFile(f, d);
        return f;
      }),
    );
    await run('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files], {
      timeout: 180_000,
    });
    const out: string[][] = [];
    for (let i = 0; i < docs.length; i++) {
      const pdf = path.join(dir, `d${i}.pdf`);
      await run('pdftotext', ['-layout', pdf, path.join(dir, `d${i}.txt`)]);
      const text = await readFile(path.join(dir, `d${i}.txt`), 'utf8');
      out.push(text.split('\f').filter((p, n, all) => n < all.length - 1 || p.trim()));
    }
    return out;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * What Nghị định 30/2020/NĐ-CP, Phụ lục I asks of the file itself, as a list of problems (empty
 * when right): A4, margins in their ranges, Times New Roman, body paragraphs at least 6 pt apart,
 * the signature table's row unsplittable and every line before the name kept with the next, the
 * paragraph before the signature kept with it, the Quốc hiệu and motto present.
 */
export function nd30Problems(xml: string, styles?: string): string[] {
  const problems: string[] = [];
  if (!/<w:pgSz w:w="11906" w:h="16838"/.test(xml)) problems.push('paper is not A4');
  const margin = /<w:pgMar ([^>]*)\/>/.exec(xml)?.[1] ?? '';
  const mm = (k: string) => (Number(new RegExp(`w:${k}="(\\d+)"`).exec(margin)?.[1] ?? 0) * 25.4) / 1440;
  for (const [k, lo, hi] of [
    ['top', 20, 25],
    ['bottom', 20, 25],
    ['left', 30, 35],
    ['right', 15, 20],
  ] as const)
    if (mm(k) < lo || mm(k) > hi) problems.push(`margin ${k} ${mm(k).toFixed(1)} mm`);
  if (styles !== undefined && !styles.includes('Times New Roman')) problems.push('font is not Times New Roman');
  if (!xml.includes('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM') || !xml.includes('Độc lập - Tự do - Hạnh phúc')) problems.push('no Quốc hiệu');
  const ps = paragraphs(xml);
  // The kind and title lines are centred under the header; the body starts after the rule below them.
  const start = ps.findIndex((p) => !p.inTable && p.rule);
  const body = ps.slice(start + 1).filter((p) => !p.inTable && p.text.trim());
  if (start < 0) problems.push('no rule under the title');
  for (const p of body) if (Math.max(p.before, p.after) < 120) problems.push(`spacing under 6 pt: "${p.text.slice(0, 40)}"`);
  const tables = [...xml.matchAll(/<w:tbl>[^]*?<\/w:tbl>/g)];
  const last = tables.at(-1);
  if (!last) problems.push('no signature table');
  else {
    const sig = last[0];
    if (!/<w:cantSplit\/>/.test(sig)) problems.push('signature row may split across pages');
    const cells = [...sig.matchAll(/<w:tc>[^]*?<\/w:tc>/g)].map((c) => paragraphs(`<w:body>${c[0]}`));
    const right = cells.at(-1) ?? [];
    if (!right.length || !right.at(-1)!.text.trim()) problems.push('no line for the signer name');
    for (const p of right.slice(0, -1)) if (!p.keepNext) problems.push(`signature line not kept with the next: "${p.text}"`);
    const before = xml.slice(0, last.index);
    const prev = paragraphs(before)
      .filter((p) => !p.inTable)
      .at(-1);
    if (prev && !prev.keepNext) problems.push('the paragraph before the signature is not kept with it');
  }
  return problems;
}

/** nd30Problems of a .docx file. */
export async function nd30ProblemsOf(docx: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(docx);
  return nd30Problems(await zip.file('word/document.xml')!.async('string'), await zip.file('word/styles.xml')!.async('string'));
}
