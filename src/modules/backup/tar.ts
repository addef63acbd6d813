import fs from 'node:fs';
import zlib from 'node:zlib';
import { once } from 'node:events';

/**
 * A minimal POSIX (ustar + pax) tar writer and reader over gzip, enough for backups:
 * regular files only, long names through pax `path` records. The archives open with the
 * system's `tar -xzf`. No dependency: the format is 512-byte blocks.
 */
const BLOCK = 512;

function octal(n: number, width: number): string {
  return n.toString(8).padStart(width - 1, '0') + '\0';
}

function header(name: string, size: number, type: '0' | 'x', mtime: number): Buffer {
  const h = Buffer.alloc(BLOCK);
  h.write(name.slice(0, 99), 0, 'utf8');
  h.write(octal(0o644, 8), 100);
  h.write(octal(0, 8), 108);
  h.write(octal(0, 8), 116);
  h.write(octal(size, 12), 124);
  h.write(octal(Math.floor(mtime / 1000), 12), 136);
  h.write('        ', 148); // checksum placeholder
  h.write(type, 156);
  h.write('ustar\0', 257);
  h.write('00', 263);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148);
  return h;
}

function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  let len = Buffer.byteLength(body) + 1;
  while (String(len).length + Buffer.byteLength(body) !== len) len = String(len).length + Buffer.byteLength(body);
  return `${len}${body}`;
}

const padding = (size: number) => Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);

export class TarGzWriter {
  private gzip = zlib.createGzip({ level: 6 });
  private out: fs.WriteStream;
  private done: Promise<void>;

  constructor(file: string) {
    this.out = fs.createWriteStream(file, { flags: 'wx' });
    this.gzip.pipe(this.out);
    this.done = new Promise((resolve, reject) => {
      this.out.on('close', resolve);
      this.out.on('error', reject);
      this.gzip.on('error', reject);
    });
  }

  private async write(buf: Buffer) {
    if (!this.gzip.write(buf)) await once(this.gzip, 'drain');
  }

  private async head(name: string, size: number, mtime: number) {
    if (Buffer.byteLength(name) > 99) {
      const pax = Buffer.from(paxRecord('path', name));
      await this.write(header('PaxHeader', pax.length, 'x', mtime));
      await this.write(pax);
      await this.write(padding(pax.length));
    }
    await this.write(header(name, size, '0', mtime));
  }

  async addBuffer(name: string, data: Buffer, mtime = Date.now()) {
    await this.head(name, data.length, mtime);
    await this.write(data);
    await this.write(padding(data.length));
  }

  async addFile(name: string, file: string) {
    const st = fs.statSync(file);
    await this.head(name, st.size, st.mtimeMs);
    let written = 0;
    for await (const chunk of fs.createReadStream(file)) {
      written += (chunk as Buffer).length;
      await this.write(chunk as Buffer);
    }
    if (written !== st.size) throw new Error(`${file} changed while being archived`);
    await this.write(padding(st.size));
  }

  async close() {
    await this.write(Buffer.alloc(BLOCK * 2));
    this.gzip.end();
    await this.done;
  }
}

export interface TarEntry {
  name: string;
  size: number;
  /** Reads the body in chunks (must be consumed before the next entry). */
  chunks(): AsyncGenerator<Buffer>;
}

/** Reads entries of a .tar.gz in order. Throws on a truncated or corrupt archive. */
export async function* readTarGz(file: string): AsyncGenerator<TarEntry> {
  const source = fs.createReadStream(file).pipe(zlib.createGunzip())[Symbol.asyncIterator]();
  let buf = Buffer.alloc(0);
  const need = async (n: number) => {
    while (buf.length < n) {
      const next = await source.next();
      if (next.done) throw new Error('archive truncated');
      buf = Buffer.concat([buf, next.value as Buffer]);
    }
  };
  const take = async (n: number) => {
    await need(n);
    const out = buf.subarray(0, n);
    buf = buf.subarray(n);
    return out;
  };
  let paxPath: string | null = null;
  for (;;) {
    const h = await take(BLOCK);
    if (h.every((b) => b === 0)) return;
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i];
    const stored = parseInt(h.subarray(148, 156).toString('latin1').replace(/\0.*$/s, '').trim(), 8);
    if (stored !== sum) throw new Error('archive corrupt (header checksum)');
    const str = (a: number, b: number) => h.subarray(a, b).toString('utf8').replace(/\0.*$/s, '');
    const size = parseInt(str(124, 136).trim() || '0', 8);
    const type = str(156, 157) || '0';
    const prefix = str(345, 500);
    let name = prefix ? `${prefix}/${str(0, 100)}` : str(0, 100);
    const pad = (BLOCK - (size % BLOCK)) % BLOCK;
    if (type === 'x') {
      const body = (await take(size)).toString('utf8');
      await take(pad);
      const m = body.match(/(?:^|\n)\d+ path=([^\n]*)\n/);
      paxPath = m ? m[1] : null;
      continue;
    }
    if (paxPath) name = paxPath;
    paxPath = null;
    let left = size;
    let consumed = false;
    const entry: TarEntry = {
      name,
      size,
      async *chunks() {
        consumed = true;
        while (left > 0) {
          if (buf.length === 0) await need(1);
          const n = Math.min(left, buf.length);
          const out = buf.subarray(0, n);
          buf = buf.subarray(n);
          left -= n;
          yield out;
        }
      },
    };
    if (type === '0' || type === '\0' || type === '') yield entry;
    if (!consumed || left > 0) for await (const _ of entry.chunks()) void _;
    await take(pad);
  }
}

/** Reads a whole entry as text (for small entries such as the manifest). */
export async function entryText(entry: TarEntry): Promise<string> {
  const parts: Buffer[] = [];
  for await (const c of entry.chunks()) parts.push(Buffer.from(c));
  return Buffer.concat(parts).toString('utf8');
}

/** Splits an entry into lines (JSON lines), without holding the whole entry. */
export async function* entryLines(entry: TarEntry): AsyncGenerator<string> {
  let rest = '';
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for await (const c of entry.chunks()) {
    rest += decoder.decode(c, { stream: true });
    let i: number;
    while ((i = rest.indexOf('\n')) >= 0) {
      const line = rest.slice(0, i);
      rest = rest.slice(i + 1);
      if (line) yield line;
    }
  }
  rest += decoder.decode();
  if (rest) yield rest;
}
