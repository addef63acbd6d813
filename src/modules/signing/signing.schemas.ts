import { z } from 'zod';

export const SIGNATURE_STATUSES = ['valid', 'altered', 'unknown_signer', 'malformed'] as const;

export const signatureCheckDto = z.object({
  status: z.enum(SIGNATURE_STATUSES),
  /** The status in words, in the reader's language. */
  statusLabel: z.string(),
  signerName: z.string().nullable(),
  signerOrg: z.string().nullable(),
  signedAt: z.string().nullable(),
  coversWholeFile: z.boolean(),
});

export const verifyAnswer = z.object({ filename: z.string(), signed: z.boolean(), signatures: z.array(signatureCheckDto) });

export const verifyQuery = z.object({ filename: z.string().min(1).max(300).default('van-ban.pdf') });

export const certificateDto = z.object({
  configured: z.boolean(),
  source: z.enum(['file', 'demo']).nullable(),
  commonName: z.string().nullable(),
  notAfter: z.string().nullable(),
});
