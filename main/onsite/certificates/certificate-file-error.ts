// A certificate file that cannot be used: the message names the file and what is wrong, in words the
// installer can act on; `problem` lets a caller react (e.g. ask for the PFX password). It never
// carries a PFX password or any key material.
export const CERTIFICATE_FILE_PROBLEMS = [
  'not-a-certificate',
  'damaged',
  'too-large',
  'too-many',
  'pfx-password-needed',
  'pfx-password-wrong',
  'pfx-unsupported',
] as const;
export type CertificateFileProblem = (typeof CERTIFICATE_FILE_PROBLEMS)[number];

export class CertificateFileError extends Error {
  override name = 'CertificateFileError';
  constructor(
    readonly fileName: string,
    readonly problem: CertificateFileProblem,
    message: string,
  ) {
    super(message);
  }
}

/** What every "cannot read this" message says, so the installer knows what to give instead. */
export function notACertificateFile(fileName: string, why?: string): CertificateFileError {
  return new CertificateFileError(fileName, 'not-a-certificate', `${fileName} is not a PEM, DER or PFX certificate file${why ? ` (${why})` : ''}`);
}
