// Images the renderer hands over (photos, drawn signatures) are checked in main before they are
// kept: the bytes must really be the PNG or JPEG they are labelled as (by their magic numbers, not
// the file name or the browser's guess), and at most 8 MB. Each refusal says what is wrong.
import { createHash } from 'node:crypto';
import type { PHOTO_MEDIA_TYPES } from '../../shared/report/schema.ts';
import { AppError } from '../ipc.ts';

export type ImageMediaType = (typeof PHOTO_MEDIA_TYPES)[number];

export const MAX_IMAGE_BYTES = 8 * 1024 * 1024;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** A PNG's first chunk is always IHDR (13 bytes of data) right after the signature. */
const PNG_IHDR = [0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52];
const JPEG_START = [0xff, 0xd8, 0xff];

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) => prefix.every((byte, index) => bytes[at + index] === byte);

/** What the bytes are, by their magic numbers; undefined when neither PNG nor JPEG. */
export function sniffImage(bytes: Uint8Array): ImageMediaType | undefined {
  if (bytes.length >= 33 && startsWith(bytes, PNG_SIGNATURE) && startsWith(bytes, PNG_IHDR, 8)) return 'image/png';
  if (bytes.length >= 4 && startsWith(bytes, JPEG_START)) return 'image/jpeg';
  return undefined;
}

const LABELS: Record<ImageMediaType, string> = { 'image/png': 'PNG', 'image/jpeg': 'JPEG' };

export interface CheckedImage {
  bytes: Uint8Array;
  /** SHA-256 of the bytes, hex. */
  sha256: string;
}

/**
 * The image's bytes, checked; AppError('bad-file') naming `what` ("The photo "site.jpg"", "The
 * drawn signature") when they are empty, too large, not an image, or not the type they claim.
 */
export function checkImage(base64: string, mediaType: ImageMediaType, what: string): CheckedImage {
  const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
  if (bytes.length === 0) throw new AppError('bad-file', `${what} is empty.`);
  if (bytes.length > MAX_IMAGE_BYTES) {
    throw new AppError('bad-file', `${what} is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; at most ${MAX_IMAGE_BYTES / 1024 / 1024} MB can be attached.`);
  }
  const actual = sniffImage(bytes);
  if (actual === undefined) {
    throw new AppError('bad-file', `${what} is not a PNG or JPEG image (its bytes do not start like one), although it was labelled ${LABELS[mediaType]}.`);
  }
  if (actual !== mediaType) throw new AppError('bad-file', `${what} is a ${LABELS[actual]} image but was labelled ${LABELS[mediaType]}.`);
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}
