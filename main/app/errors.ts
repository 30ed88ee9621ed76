// Known failures of the services below, in the contract's codes. Each message already names its
// file, room or field; anything not listed here is a bug, which dispatch reports as 'internal'.
import { AuthConfigError, AuthFailure, SignInCancelledError, SignInRequiredError } from '../auth/auth-errors.ts';
import { SecretStoreError } from '../auth/secret-store.ts';
import { AppError } from '../ipc.ts';
import { CertificateFileError } from '../onsite/certificates/inspect.ts';
import { ConsoleConfigError } from '../onsite/console-config.ts';
import { PackageError } from '../onsite/package.ts';
import { OutputFolderError } from '../prepare/output-folder.ts';
import { JournalError } from '../provision/journal.ts';
import { DeadlineError, PermissionError } from '../tenant/types.ts';
import { CsvFileError } from '../workspace/csv-import.ts';
import { SecretVaultError } from '../workspace/secret-vault.ts';
import { SiteFileError } from '../workspace/site-file.ts';

/** The AppError a known failure stands for; undefined for anything else. */
export function knownFailure(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (error instanceof SiteFileError || error instanceof CsvFileError || error instanceof OutputFolderError || error instanceof JournalError) {
    return new AppError('bad-file', error.message);
  }
  if (error instanceof SecretVaultError) return new AppError('bad-file', error.message);
  // The on-site tools' files: certificates, the console's files, installer packages.
  if (error instanceof CertificateFileError || error instanceof ConsoleConfigError || error instanceof PackageError) return new AppError('bad-file', error.message);
  if (error instanceof SecretStoreError) return new AppError('insecure-storage', error.message);
  if (error instanceof SignInRequiredError) return new AppError('not-signed-in', error.message);
  if (error instanceof SignInCancelledError) return new AppError('cancelled', error.message);
  if (error instanceof AuthConfigError || error instanceof AuthFailure || error instanceof PermissionError || error instanceof DeadlineError) {
    return new AppError('tenant', error.message);
  }
  return undefined;
}

/** Runs `work`, turning known failures into AppErrors; the rest goes on to dispatch. */
export async function translated<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw knownFailure(error) ?? error;
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
