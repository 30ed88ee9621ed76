// File-system errors as words a user can act on, instead of "EACCES: permission denied, open '…'".

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'it does not exist',
  EACCES: 'permission was denied',
  EPERM: 'the operation is not permitted (is the file read-only or open in another program?)',
  EISDIR: 'a folder has that name',
  ENOTDIR: 'a part of the path is not a folder',
  ENOSPC: 'the disk is full',
  EROFS: 'the disk is read-only',
  EBUSY: 'the file is in use by another program',
  EMFILE: 'too many files are open',
  EIO: 'the disk reported an input/output error',
};

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && REASONS[code]) return REASONS[code];
  return error instanceof Error ? error.message : String(error);
}
