// The certificate tool: reads PEM, DER and PFX files, describes each certificate, builds chains
// among them, finds what is wrong, and gives the exact command to install each private CA on the
// console. Pure apart from the clock (options.now) and Node's list of public roots.
import type { X509Certificate } from 'node:crypto';
import { CertificateInspectionSchema, countChecks, type CertificateInspection, type OnSiteCheck } from '../../../shared/onsite/results.ts';
import { CertificateFileError } from './certificate-file-error.ts';
import { displayName, oneLineName } from './certificate-identity.ts';
import { buildChains, type BuiltChain } from './chains.ts';
import { describeCertificate, type DescribedCertificate } from './describe.ts';
import { certificateChecks, privateCaCheck } from './findings.ts';
import { planInstallCommands, type InstallCommand, type InstallStore } from './install-commands.ts';
import { MAX_CERTIFICATES } from './limits.ts';
import { readCertificateFile } from './read-certificate-file.ts';
import { trustStore, type TrustAnchor } from './trust-store.ts';

export { CertificateFileError, type CertificateFileProblem } from './certificate-file-error.ts';

export interface CertificateFileInput {
  fileName: string;
  bytes: Uint8Array;
}

export interface InspectCertificatesOptions {
  /** For PFX files; used to open them and kept nowhere. */
  pfxPassword?: string;
  now?: Date;
  /** Roots this computer trusts besides the public ones (PEM), e.g. a company CA. */
  extraTrustedRootsPem?: readonly string[];
}

interface Distinct {
  described: DescribedCertificate;
  x509: X509Certificate;
  der: Buffer;
}

/** A certificate an install command names, as the .cer file (DER) to copy to the console. */
export interface InstallFile {
  sha256: string;
  store: InstallStore;
  /** The path on the console, as in the command. */
  file: string;
  /** Its file name alone, e.g. "Contoso Root CA.cer". */
  name: string;
  bytes: Uint8Array;
}

export interface CertificateAnalysis {
  inspection: CertificateInspection;
  installFiles: InstallFile[];
}

function where(info: { fileName: string; index: number }, countInFile: number): string {
  return countInFile > 1 ? `certificate ${info.index + 1} in ${info.fileName}` : `from ${info.fileName}`;
}

/** Root for a self-signed certificate (a CA or a self-signed server), CA for an intermediate. */
function storeFor(described: DescribedCertificate): InstallStore | undefined {
  if (described.info.selfSigned) return 'Root';
  return described.info.isCA ? 'CA' : undefined;
}

function chainSummary(chain: BuiltChain, names: ReadonlyMap<string, string>): string {
  if (!chain.complete) return 'incomplete';
  const root = chain.anchor ? displayName(chain.anchor.x509.subject) : names.get(chain.path[chain.path.length - 1]!);
  return `complete to "${root}" (${chain.publiclyTrusted ? 'publicly trusted' : 'private'})`;
}

