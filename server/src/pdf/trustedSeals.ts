import forge from 'node-forge';
import { readImportedSeals, readTrustedCertificates, sealCertificate, type Seal } from './seal';
import { certificateFingerprint } from './verify';

/**
 * The seal certificates this server's PDFs are checked against: its own seal, the operator's
 * (TRUSTED_SEAL_CERTS) and those of servers whose partnerships an operator imported with
 * --trust-seal (read again on each use, so an import needs no restart).
 */
export class TrustedSeals {
  private readonly operator: forge.pki.Certificate[];

  constructor(
    private readonly dataDir: string,
    operatorFiles: readonly string[],
    private readonly seal: () => Seal,
  ) {
    this.operator = readTrustedCertificates(operatorFiles);
  }

  private all(): forge.pki.Certificate[] {
    return [sealCertificate(this.seal()), ...this.operator, ...readImportedSeals(this.dataDir)];
  }

  fingerprints(): ReadonlySet<string> {
    return new Set(this.all().map(certificateFingerprint));
  }

  /** Every trusted certificate as PEM: an exported partnership carries them. */
  pems(): string[] {
    return this.all().map((certificate) => forge.pki.certificateToPem(certificate));
  }
}
