// What is wrong with each certificate, as on-site checks: expired, expiring within 30 days, not yet
// valid, a missing issuer, a weak key or signature, a private CA the console must be told to trust;
// one passed check when none of these applies. Ids: certificate.<sha256 first 16 hex>.<kind>.
import type { CertificateInfo, OnSiteCheck } from '../../../shared/onsite/results.ts';
import { shortId } from './certificate-identity.ts';
import { PROVISIONING_FOLDER, type InstallCommand } from './install-commands.ts';

export const EXPIRES_SOON_DAYS = 30;
export const MIN_KEY_BITS: Readonly<Record<string, number>> = { rsa: 2048, 'rsa-pss': 2048, dsa: 2048, ec: 256 };

export const CERTIFICATE_CHECK_KINDS = [
  'expired',
  'not-yet-valid',
  'expires-soon',
  'chain-incomplete',
  'weak-key',
  'weak-signature',
  'private-ca',
  'ok',
] as const;
export type CertificateCheckKind = (typeof CERTIFICATE_CHECK_KINDS)[number];

export interface CertificateFacts {
  info: CertificateInfo;
  /** How to call it in a title: its CN, else its subject. */
  name: string;
  /** Signed with MD5 or SHA-1 (ignored for self-signed roots: nobody checks a root's own signature). */
  weakSignature: boolean;
  /** The chain stops at this certificate: the issuer it names (one line) was not found. */
  missingIssuer?: string;
  /** The certificate is a private CA the console must trust. */
  install?: InstallCommand;
  /** How its chain ends, for the passed check, e.g. 'complete to "DigiCert Global Root G2" (publicly trusted)'. */
  chain?: string;
}

function day(iso: string): string {
  return iso.slice(0, 10);
}

function check(sha256: string, kind: CertificateCheckKind, at: string, fields: Omit<OnSiteCheck, 'id' | 'at'>): OnSiteCheck {
  return { id: `certificate.${shortId(sha256)}.${kind}`, at, ...fields };
}

function isWeakKey(info: CertificateInfo): boolean {
  const minimum = MIN_KEY_BITS[info.keyType];
  return minimum !== undefined && info.keyBits !== undefined && info.keyBits < minimum;
}

function keyText(info: CertificateInfo): string {
  return `${info.keyType.toUpperCase()}${info.curve ? ` ${info.curve}` : ''}${info.keyBits ? ` ${info.keyBits}-bit` : ''}`;
}

/** The private-CA check, for a given certificate or a root trusted on this computer but not given. */
export function privateCaCheck(input: { sha256: string; name: string; install: InstallCommand; source: string; at: string }): OnSiteCheck {
  const { sha256, name, install, source, at } = input;
  const fileName = install.file.slice(PROVISIONING_FOLDER.length + 1);
  const isRoot = install.store === 'Root';
  return check(sha256, 'private-ca', at, {
    title: isRoot ? `"${name}" is a private root CA the console must trust` : `"${name}" is a private intermediate CA the console must know`,
    status: 'warning',
    detail: isRoot
      ? `"${name}" is not a publicly trusted root. The console trusts servers and proxies whose certificates it issued only once it is in the console's Trusted Root Certification Authorities store (a domain-joined console gets it from Active Directory).`
      : `"${name}" chains to a private root. Installing it in the console's Intermediate Certification Authorities store lets the console build the chain even when a server does not send it.`,
    remedy: `Copy the certificate "${name}" (${source}) to the console as ${install.file} ("roomready certs --out <folder>" writes ${fileName}). Then enter Admin mode, open an elevated command prompt and run: ${install.command}`,
    evidence: { sha256, store: install.store, file: install.file, command: install.command },
  });
}

