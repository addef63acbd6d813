/** Recognises a file's real type from its first bytes, whatever its name says. */
export type Detected =
  | 'zip'
  | 'pdf'
  | 'ole2'
  | 'png'
  | 'jpeg'
  | 'tiff'
  | 'gif'
  | 'webp'
  | 'gzip'
  | 'rar'
  | '7z'
  | 'elf'
  | 'exe'
  | 'rtf'
  | 'mp4'
  | 'utf16'
  | null;

const startsWith = (buf: Buffer, bytes: number[], at = 0): boolean =>
  buf.length >= at + bytes.length && bytes.every((b, i) => buf[at + i] === b);

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

export function sniff(buf: Buffer): Detected {
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04]) || startsWith(buf, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (startsWith(buf, ascii('%PDF'))) return 'pdf';
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole2';
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47])) return 'png';
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(buf, [0x49, 0x49, 0x2a, 0x00]) || startsWith(buf, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (startsWith(buf, ascii('GIF8'))) return 'gif';
  if (startsWith(buf, ascii('RIFF')) && startsWith(buf, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(buf, [0x1f, 0x8b])) return 'gzip';
  if (startsWith(buf, ascii('Rar!'))) return 'rar';
  if (startsWith(buf, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return '7z';
  if (startsWith(buf, [0x7f, 0x45, 0x4c, 0x46])) return 'elf';
  if (startsWith(buf, ascii('MZ'))) return 'exe';
  if (startsWith(buf, ascii('{\\rtf'))) return 'rtf';
  if (startsWith(buf, ascii('ftyp'), 4)) return 'mp4';
  if (startsWith(buf, [0xff, 0xfe]) || startsWith(buf, [0xfe, 0xff])) return 'utf16';
  return null;
}
