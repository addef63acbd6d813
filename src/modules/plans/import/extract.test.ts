import JSZip from 'jszip';
import { Document, Packer, Paragraph } from 'docx';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractSource } from './source/extract';
import { readCentralDirectory } from './source/zip-guard';
import { expectRefused, fixture, SEED } from './test-helpers';
import { messages } from '../plans.messages';
import { httpStatus } from '../../../server/error-status';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

async function smallDocx(text = 'KẾ HOẠCH'): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph(text)] }] }));
}

describe('extractSource: accepted files', () => {
  it('reads the markdown seed into blocks with line numbers', async () => {
    const doc = await extractSource(fixture(SEED), SEED);
    expect(doc.format).toBe('md');
    expect(doc.blocks[0]).toMatchObject({ line: 3, text: 'Số: /KH-UBND' });
    expect(doc.blocks.find((b) => b.text.startsWith('II. NỘI DUNG'))).toMatchObject({ kind: 'heading', level: 2, bold: true });
  });

  it('strips a UTF-8 BOM and decodes UTF-16 LE and BE with a BOM', async () => {
    const text = 'KẾ HOẠCH\nCông tác thông tin đối ngoại năm 2024\n';
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    expect((await extractSource(bom, 'a.txt')).blocks[0].text).toBe('KẾ HOẠCH');
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect((await extractSource(le, 'a.txt')).blocks[1].text).toBe('Công tác thông tin đối ngoại năm 2024');
    const be = Buffer.from(Buffer.from(text, 'utf16le')).swap16();
    expect((await extractSource(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'a.txt')).blocks[0].text).toBe('KẾ HOẠCH');
  });

  it('reads a .docx by its content even when named .md', async () => {
    const doc = await extractSource(await smallDocx('Xin chào'), 'renamed.md');
    expect(doc.format).toBe('docx');
    expect(doc.text).toBe('Xin chào');
  });

  it('reads Word tables as rows of cells', async () => {
    const { Table, TableRow, TableCell } = await import('docx');
    const buf = await Packer.toBuffer(
      new Document({
        sections: [
          {
            children: [
              new Table({
                rows: [
                  new TableRow({
                    children: [
                      new TableCell({ children: [new Paragraph('a'), new Paragraph('b')] }),
                      new TableCell({ children: [new Paragraph('c')] }),
                    ],
                  }),
                ],
              }),
            ],
          },
        ],
      }),
    );
    const doc = await extractSource(buf, 't.docx');
    expect(doc.blocks[0]).toMatchObject({ kind: 'row', cells: [['a', 'b'], ['c']], table: 0, row: 0 });
  });
});

