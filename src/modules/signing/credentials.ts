import { createPrivateKey, generateKeyPairSync, randomBytes, webcrypto } from 'node:crypto';
import forge from 'node-forge';
import * as pkijs from 'pkijs';
import { AppError } from '../../shared/errors';

pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as Crypto }));

/** An organisation's signing key and certificate, read from its PKCS#12 file. */
export interface SigningCredentials {
  privateKey: CryptoKey;
  certificate: pkijs.Certificate;
  /** The certificates that came with it (issuers), signer's first. */
  chain: pkijs.Certificate[];
  commonName: string;
  notAfter: Date;
}

const toArrayBuffer = (b: Uint8Array): ArrayBuffer => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

export function certificateFromDer(der: Uint8Array): pkijs.Certificate {
  return pkijs.Certificate.fromBER(toArrayBuffer(der));
}

/** The subject's common name (CN) of a certificate. */
export function commonNameOf(cert: pkijs.Certificate): string {
  const cn = cert.subject.typesAndValues.find((t) => t.type === '2.5.4.3');
  return cn ? String(cn.value.valueBlock.value) : '';
}

/** Certificates of a PEM text (a trust list: the CAs whose certificates the product accepts). */
export function certificatesFromPem(pem: string): pkijs.Certificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((b) => certificateFromDer(Buffer.from(b.replace(/-----[^-]+-----|\s/g, ''), 'base64')));
}

/**
 * Reads a PKCS#12 (.p12/.pfx) file: the private key and its certificate chain. A wrong
 * password or a file that is not PKCS#12 is `signing.p12_unreadable`; an expired certificate
 * `signing.certificate_expired`.
 */
export async function loadP12(buf: Buffer, password: string, now = new Date()): Promise<SigningCredentials> {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(forge.util.createBuffer(buf.toString('binary'))), password);
  } catch (err) {
    throw new AppError('signing.p12_unreadable', { reason: (err as Error).message });
  }
  const keyBag = [
    ...(p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag] ?? []),
    ...(p12.getBags({ bagType: forge.pki.oids.keyBag })[forge.pki.oids.keyBag] ?? []),
  ][0];
  const certBags = p12.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [];
  if (!keyBag?.key || !certBags.length) throw new AppError('signing.p12_unreadable', { reason: 'no key or certificate' });
  const pkcs8 = createPrivateKey(forge.pki.privateKeyToPem(keyBag.key)).export({ type: 'pkcs8', format: 'der' });
  const privateKey = await webcrypto.subtle.importKey('pkcs8', pkcs8, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
  const certs = certBags.map((b) =>
    certificateFromDer(Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(b.cert!)).getBytes(), 'binary')),
  );
  // The signer's certificate is the one whose public key matches the key.
  const keyModulus = (keyBag.key as forge.pki.rsa.PrivateKey).n.toString(16);
  const signerAt = certBags.findIndex((b) => (b.cert!.publicKey as forge.pki.rsa.PublicKey).n.toString(16) === keyModulus);
  const certificate = certs[signerAt < 0 ? 0 : signerAt];
  const notAfter = certificate.notAfter.value;
  if (notAfter.getTime() < now.getTime())
    throw new AppError('signing.certificate_expired', { notAfter: notAfter.toISOString().slice(0, 10) });
  return {
    privateKey,
    certificate,
    chain: [certificate, ...certs.filter((c) => c !== certificate)],
    commonName: commonNameOf(certificate),
    notAfter,
  };
}

export interface CertificateRequest {
  commonName: string;
  organisation?: string;
  years?: number;
  /** Issue it under this CA (a test CA); self-signed when absent. */
  issuer?: { key: forge.pki.rsa.PrivateKey; cert: forge.pki.Certificate };
  ca?: boolean;
}

/** A key pair and certificate made with node-forge (RSA 2048, SHA-256): the demo's self-signed one, or a test CA's. */
export function makeCertificate(req: CertificateRequest) {
  const { privateKey: keyPem } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const key = forge.pki.privateKeyFromPem(keyPem) as forge.pki.rsa.PrivateKey;
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  cert.serialNumber = '01' + randomBytes(8).toString('hex');
  cert.validity.notBefore = new Date(Date.now() - 3600_000);
  cert.validity.notAfter = new Date(Date.now() + (req.years ?? 3) * 365 * 24 * 3600_000);
  const subject = [
    { name: 'commonName', value: req.commonName },
    ...(req.organisation ? [{ name: 'organizationName', value: req.organisation }] : []),
    { name: 'countryName', value: 'VN' },
  ];
  cert.setSubject(subject.map((a) => ({ ...a, valueTagClass: forge.asn1.Type.UTF8 as never })));
  cert.setIssuer(req.issuer ? req.issuer.cert.subject.attributes : cert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: !!req.ca },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, keyCertSign: !!req.ca, cRLSign: !!req.ca },
  ]);
  cert.sign(req.issuer?.key ?? key, forge.md.sha256.create());
  return { key, cert, certPem: forge.pki.certificateToPem(cert) };
}

/** A PKCS#12 file of a key and its certificate chain, protected by the password (AES-256, SHA-256 MAC). */
export function toP12(key: forge.pki.rsa.PrivateKey, chain: forge.pki.Certificate[], password: string): Buffer {
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, chain, password, { algorithm: 'aes256', generateLocalKeyId: true, friendlyName: 'ttdn' });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}
