import { z } from 'zod';

/** What the routes of library.routes.ts answer (the web's types come from these too). */

/** GET '/api/legal-docs' → 200 */
export const legalDocsAnswer = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      docType: z.string(),
      number: z.string(),
      issuedOn: z.string().nullable(),
      issuer: z.string(),
      title: z.string(),
      url: z.string().nullable(),
      version: z.number(),
      tasks: z.array(z.object({ id: z.string(), code: z.string(), title: z.string(), planId: z.string() })),
    }),
  ),
});
export type LegalDocs = z.infer<typeof legalDocsAnswer>;