/** The inspection and the .cer files its install commands name, from one reading of the files. */
export function analyseCertificates(files: readonly CertificateFileInput[], options: InspectCertificatesOptions = {}): CertificateAnalysis {
  const now = options.now ?? new Date();
  const at = now.toISOString();
  const trust = trustStore(options.extraTrustedRootsPem);

  const inspectedFiles: CertificateInspection['files'] = [];
  const certificates: CertificateInspection['certificates'] = [];
  const distinct = new Map<string, Distinct>();
  const perFile = new Map<string, number>();
  for (const { fileName, bytes } of files) {
    const read = readCertificateFile(fileName, bytes, options.pfxPassword);
    if (certificates.length + read.certificates.length > MAX_CERTIFICATES) {
      throw new CertificateFileError(fileName, 'too-many', `${fileName}: more than ${MAX_CERTIFICATES} certificates in all; inspect at most ${MAX_CERTIFICATES} at a time`);
    }
    inspectedFiles.push({ fileName, format: read.format, count: read.certificates.length });
    perFile.set(fileName, read.certificates.length);
    read.certificates.forEach(({ x509, der, hasPrivateKey }, index) => {
      const described = describeCertificate({ fileName, index, x509, der, hasPrivateKey, now });
      certificates.push(described.info);
      const earlier = distinct.get(described.info.sha256);
      // The same certificate in two files is listed per file (each saying whether that file had its key), checked once.
      if (!earlier) distinct.set(described.info.sha256, { described, x509, der });
    });
  }

  const members = [...distinct.values()].map(({ x509, described }) => ({ x509, sha256: described.info.sha256 }));
  const chains = buildChains(members, trust);
  const names = new Map([...distinct.values()].map(({ x509, described }) => [described.info.sha256, displayName(x509.subject)]));

  // Private CAs to install: every CA on a chain that does not end at a public root, given or found
  // among the extra trusted roots, once each, roots first.
  const toInstall = new Map<string, { store: InstallStore; commonName: string | undefined; der: Buffer; source: string }>();
  const anchorsToInstall = new Map<string, TrustAnchor>();
  for (const chain of chains.filter((c) => !c.publiclyTrusted)) {
    for (const sha256 of chain.path) {
      const entry = distinct.get(sha256);
      const store = entry && storeFor(entry.described);
      if (entry && store && !toInstall.has(sha256)) {
        const { info } = entry.described;
        toInstall.set(sha256, { store, commonName: names.get(sha256), der: entry.der, source: where(info, perFile.get(info.fileName) ?? 1) });
      }
    }
    if (chain.anchor && !toInstall.has(chain.anchor.sha256)) {
      anchorsToInstall.set(chain.anchor.sha256, chain.anchor);
      toInstall.set(chain.anchor.sha256, { store: 'Root', commonName: displayName(chain.anchor.x509.subject), der: chain.anchor.der, source: 'trusted on this computer, not among the files given' });
    }
  }
  const ordered = [...toInstall.entries()].sort(([, a], [, b]) => (a.store === b.store ? 0 : a.store === 'Root' ? -1 : 1));
  const installCommands = planInstallCommands(ordered.map(([sha256, { store, commonName }]) => ({ sha256, store, commonName })));
  const commandBySha = new Map<string, InstallCommand>(installCommands.map((command) => [command.sha256, command]));

  const checks: OnSiteCheck[] = [];
  for (const [sha256, { described }] of distinct) {
    const chain = chains.find((c) => c.path.includes(sha256));
    const missing = chains.find((c) => c.missing?.sha256 === sha256)?.missing;
    const { info, fields } = described;
    checks.push(
      ...certificateChecks(
        {
          info,
          name: names.get(sha256)!,
          weakSignature: fields.signatureAlgorithm.weak,
          ...(missing ? { missingIssuer: oneLineName(missing.issuer) } : {}),
          ...(commandBySha.has(sha256) ? { install: commandBySha.get(sha256)! } : {}),
          ...(chain ? { chain: chainSummary(chain, names) } : {}),
        },
        now,
        toInstall.get(sha256)?.source ?? where(info, perFile.get(info.fileName) ?? 1),
      ),
    );
  }
  for (const [sha256, anchor] of anchorsToInstall) {
    checks.push(privateCaCheck({ sha256, name: displayName(anchor.x509.subject), install: commandBySha.get(sha256)!, source: toInstall.get(sha256)!.source, at }));
  }

  const inspection: CertificateInspection = {
    files: inspectedFiles,
    certificates,
    chains: chains.map(({ path, complete, publiclyTrusted }) => ({ path, complete, publiclyTrusted })),
    installCommands,
    checks,
    counts: countChecks(checks),
  };
  const installFiles = installCommands.map(({ sha256, store, file }) => ({ sha256, store, file, name: file.slice(file.lastIndexOf('\\') + 1), bytes: toInstall.get(sha256)!.der }));
  return { inspection: CertificateInspectionSchema.parse(inspection), installFiles };
}

/** Reads and checks the given certificate files. Throws CertificateFileError for a file it cannot use. */
export function inspectCertificates(files: readonly CertificateFileInput[], options: InspectCertificatesOptions = {}): CertificateInspection {
  return analyseCertificates(files, options).inspection;
}
