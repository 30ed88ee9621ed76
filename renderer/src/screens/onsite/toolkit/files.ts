// Files the installer picks in the window, read here as base64 for main (which checks the bytes again).
import { bytesToBase64 } from '../../../api/base64.ts';

export interface PickedFile {
  fileName: string;
  base64: string;
}

/** Reads each file; the name of the first one that cannot be read is thrown as the error's message. */
export async function readPickedFiles(files: readonly File[]): Promise<PickedFile[]> {
  const read: PickedFile[] = [];
  for (const file of files) {
    let bytes: ArrayBuffer;
    try {
      bytes = await file.arrayBuffer();
    } catch {
      throw new Error(file.name);
    }
    read.push({ fileName: file.name, base64: bytesToBase64(new Uint8Array(bytes)) });
  }
  return read;
}

/** Whether a file's name ends with one of the extensions (".pem", …), ignoring case. */
export function hasExtension(name: string, extensions: readonly string[]): boolean {
  const lower = name.toLowerCase();
  return extensions.some((extension) => lower.endsWith(extension));
}

/** A text file (a SkypeSettings.xml) as text; its name is thrown when it cannot be read. */
export async function readText(file: File): Promise<{ fileName: string; text: string }> {
  try {
    return { fileName: file.name, text: await file.text() };
  } catch {
    throw new Error(file.name);
  }
}
