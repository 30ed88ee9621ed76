// Names the app suggests for files and folders it writes (reports, packages, USB exports), made from
// site and room names a person typed.

/** Characters no file name may hold on Windows, macOS or Linux (control characters too). */
const UNSAFE_IN_NAME = new RegExp(`[\\\\/:*?"<>|${String.fromCharCode(0)}-${String.fromCharCode(0x1f)}]`, 'g');

/** `text` with each character a file system refuses replaced by "_", trimmed. */
export function safeFileName(text: string): string {
  return text.replace(UNSAFE_IN_NAME, '_').trim();
}
