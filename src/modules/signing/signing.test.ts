import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, DEMO, type Client, type TestContext } from '../../../test/context';
import { loadConfig } from '../../config';
import { docxToPdf } from '../../shared/tools';
import { loadP12, makeCertificate, toP12 } from './credentials';
import { signPdf } from './sign-pdf';
import { ensureDemoCertificate, signingSetup } from './signing.service';
import { verifyPdf } from './verify-pdf';

/**
 * Signed PDFs: the issued consolidated report → .docx → PDF (LibreOffice) → PAdES signature with
 * the organisation's certificate (issued by a test CA made here); checked by the product and by
 * poppler's pdfsig; one byte changed inside the signed bytes is caught by both.
 */
const run = promisify(execFile);
const SIGNER = 'Sở Văn hóa, Thể thao và Du lịch';
let dir: string;
let ctx: TestContext;
let sec: Client;
let officer: Client;
let periodId: string;
let signed: Buffer;

async function pdfsig(pdf: Buffer, name: string): Promise<string> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, pdf);
  // pdfsig exits non-zero when a signature does not verify; its report is on stdout either way
  const out = await run('pdfsig', [file]).catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? '' }));
  return out.stdout;
}

const verify = (c: Client, pdf: Buffer) =>
  c.request({
    method: 'POST',
    url: '/api/signatures/verify?filename=bao-cao.pdf',
    headers: { 'content-type': 'application/pdf' },
    payload: pdf,
  });

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ttdn-signing-'));
  const ca = makeCertificate({ commonName: 'CA thử nghiệm ttdn', ca: true });
  const org = makeCertificate({ commonName: SIGNER, organisation: 'UBND tỉnh', issuer: ca });
  fs.writeFileSync(path.join(dir, 'org.p12'), toP12(org.key, [org.cert, ca.cert], 'mat-khau-thu'));
  fs.writeFileSync(path.join(dir, 'ca.pem'), ca.certPem);
  ctx = await createTestContext({
    SIGNING_P12: path.join(dir, 'org.p12'),
    SIGNING_P12_PASSWORD: 'mat-khau-thu',
    SIGNING_TRUST: path.join(dir, 'ca.pem'),
  });
  sec = await ctx.login(DEMO.secretariat);
  officer = await ctx.login(DEMO.officer);
  const periods = (await sec.request({ method: 'GET', url: '/api/report-periods?year=2023' })).json().items as {
    id: string;
    kind: string;
  }[];
  periodId = periods.find((p) => p.kind === 'six_months')!.id;
});
afterAll(async () => {
  await ctx?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the consolidated report, signed', () => {
  it('is refused before it is issued, then signed once issued', async () => {
    const early = await sec.request({ method: 'POST', url: `/api/report-periods/${periodId}/consolidated/signed.pdf` });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('report.consolidated_not_issued');
    const c = (await sec.request({ method: 'GET', url: `/api/report-periods/${periodId}/consolidated` })).json();
    const issued = await sec.request({
      method: 'POST',
      url: `/api/report-periods/${periodId}/consolidated/issue`,
      payload: { version: c.version },
    });
    expect(issued.statusCode, issued.body).toBe(200);
    const res = await sec.request({ method: 'POST', url: `/api/report-periods/${periodId}/consolidated/signed.pdf` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    signed = res.rawPayload;
    expect(signed.subarray(0, 5).toString()).toBe('%PDF-');
    const text = (await run('pdftotext', ['-layout', await write(signed, 'signed.pdf'), '-'])).stdout;
    expect(text).toContain(`Số: ${issued.json().number}`);
  }, 120_000);

  it('verifies with pdfsig: valid, the signer named, PAdES sub-filter, the whole document signed', async () => {
    const report = await pdfsig(signed, 'signed.pdf');
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain(`Signer Certificate Common Name: ${SIGNER}`);
    expect(report).toContain('Signature Type: ETSI.CAdES.detached');
    expect(report).toContain('Signing Hash Algorithm: SHA-256');
    expect(report).toContain('Total document signed');
  });

  it('verifies in the product: valid, with the signer and the time', async () => {
    const res = await verify(officer, signed);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.signed).toBe(true);
    expect(body.signatures).toHaveLength(1);
    expect(body.signatures[0]).toMatchObject({ status: 'valid', signerName: SIGNER, signerOrg: 'UBND tỉnh', coversWholeFile: true });
    expect(Math.abs(Date.parse(body.signatures[0].signedAt) - Date.now())).toBeLessThan(5 * 60_000);
    expect(body.signatures[0].statusLabel).toBe('Chữ ký hợp lệ, văn bản không bị thay đổi');
  });

  it('one byte changed inside the signed range: the product says altered, pdfsig a digest mismatch', async () => {
    const range = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)/.exec(signed.toString('latin1'))!;
    const at = Math.floor(Number(range[2]) / 2);
    const altered = Buffer.from(signed);
    altered[at] ^= 0x01;
    expect(altered.equals(signed)).toBe(false);
    const body = (await verify(officer, altered)).json();
    expect(body.signatures[0]).toMatchObject({ status: 'altered', signerName: SIGNER });
    const report = await pdfsig(altered, 'altered.pdf');
    expect(report).not.toContain('Signature is Valid');
    expect(report).toMatch(/Signature Validation: (Digest Mismatch|Signature is Invalid)/);
  });
});

