import { inflateRawSync } from 'node:zlib';
import { AppError } from '../../../../shared/errors';
import { MAX_ENTRY_RATIO, MAX_UNZIPPED_BYTES, MAX_ZIP_ENTRIES, RATIO_CHECK_MIN_BYTES } from './limits';

/**
 * Reads a zip archive's central directory by hand (no decompression) and refuses
 * archives that are truncated or whose declared sizes are abnormal; then inflates the
 * XML parts with an output cap, so that sizes that lie are caught too.
 * Runs before any XML is parsed; the docx reader takes the parts inflated here.
 */
export interface ZipEntryInfo {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const U32_MAX = 0xffffffff;

const corrupt = (reason: string) => new AppError('plan.file_corrupt', { reason });
const bomb = (reason: string, extra: Record<string, unknown> = {}) => new AppError('plan.file_zip_bomb', { reason, ...extra });

function findEocd(buf: Buffer): number {
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) {
    if (buf.readUInt32LE(i) === EOCD) return i;
  }
  return -1;
}

function readBig(buf: Buffer, at: number): number {
  const v = buf.readBigUInt64LE(at);
  return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v);
}

export function readCentralDirectory(buf: Buffer): ZipEntryInfo[] {
  if (buf.length < 22) throw corrupt('archive too short');
  const eocd = findEocd(buf);
  if (eocd < 0) throw corrupt('zip end record missing (truncated file?)');
  let count = buf.readUInt16LE(eocd + 10);
  let cdSize = buf.readUInt32LE(eocd + 12);
  let cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === U32_MAX || cdOffset === U32_MAX) {
    const loc = eocd - 20;
    if (loc < 0 || buf.readUInt32LE(loc) !== ZIP64_LOCATOR) throw corrupt('zip64 locator missing');
    const z64 = readBig(buf, loc + 8);
    if (z64 + 56 > buf.length || buf.readUInt32LE(z64) !== ZIP64_EOCD) throw corrupt('zip64 end record missing');
    count = readBig(buf, z64 + 32);
    cdSize = readBig(buf, z64 + 40);
    cdOffset = readBig(buf, z64 + 48);
  }
  if (count > MAX_ZIP_ENTRIES) throw bomb('too many entries', { entries: count, max: MAX_ZIP_ENTRIES });
  if (cdOffset + cdSize > buf.length) throw corrupt('central directory out of range (truncated file?)');

  const entries: ZipEntryInfo[] = [];
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) throw corrupt('bad central directory entry');
    const method = buf.readUInt16LE(at + 10);
    let compressedSize = buf.readUInt32LE(at + 20);
    let uncompressedSize = buf.readUInt32LE(at + 24);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    let localHeaderOffset = buf.readUInt32LE(at + 42);
    if (at + 46 + nameLen + extraLen > buf.length) throw corrupt('bad central directory entry');
    const name = buf.toString('utf8', at + 46, at + 46 + nameLen);
    // Zip64 extended information: the fields that are 0xFFFFFFFF follow in order.
    let x = at + 46 + nameLen;
    const xEnd = x + extraLen;
    while (x + 4 <= xEnd) {
      const id = buf.readUInt16LE(x);
      const size = buf.readUInt16LE(x + 2);
      if (id === 0x0001) {
        let p = x + 4;
        if (uncompressedSize === U32_MAX && p + 8 <= xEnd) {
          uncompressedSize = readBig(buf, p);
          p += 8;
        }
        if (compressedSize === U32_MAX && p + 8 <= xEnd) {
          compressedSize = readBig(buf, p);
          p += 8;
        }
        if (localHeaderOffset === U32_MAX && p + 8 <= xEnd) {
          localHeaderOffset = readBig(buf, p);
        }
      }
      x += 4 + size;
    }
    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Declared sizes: total, per-entry ratio. Throws plan.file_zip_bomb / plan.file_corrupt. */
export function checkDeclaredSizes(entries: ZipEntryInfo[]): void {
  let total = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    if (total > MAX_UNZIPPED_BYTES) {
      throw bomb('declared uncompressed size too large', { totalMb: Math.round(total / 1048576), maxMb: MAX_UNZIPPED_BYTES / 1048576 });
    }
    if (e.uncompressedSize >= RATIO_CHECK_MIN_BYTES) {
      const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
      if (ratio > MAX_ENTRY_RATIO) throw bomb('compression ratio too high', { entry: e.name, ratio: Math.round(ratio) });
    }
  }
}

function entryData(buf: Buffer, e: ZipEntryInfo): Buffer {
  const at = e.localHeaderOffset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOCAL) throw corrupt(`bad local header for ${e.name}`);
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const end = start + e.compressedSize;
  if (end > buf.length) throw corrupt(`entry ${e.name} truncated`);
  return buf.subarray(start, end);
}

/**
 * Inflates the XML parts (what the docx reader reads) with an output cap equal to their declared
 * size, so an archive that lies about its sizes is refused before jszip inflates it unbounded.
 */
export function checkActualSizes(buf: Buffer, entries: ZipEntryInfo[]): Map<string, Buffer> {
  let budget = MAX_UNZIPPED_BYTES;
  const parts = new Map<string, Buffer>();
  for (const e of entries) {
    if (!/\.(xml|rels)$/i.test(e.name)) continue;
    const data = entryData(buf, e);
    if (e.method === 0) {
      if (data.length !== e.uncompressedSize) throw corrupt(`size mismatch in ${e.name}`);
      parts.set(e.name, data);
      continue;
    }
    if (e.method !== 8) throw corrupt(`unsupported compression method ${e.method} in ${e.name}`);
    const cap = Math.min(e.uncompressedSize, budget);
    let out: Buffer;
    try {
      out = inflateRawSync(data, { maxOutputLength: Math.max(1, cap) });
    } catch (err) {
      if (err instanceof RangeError || (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        throw bomb('entry larger than declared', { entry: e.name });
      }
      throw corrupt(`cannot inflate ${e.name}`);
    }
    if (out.length !== e.uncompressedSize) throw corrupt(`size mismatch in ${e.name}`);
    budget -= out.length;
    parts.set(e.name, out);
  }
  return parts;
}

/** All checks on a .docx archive; returns its XML parts, inflated within the caps. */
export function guardDocxArchive(buf: Buffer): Map<string, Buffer> {
  const entries = readCentralDirectory(buf);
  checkDeclaredSizes(entries);
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('word/document.xml')) {
    const kind = names.has('xl/workbook.xml')
      ? 'xlsx'
      : names.has('ppt/presentation.xml')
        ? 'pptx'
        : names.has('content.xml')
          ? 'odf'
          : 'zip';
    throw new AppError('plan.file_unsupported', { detected: kind });
  }
  return checkActualSizes(buf, entries);
}
