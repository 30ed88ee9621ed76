// Reads the committed certificate corpus (test/fixtures/certs) for the certificate tests.
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CORPUS_DIR, CORPUS_FILES } from '../../fixtures/certs/corpus.ts';

export type CorpusFile = keyof typeof CORPUS_FILES;

export function corpusFile(key: CorpusFile): { fileName: string; bytes: Buffer } {
  const fileName = CORPUS_FILES[key];
  return { fileName, bytes: readFileSync(path.join(CORPUS_DIR, fileName)) };
}

/** sha256 of a corpus certificate, computed by node:crypto, not by the code under test. */
export function corpusSha256(key: CorpusFile): string {
  return new X509Certificate(corpusFile(key).bytes).fingerprint256.replaceAll(':', '').toLowerCase();
}

export function corpusCertificate(key: CorpusFile): X509Certificate {
  return new X509Certificate(corpusFile(key).bytes);
}