describe('a plan, signed', () => {
  it('a draft is refused; once issued it is signed with its register number, and pdfsig and the product find it valid', async () => {
    const created = await sec.request({
      method: 'POST',
      url: '/api/plans',
      payload: {
        document: { title: 'Kế hoạch thử ký số', yearFrom: 2027, yearTo: 2027, numberCode: 'KH-UBND' },
        tasks: [{ code: '1', title: 'Nhiệm vụ' }],
      },
    });
    const id = created.json().id as string;
    const draft = await sec.request({ method: 'POST', url: `/api/plans/${id}/signed.pdf` });
    expect(draft.statusCode).toBe(409);
    expect(draft.json().code).toBe('plan.not_issued');
    const issued = await sec.request({ method: 'POST', url: `/api/plans/${id}/status`, payload: { status: 'issued' } });
    const number = issued.json().number as string;
    expect(number).toMatch(/^\d{2}\/KH-UBND$/);
    const res = await sec.request({ method: 'POST', url: `/api/plans/${id}/signed.pdf` });
    expect(res.statusCode, res.body).toBe(200);
    const text = (await run('pdftotext', ['-layout', await write(res.rawPayload, 'plan.pdf'), '-'])).stdout;
    expect(text).toContain(`Số: ${number}`);
    expect(await pdfsig(res.rawPayload, 'plan.pdf')).toContain('Signature Validation: Signature is Valid.');
    expect((await verify(officer, res.rawPayload)).json().signatures[0]).toMatchObject({ status: 'valid', signerName: SIGNER });
    // an officer does not sign the province's plan
    expect((await officer.request({ method: 'POST', url: `/api/plans/${id}/signed.pdf` })).statusCode).toBe(403);
  }, 120_000);
});

describe('uploaded PDFs', () => {
  it('a signer outside the trusted authorities is named as unknown; an unsigned PDF has no signature; a non-PDF is refused', async () => {
    const stranger = makeCertificate({ commonName: 'Người lạ' });
    const creds = await loadP12(toP12(stranger.key, [stranger.cert], 'x'), 'x');
    const doc = await PDFDocument.create();
    doc.addPage().drawText('Van ban');
    const plain = Buffer.from(await doc.save());
    const other = await signPdf(plain, creds, { reason: 'thử', location: 'Hà Nội' });
    expect((await verify(sec, other)).json().signatures[0]).toMatchObject({ status: 'unknown_signer', signerName: 'Người lạ' });
    // pdfsig: the signature itself is sound, its issuer unknown
    expect(await pdfsig(other, 'other.pdf')).toContain('Signature is Valid.');
    expect((await verify(sec, plain)).json()).toMatchObject({ signed: false, signatures: [] });
    const notPdf = await verify(sec, Buffer.from('PK\u0003\u0004 not a pdf'));
    expect(notPdf.statusCode).toBe(415);
    expect(notPdf.json().code).toBe('signing.not_pdf');
  });
});

