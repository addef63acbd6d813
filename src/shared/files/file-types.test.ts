import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { checkAttachment } from './file-types';

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as AppError).code;
  }
  return 'ok';
};

describe('attachment checks', () => {
  it('accepts a file whose bytes match its name', () => {
    expect(checkAttachment('a.pdf', Buffer.from('%PDF-1.7 ...'))).toBe('application/pdf');
    expect(checkAttachment('b.PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1]))).toBe('image/png');
  });
  it('refuses unknown names, empty, oversized and disguised files', () => {
    expect(code(() => checkAttachment('x.exe', Buffer.from('MZ')))).toBe('file.type');
    expect(code(() => checkAttachment('x.pdf', Buffer.alloc(0)))).toBe('file.empty');
    expect(code(() => checkAttachment('x.pdf', Buffer.alloc(11, 0x25), 10))).toBe('file.too_large');
    expect(code(() => checkAttachment('x.pdf', Buffer.from('MZ this is an exe')))).toBe('file.content_mismatch');
    expect(code(() => checkAttachment('x.txt', Buffer.from([0x41, 0, 0x42])))).toBe('file.content_mismatch');
  });
});
