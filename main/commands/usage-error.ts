/** A mistake on the command line: reported with the command's usage hint and exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
