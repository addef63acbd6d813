import { z } from 'zod';

/** One commune-level unit as the init takes it: official code, name with its level, level. */
export const communeInput = z.object({
  code: z.string().regex(/^\d{5}$/, 'mã đơn vị hành chính gồm 5 chữ số'),
  name: z.string().trim().min(2).max(200),
  level: z.enum(['xa', 'phuong', 'dac_khu']),
});

export const provinceInitInput = z.object({
  /** The province's name without "tỉnh": "Hà Tĩnh". */
  name: z.string().trim().min(2).max(100),
  /** Key or name of the standard department that runs the secretariat; default Sở VHTTDL. */
  secretariat: z.string().trim().min(2).max(200).optional(),
  communes: z
    .array(communeInput)
    .min(1)
    .max(1000)
    .refine((list) => new Set(list.map((c) => c.code)).size === list.length, { message: 'mã đơn vị hành chính bị trùng' }),
});
export type ProvinceInitInput = z.infer<typeof provinceInitInput>;

const named = z.object({ id: z.string(), name: z.string() });
export const provinceInitResult = z.object({
  province: named.extend({ issuer: z.string(), place: z.string() }),
  departments: z.array(named),
  communes: z.object({ total: z.number().int(), xa: z.number().int(), phuong: z.number().int(), dac_khu: z.number().int() }),
  groups: z.array(z.object({ key: z.string(), name: z.string(), members: z.number().int() })),
  secretariat: named,
});
export type ProvinceInitResult = z.infer<typeof provinceInitResult>;

export const standardDepartmentDto = z.object({ key: z.string(), name: z.string(), shortName: z.string(), everywhere: z.boolean() });
export const provinceSetupDto = z.object({
  directoryEmpty: z.boolean(),
  departments: z.array(standardDepartmentDto),
  defaultSecretariat: z.string(),
});
export const communePreviewDto = z.object({ communes: z.array(communeInput.extend({ row: z.number().int() })) });
