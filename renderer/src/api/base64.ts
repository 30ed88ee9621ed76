// Bytes -> base64 for files handed to main (rooms.importCsv): main decodes them as the CLI does.
// btoa takes a "binary string"; it is built in chunks so a large file never hits the argument limit.
const CHUNK = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(start, start + CHUNK));
  }
  return btoa(binary);
}
