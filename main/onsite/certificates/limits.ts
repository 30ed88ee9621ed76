// Bounds on the work one inspection does, so a wrong file (a disk image, a huge bundle) is refused
// quickly instead of parsed. A real certificate is a few kilobytes; a chain a handful of them.
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_CERTIFICATES = 50;
/** A PFX's MAC key derivation runs this many rounds at most (Windows uses 2,000, OpenSSL 2,048). */
export const MAX_PFX_ITERATIONS = 1_000_000;
