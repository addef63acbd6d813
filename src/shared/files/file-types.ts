import { AppError } from '../errors';

/**
 * Attachments the product accepts (reports, activities, press cases): the type is read
 * from the file's first bytes and must match its name; empty and oversized files are refused.
 * One list for every module, so a rule changes in one place.
 */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

const isZip = (b: Buffer) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const FILE_TYPES: { ext: string[]; mime: string; test: (b: Buffer) => boolean }[] = [
  { ext: ['pdf'], mime: 'application/pdf', test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  {
    ext: ['docx'],
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    test: (b) => isZip(b) && b.includes('word/'),
  },
  { ext: ['xlsx'], mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', test: (b) => isZip(b) && b.includes('xl/') },
  {
    ext: ['pptx'],
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    test: (b) => isZip(b) && b.includes('ppt/'),
  },
  { ext: ['odt'], mime: 'application/vnd.oasis.opendocument.text', test: (b) => isZip(b) && b.includes('opendocument.text') },
  { ext: ['jpg', 'jpeg'], mime: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { ext: ['png'], mime: 'image/png', test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { ext: ['mp4'], mime: 'video/mp4', test: (b) => b.subarray(4, 8).toString('latin1') === 'ftyp' },
  { ext: ['txt'], mime: 'text/plain; charset=utf-8', test: (b) => !b.subarray(0, 4096).includes(0) },
];
export const ATTACHMENT_EXTENSIONS = FILE_TYPES.flatMap((t) => t.ext);

/**
 * The MIME type of an accepted attachment, or an AppError:
 * `file.empty` (400), `file.too_large` (413), `file.type` (415, name not accepted),
 * `file.content_mismatch` (415, bytes do not match the name).
 */
export function checkAttachment(filename: string, body: Buffer, maxBytes = MAX_ATTACHMENT_BYTES): string {
  const ext = filename.toLowerCase().split('.').pop() ?? '';
  const type = FILE_TYPES.find((t) => t.ext.includes(ext));
  if (!type) throw new AppError('file.type', { field: 'filename', filename, allowed: ATTACHMENT_EXTENSIONS.join(', ') });
  if (!body.length) throw new AppError('file.empty', { field: 'body', filename });
  if (body.length > maxBytes) throw new AppError('file.too_large', { field: 'body', filename, maxMb: maxBytes / 1024 / 1024 });
  if (!type.test(body)) throw new AppError('file.content_mismatch', { field: 'body', filename, ext });
  return type.mime;
}
