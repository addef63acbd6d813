import { z } from 'zod';

/** Schemas shared by routes: ids, dates, paging, the error body. */
export const uuidParam = z.object({ id: z.uuid() });
/**
 * A name people type (organisations, aliases): NFC, so the same letters typed as combining marks
 * (NFD) are the same name; zero-width characters, soft hyphens and bidi controls (RTL overrides)
 * are refused, so a look-alike of an existing name cannot be made with invisible characters.
 */
// Zero-width space/joiners, LRM/RLM, bidi embeddings and overrides, isolates, word joiner, BOM, soft hyphen.
const INVISIBLE_OR_BIDI = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD]/;
export const nameText = (min: number, max: number) =>
  z
    .string()
    .refine((s) => !INVISIBLE_OR_BIDI.test(s), 'không được chứa ký tự ẩn (khoảng trắng độ rộng 0, gạch nối mềm) hay ký tự đổi chiều chữ')
    .transform((s) => s.normalize('NFC').trim().replace(/\s+/g, ' '))
    .pipe(z.string().min(min).max(max));

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày phải có dạng YYYY-MM-DD');
export const paging = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
};
export const errorBody = z.object({
  code: z.string(),
  message: z.string(),
  details: z.record(z.string(), z.unknown()),
});
export const ok = z.object({ ok: z.literal(true) });
export const paged = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
