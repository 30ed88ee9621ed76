// prepare's output, streamed: each file goes to disk as soon as it is made, into a staged folder
// that is moved into place only when every file (manifest last) is written.
import type { Manifest } from '../../shared/manifest.ts';
import { streamArtifacts, type PreparedFile, type PrepareInput } from '../../shared/prepare.ts';
import { StagedOutputFolder } from './output-folder.ts';

export function writePrepared(outDir: string, input: PrepareInput, rowOfRoom: readonly number[], onFile?: (file: PreparedFile) => void): Manifest {
  const folder = StagedOutputFolder.open(outDir);
  try {
    const { manifest, manifestFile } = streamArtifacts(input, rowOfRoom, (file) => {
      folder.put(file);
      onFile?.(file);
    });
    folder.commit(manifestFile);
    return manifest;
  } finally {
    folder.abort(); // nothing to do once committed
  }
}