describe('a signed PDF attached to a report', () => {
  it('shows its signer and time, and an altered copy as altered', async () => {
    const deadline = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const period = await sec.request({
      method: 'POST',
      url: '/api/report-periods/ad-hoc',
      payload: { title: 'Báo cáo đột xuất có tệp ký số', orgIds: [officer.user.orgId], deadline, questions: ['Kết quả?'] },
    });
    expect(period.statusCode, period.body).toBe(201);
    const opened = await officer.request({
      method: 'POST',
      url: `/api/report-periods/${period.json().id}/reports`,
      payload: { orgId: officer.user.orgId },
    });
    const reportId = opened.json().id as string;
    const attach = (pdf: Buffer, filename: string) =>
      officer.request({
        method: 'POST',
        url: `/api/reports/${reportId}/files?filename=${filename}`,
        headers: { 'content-type': 'application/octet-stream' },
        payload: pdf,
      });
    const good = await attach(signed, 'bao-cao-da-ky.pdf');
    expect(good.statusCode, good.body).toBe(201);
    const altered = Buffer.from(signed);
    altered[200] ^= 0x01;
    const bad = await attach(altered, 'bao-cao-da-sua.pdf');
    const check = async (id: string) => (await officer.request({ method: 'GET', url: `/api/report-files/${id}/signatures` })).json();
    expect((await check(good.json().id)).signatures[0]).toMatchObject({ status: 'valid', signerName: SIGNER });
    expect((await check(bad.json().id)).signatures[0]).toMatchObject({ status: 'altered', signerName: SIGNER });
  });
});

describe('configuration', () => {
  it('a wrong password stops the start with a sentence naming SIGNING_P12; the demo makes its own self-signed certificate', async () => {
    const bad = loadConfig({ DATA_DIR: dir, SIGNING_P12: path.join(dir, 'org.p12'), SIGNING_P12_PASSWORD: 'sai' }).signing;
    await expect(signingSetup(bad)).rejects.toThrow(/SIGNING_P12.*không dùng được/);
    expect(() => loadConfig({ SIGNING_P12: path.join(dir, 'missing.p12') })).toThrow(/SIGNING_P12/);
    const demo = loadConfig({ DATA_DIR: path.join(dir, 'data') }).signing;
    expect(ensureDemoCertificate(demo, 'Sở Văn hóa, Thể thao và Du lịch')).toContain('demo.p12');
    expect(fs.statSync(path.join(dir, 'data', 'signing', 'demo.p12.password')).mode & 0o077).toBe(0);
    const setup = await signingSetup(demo);
    expect(setup).toMatchObject({ source: 'demo', credentials: { commonName: 'Sở Văn hóa, Thể thao và Du lịch' } });
    // its own self-signed certificate is trusted as it is
    const doc = await PDFDocument.create();
    doc.addPage();
    const pdf = await signPdf(Buffer.from(await doc.save()), setup.credentials!, { reason: 'thử', location: 'Tỉnh' });
    expect((await verifyPdf(pdf, setup.trusted))[0].status).toBe('valid');
  });

  it('without LibreOffice the PDF export names the package to install', async () => {
    await expect(docxToPdf(Buffer.from('x'), 'bao-cao.docx', { env: { PATH: dir } })).rejects.toMatchObject({
      code: 'tool.missing',
      details: { packages: 'libreoffice-writer-nogui' },
    });
  });
});

async function write(pdf: Buffer, name: string) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, pdf);
  return file;
}
