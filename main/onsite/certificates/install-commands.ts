// The command that makes a console trust a private CA (mtr-facts §4.4): the certificate saved in the
// Provisioning folder, then certutil in an elevated prompt in Admin mode. The file name comes from
// the certificate's CN reduced to [A-Za-z0-9 ._-], so the quoted path needs no escaping in cmd or
// PowerShell.
import type { CertificateInspection } from '../../../shared/onsite/results.ts';
import { shortId } from './certificate-identity.ts';

export type InstallCommand = CertificateInspection['installCommands'][number];
export type InstallStore = InstallCommand['store'];

export const PROVISIONING_FOLDER = 'C:\\Skype Room Systems\\x64\\Scripts\\Provisioning';

/** certutil's names of the stores: Trusted Root Certification Authorities, Intermediate Certification Authorities. */
const CERTUTIL_STORE: Readonly<Record<InstallStore, string>> = { Root: 'root', CA: 'CA' };

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
const MAX_NAME_LENGTH = 60;

/** A file name (without ".cer") Windows accepts and no shell reads as syntax. */
export function installFileBase(commonName: string | undefined, sha256: string): string {
  const cleaned = (commonName ?? '')
    .replace(/[^A-Za-z0-9 ._-]+/g, '_')
    .slice(0, MAX_NAME_LENGTH)
    // Windows drops trailing dots and spaces; leading ones only confuse.
    .replace(/^[ ._-]+|[ ._-]+$/g, '');
  if (cleaned === '') return `certificate-${shortId(sha256)}`;
  return WINDOWS_RESERVED.test(cleaned) ? `${cleaned}-certificate` : cleaned;
}

export function installCommandFor(store: InstallStore, filePath: string): string {
  return `certutil -addstore -f -enterprise ${CERTUTIL_STORE[store]} "${filePath}"`;
}

/** One command per certificate, file names made unique (two CAs may share a CN). */
export function planInstallCommands(items: readonly { sha256: string; commonName: string | undefined; store: InstallStore }[]): InstallCommand[] {
  const used = new Set<string>();
  return items.map(({ sha256, commonName, store }) => {
    let base = installFileBase(commonName, sha256);
    if (used.has(base.toLowerCase())) base = `${base}-${sha256.slice(0, 8)}`;
    used.add(base.toLowerCase());
    const file = `${PROVISIONING_FOLDER}\\${base}.cer`;
    return { sha256, store, file, command: installCommandFor(store, file) };
  });
}
