import type { RouteDeps } from '../../http';
import { READ_ALL, requestLang } from '../../http';
import { AppError } from '../../shared/errors';
import { certificateDto, verifyAnswer, verifyQuery } from './signing.schemas';
import { signatureAnswer, signingSetup, verifyUploadedPdf } from './signing.service';

const tags = ['signing'];

/** Checking signed PDFs, and which certificate the organisation signs with. Reads the signing set-up at boot. */
export async function signingRoutes({ app, config }: RouteDeps) {
  const setup = await signingSetup(config.signing);

  app.post(
    '/api/signatures/verify',
    {
      config: { access: READ_ALL },
      schema: {
        tags,
        summary:
          'Kiểm tra chữ ký số của một tệp PDF (gửi nguyên tệp, application/pdf hoặc application/octet-stream): hợp lệ, đã bị thay đổi, hay người ký không được tin cậy; người ký và thời gian ký',
        querystring: verifyQuery,
        response: { 200: verifyAnswer },
      },
    },
    async (request) => {
      const body = request.body;
      if (!Buffer.isBuffer(body)) throw new AppError('signing.file_empty');
      const checks = await verifyUploadedPdf(config.signing, body, request.query.filename);
      return signatureAnswer(request.query.filename, checks, requestLang(request));
    },
  );

  app.get(
    '/api/signing/certificate',
    {
      config: { access: ['admin', 'secretariat'] },
      schema: { tags, summary: 'Chứng thư số cơ quan dùng để ký văn bản', response: { 200: certificateDto } },
    },
    async () => ({
      configured: !!setup.credentials,
      source: setup.source,
      commonName: setup.credentials?.commonName ?? null,
      notAfter: setup.credentials?.notAfter.toISOString() ?? null,
    }),
  );
}
