/** A mistake on the command line: reported with the command's usage hint and exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Input or settings that cannot be used (a missing file, a broken site): exit code 2, the message alone. */
export class CommandFailure extends Error {
  override name = 'CommandFailure';
}