describe('extractSource: bad files are refused within a second', () => {
  let bomb: Buffer;
  let manyEntries: Buffer;
  let lyingSizes: Buffer;
  beforeAll(async () => {
    // a real zip bomb: 200 MB of one byte, deflated to ~200 KB, inside a docx-looking archive
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('word/document.xml', Buffer.alloc(200 * 1024 * 1024, 0x30));
    bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });

    const many = new JSZip();
    for (let i = 0; i < 2500; i++) many.file(`word/media/${i}.xml`, '<a/>');
    manyEntries = await many.generateAsync({ type: 'nodebuffer' });

    // sizes that lie: document.xml holds 2 MB but the archive declares 1000 bytes
    const lying = new JSZip();
    lying.file('[Content_Types].xml', '<Types/>');
    lying.file('word/document.xml', Buffer.alloc(2 * 1024 * 1024, 0x41));
    lyingSizes = await lying.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const entry = readCentralDirectory(lyingSizes).find((e) => e.name === 'word/document.xml')!;
    lyingSizes.writeUInt32LE(1000, entry.localHeaderOffset + 22);
    const eocd = lyingSizes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    let at = lyingSizes.readUInt32LE(eocd + 16);
    while (lyingSizes.readUInt32LE(at) === 0x02014b50) {
      const nameLen = lyingSizes.readUInt16LE(at + 28);
      if (lyingSizes.toString('utf8', at + 46, at + 46 + nameLen) === 'word/document.xml') lyingSizes.writeUInt32LE(1000, at + 24);
      at += 46 + nameLen + lyingSizes.readUInt16LE(at + 30) + lyingSizes.readUInt16LE(at + 32);
    }
  }, 60_000);

  it('an empty file → plan.file_empty (400)', async () => {
    const { ms, error } = await expectRefused(() => extractSource(Buffer.alloc(0), 'empty.docx'), 'plan.file_empty');
    expect(httpStatus(error.code)).toBe(400);
    expect(ms).toBeLessThan(1000);
    await expectRefused(() => extractSource(Buffer.from('  \n\n \t\n'), 'blank.md'), 'plan.file_empty');
  });

  it('a huge .docx (over 20 MB) → plan.file_too_large (413)', async () => {
    const huge = Buffer.alloc(21 * 1024 * 1024);
    huge.write('PK\u0003\u0004', 0, 'latin1');
    const { ms, error } = await expectRefused(() => extractSource(huge, 'big.docx'), 'plan.file_too_large');
    expect(httpStatus(error.code)).toBe(413);
    expect(error.details).toMatchObject({ maxMb: 20 });
    expect(ms).toBeLessThan(1000);
  });

  it('a zip bomb (200 MB of zeros) → plan.file_zip_bomb', async () => {
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const { ms, error } = await expectRefused(() => extractSource(bomb, 'bomb.docx'), 'plan.file_zip_bomb');
    expect(httpStatus(error.code)).toBe(413);
    expect(ms).toBeLessThan(1000);
  });

  it('an archive with thousands of entries → plan.file_zip_bomb', async () => {
    const { ms } = await expectRefused(() => extractSource(manyEntries, 'many.docx'), 'plan.file_zip_bomb');
    expect(ms).toBeLessThan(1000);
  });

  it('an archive whose declared sizes lie → plan.file_zip_bomb before jszip inflates it', async () => {
    const { ms, error } = await expectRefused(() => extractSource(lyingSizes, 'lying.docx'), 'plan.file_zip_bomb');
    expect(error.details).toMatchObject({ entry: 'word/document.xml' });
    expect(ms).toBeLessThan(1000);
  });

  it('a truncated .docx → plan.file_corrupt', async () => {
    const full = await smallDocx('Nội dung');
    const { ms, error } = await expectRefused(
      () => extractSource(full.subarray(0, Math.floor(full.length * 0.6)), 'cut.docx'),
      'plan.file_corrupt',
    );
    expect(httpStatus(error.code)).toBe(400);
    expect(ms).toBeLessThan(1000);
  });

  it('a zip that is not a Word document (an .xlsx renamed) → plan.file_unsupported', async () => {
    const zip = new JSZip();
    zip.file('xl/workbook.xml', '<workbook/>');
    const buf = await zip.generateAsync({ type: 'nodebuffer' });
    const { error } = await expectRefused(() => extractSource(buf, 'plan.docx'), 'plan.file_unsupported');
    expect(error.details).toMatchObject({ detected: 'xlsx' });
  });

  it('a PNG renamed .docx → plan.file_unsupported (415)', async () => {
    const { ms, error } = await expectRefused(() => extractSource(PNG, 'photo.docx'), 'plan.file_unsupported');
    expect(httpStatus(error.code)).toBe(415);
    expect(error.details).toMatchObject({ detected: 'png' });
    expect(ms).toBeLessThan(1000);
  });

  it('random bytes → plan.file_corrupt, as .docx and as .txt', async () => {
    let seed = 42;
    const random = Buffer.from(Buffer.alloc(4096, 0).map(() => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff));
    random[0] = 0x13; // not a known signature
    await expectRefused(() => extractSource(random, 'random.docx'), 'plan.file_corrupt');
    await expectRefused(() => extractSource(random, 'random.txt'), 'plan.file_corrupt');
  });

  it('a broken PDF and a broken .doc are refused with their own messages; other types are unsupported', async () => {
    await expectRefused(() => extractSource(Buffer.from('%PDF-1.7\n...'), 'plan.pdf'), 'plan.file_corrupt');
    await expectRefused(() => extractSource(Buffer.from('not a pdf at all'), 'plan.pdf'), 'plan.file_corrupt');
    // A .doc goes to LibreOffice; a header with nothing behind it converts to nothing.
    const broken = await extractSource(Buffer.from('d0cf11e0a1b11ae10000', 'hex'), 'plan.doc').then(
      () => null,
      (e: { code?: string }) => e.code,
    );
    expect(['plan.file_corrupt', 'tool.failed']).toContain(broken);
    await expectRefused(() => extractSource(Buffer.from('a,b\n1,2'), 'plan.csv'), 'plan.file_unsupported');
  });

  it('every refusal code has a Vietnamese and an English message', () => {
    for (const code of [
      'plan.file_empty',
      'plan.file_too_large',
      'plan.file_unsupported',
      'plan.file_corrupt',
      'plan.file_zip_bomb',
      'plan.file_no_text',
    ]) {
      expect(messages.vi).toHaveProperty([code]);
      expect(messages.en).toHaveProperty([code]);
    }
    expect(Object.keys(messages.en).sort()).toEqual(Object.keys(messages.vi).sort());
  });
});
