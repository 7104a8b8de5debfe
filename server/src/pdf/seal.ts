import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import forge from 'node-forge';

/** The platform's seal: a PKCS#12 file and its password, both in the data folder. */
export interface Seal {
  p12: Uint8Array;
  password: string;
}

/**
 * Loads the seal from `dataDir`, or makes one on first use: an RSA key and a self-signed
 * certificate for "Tandem seal", kept as seal.p12 with its password in seal.secret (mode
 * 0600). An operator may replace both files with a certificate of their own.
 */
export function loadOrCreateSeal(dataDir: string, commonName = 'Tandem seal'): Seal {
  const p12Path = path.join(dataDir, 'seal.p12');
  const secretPath = path.join(dataDir, 'seal.secret');
  if (fs.existsSync(p12Path) && fs.existsSync(secretPath)) {
    return {
      p12: new Uint8Array(fs.readFileSync(p12Path)),
      password: fs.readFileSync(secretPath, 'utf8').trim(),
    };
  }
  // Node makes the key (fast, native); forge wraps it in a certificate and a PKCS#12.
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(
    privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
  );
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  cert.serialNumber = `01${crypto.randomBytes(8).toString('hex')}`;
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + 10 * 365 * 24 * 3600_000);
  const subject = [
    { name: 'commonName', value: commonName },
    { name: 'organizationName', value: 'Tandem' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
  ]);
  cert.sign(key, forge.md.sha256.create());
  const password = crypto.randomBytes(24).toString('base64url');
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, [cert], password, { algorithm: '3des' });
  const der = forge.asn1.toDer(asn1).getBytes();
  const p12 = Uint8Array.from(der, (c) => c.charCodeAt(0));
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  fs.writeFileSync(secretPath, password, { mode: 0o600 });
  fs.writeFileSync(p12Path, p12, { mode: 0o600 });
  return { p12, password };
}

/** The certificate inside a seal's PKCS#12 file. */
export function sealCertificate(seal: Seal): forge.pki.Certificate {
  const der = forge.util.binary.raw.encode(seal.p12);
  const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(der), seal.password);
  const certBag = forge.pki.oids.certBag ?? '1.2.840.113549.1.12.10.1.3';
  const bags = p12.getBags({ bagType: certBag })[certBag] ?? [];
  const certificate = bags[0]?.cert;
  if (!certificate) throw new Error('the seal file holds no certificate');
  return certificate;
}

/** Reads the PEM certificates an operator lists (TRUSTED_SEAL_CERTS), failing fast on a bad one. */
export function readTrustedCertificates(files: readonly string[]): forge.pki.Certificate[] {
  return files.flatMap((file) => {
    const pem = fs.readFileSync(file, 'utf8');
    const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g);
    if (!blocks) throw new Error(`${file} holds no PEM certificate`);
    return blocks.map((block) => forge.pki.certificateFromPem(block));
  });
}

/** Where `npm run import-partnership -- --trust-seal` keeps other servers' seal certificates. */
function importedSealsDir(dataDir: string): string {
  return path.join(dataDir, 'trusted-seals');
}

/** The seal certificates trusted because an operator imported a partnership sealed by them. */
export function readImportedSeals(dataDir: string): forge.pki.Certificate[] {
  const dir = importedSealsDir(dataDir);
  if (!fs.existsSync(dir)) return [];
  const files = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.pem'))
    .map((name) => path.join(dir, name));
  return readTrustedCertificates(files);
}

/** Trusts a certificate from now on; returns its file. Throws on anything but one PEM certificate. */
export function trustImportedSeal(dataDir: string, pem: string, fingerprint: string): string {
  forge.pki.certificateFromPem(pem);
  const dir = importedSealsDir(dataDir);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, `${fingerprint}.pem`);
  fs.writeFileSync(file, pem, { mode: 0o600 });
  return file;
}
