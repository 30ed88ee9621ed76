// prepare's output, streamed: each file goes to disk as soon as it is made, into a staged folder
// that is moved into place only when every file (manifest last) is written, so memory stays flat
// however many rooms there are. (Writing on the thread pool while generating was measured and did
// not help: file creation is what costs, and it does not overlap well.)
import type { Manifest } from '../../shared/manifest.ts';
import { generateArtifacts, type PreparedFile, type PrepareInput } from '../../shared/prepare.ts';
import { StagedOutputFolder } from './output-folder.ts';

export function writePrepared(outDir: string, input: PrepareInput, rowOfRoom: readonly number[], onFile?: (file: PreparedFile) => void): Manifest {
  const folder = StagedOutputFolder.open(outDir);
  try {
    const files = generateArtifacts(input, rowOfRoom);
    let next = files.next();
    for (; !next.done; next = files.next()) {
      folder.put(next.value);
      onFile?.(next.value);
    }
    folder.commit(next.value.manifestFile);
    return next.value.manifest;
  } finally {
    folder.abort(); // nothing to do once committed
  }
}
