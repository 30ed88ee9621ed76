// Tokens, refresh tokens, client secrets and private keys must never reach a log line, an error
// message or the renderer. Errors RoomReady builds itself never include them; this is the second
// line of defence for text that comes from elsewhere (MSAL's messages and logs, a service's error
// description, a misbehaving proxy's page), applied before such text leaves the auth module.

const REDACTED = '[redacted]';
const MIN_KNOWN_SECRET_LENGTH = 8;
const MAX_KNOWN_SECRETS = 64;

const PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  // PEM private keys, whatever their kind.
  [/-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|$)/g, '[private key]'],
  // JWTs: access tokens, id tokens, client assertions.
  [/eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g, '[token]'],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, `$1 ${REDACTED}`],
  // Form bodies and query strings.
  [/\b(client_secret|client_assertion|refresh_token|access_token|id_token|code|device_code|code_verifier|password)=[^&\s"']*/gi, `$1=${REDACTED}`],
  // JSON bodies.
  [/"(client_secret|client_assertion|refresh_token|access_token|id_token|secret|password|code_verifier)"\s*:\s*"(?:[^"\\]|\\.)*"/gi, `"$1":"${REDACTED}"`],
  // Long opaque strings (refresh tokens are not JWTs); identifiers such as GUIDs are far shorter.
  [/[A-Za-z0-9._~+/=-]{200,}/g, REDACTED],
];

/** Remembers the exact secrets this process handles, to strike them wherever they show up. */
export class Redactor {
  private readonly known: string[] = [];

  remember(secret: string | undefined): void {
    if (secret === undefined || secret.length < MIN_KNOWN_SECRET_LENGTH || this.known.includes(secret)) return;
    this.known.push(secret);
    if (this.known.length > MAX_KNOWN_SECRETS) this.known.shift();
  }

  redact(text: string): string {
    let result = text;
    // Longest first, so a secret containing another is struck whole.
    for (const secret of [...this.known].sort((a, b) => b.length - a.length)) result = result.split(secret).join(REDACTED);
    for (const [pattern, replacement] of PATTERNS) result = result.replace(pattern, replacement);
    return result;
  }
}

export function redactSecrets(text: string, known: Iterable<string> = []): string {
  const redactor = new Redactor();
  for (const secret of known) redactor.remember(secret);
  return redactor.redact(text);
}