export function certificateChecks(facts: CertificateFacts, now: Date, source: string): OnSiteCheck[] {
  const { info } = facts;
  const at = now.toISOString();
  const { name } = facts;
  const evidence = { sha256: info.sha256, subject: info.subject, issuer: info.issuer, notBefore: info.notBefore, notAfter: info.notAfter, file: info.fileName };
  const checks: OnSiteCheck[] = [];
  if (info.daysLeft < 0 || Date.parse(info.notAfter) <= now.getTime()) {
    checks.push(
      check(info.sha256, 'expired', at, {
        title: `${name}: expired on ${day(info.notAfter)}`,
        status: 'failed',
        detail: `The certificate was valid until ${info.notAfter}. Windows refuses it: whatever uses it (a server, a proxy, a CA) no longer works for the console.`,
        remedy: `Renew it with the CA that issued it (${info.issuer}) and install the new certificate where the old one is used.`,
        evidence,
      }),
    );
  } else if (Date.parse(info.notBefore) > now.getTime()) {
    checks.push(
      check(info.sha256, 'not-yet-valid', at, {
        title: `${name}: not valid before ${day(info.notBefore)}`,
        status: 'failed',
        detail: `The certificate becomes valid on ${info.notBefore}. Until then Windows refuses it. If that date has passed, this computer's clock is wrong.`,
        remedy: `Wait until ${day(info.notBefore)} or have it reissued with an earlier start date; check the date, time and time zone of this computer and of the console.`,
        evidence,
      }),
    );
  } else if (info.daysLeft <= EXPIRES_SOON_DAYS) {
    checks.push(
      check(info.sha256, 'expires-soon', at, {
        title: `${name}: expires in ${info.daysLeft} day${info.daysLeft === 1 ? '' : 's'}`,
        status: 'warning',
        detail: `The certificate is valid until ${info.notAfter}, within ${EXPIRES_SOON_DAYS} days. After that the console refuses it.`,
        remedy: `Renew it before ${day(info.notAfter)} with the CA that issued it (${info.issuer}) and install the new certificate where this one is used.`,
        evidence,
      }),
    );
  }
  if (facts.missingIssuer !== undefined) {
    checks.push(
      check(info.sha256, 'chain-incomplete', at, {
        title: `${name}: the issuer "${facts.missingIssuer}" is missing`,
        status: 'warning',
        detail: `The chain stops here: the certificate of its issuer, "${facts.missingIssuer}", is neither among the files given nor a root this computer trusts. Without it the console cannot tell whether to trust the certificate.`,
        remedy: `Get the certificate of "${facts.missingIssuer}" (and its root) from the PKI or network team and inspect them together; a private root then gets its install command.`,
        evidence: { ...evidence, missingIssuer: facts.missingIssuer },
      }),
    );
  }
  if (isWeakKey(info)) {
    const minimum = MIN_KEY_BITS[info.keyType]!;
    checks.push(
      check(info.sha256, 'weak-key', at, {
        title: `${name}: weak ${keyText(info)} key`,
        status: 'warning',
        detail: `A ${keyText(info)} key is below the ${minimum} bits now required; current Windows and TLS libraries may refuse it.`,
        remedy: 'Have it reissued with an RSA key of 2048 bits or more, or an EC P-256 (or larger) key.',
        evidence: { ...evidence, keyType: info.keyType, keyBits: info.keyBits ?? null, curve: info.curve ?? null },
      }),
    );
  }
  if (facts.weakSignature && !info.selfSigned) {
    checks.push(
      check(info.sha256, 'weak-signature', at, {
        title: `${name}: signed with ${info.signatureAlgorithm}`,
        status: 'warning',
        detail: `${info.signatureAlgorithm} uses a broken hash; Windows and browsers refuse such certificates from public CAs, and private ones are next.`,
        remedy: 'Have it reissued with a SHA-256 (or stronger) signature.',
        evidence: { ...evidence, signatureAlgorithm: info.signatureAlgorithm },
      }),
    );
  }
  if (facts.install) checks.push(privateCaCheck({ sha256: info.sha256, name, install: facts.install, source, at }));
  if (checks.length === 0) {
    checks.push(
      check(info.sha256, 'ok', at, {
        title: `${name}: valid until ${day(info.notAfter)}`,
        status: 'passed',
        detail: `${info.daysLeft} days left; ${keyText(info)} key; ${info.signatureAlgorithm}${facts.chain ? `; chain ${facts.chain}` : ''}.`,
        evidence,
      }),
    );
  }
  return checks;
}
