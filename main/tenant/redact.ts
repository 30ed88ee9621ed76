// Secrets a request carries (RoomMailboxPassword, passwordProfile.password) are sent as the service
// expects, but they must never reach an error message or a log line. Services echo requests back in
// their errors (Exchange's CmdletProxyException quotes the whole command line, parameter values
// included), so every message a gateway builds from a service's text goes through here first.

export const REDACTED = '[redacted]';

/** Parameter names whose values are secrets, in Exchange cmdlets and Graph bodies alike. */
const SECRET_NAME = /password|secret|credential|token/i;

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/** The secret values among a cmdlet's parameters or a request body (nested objects included). */
export function secretValues(value: unknown, name = ''): string[] {
  if (typeof value === 'string') return isSecretName(name) && value.length > 0 ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((item) => secretValues(item, name));
  if (value && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) => secretValues(item, isSecretName(name) ? name : key));
  }
  return [];
}

/** The forms a secret takes when echoed: as is, JSON-escaped, and as a PowerShell single-quoted literal. */
function echoedForms(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  const powershell = secret.replace(/'/g, "''");
  return [...new Set([secret, json, powershell])].sort((a, b) => b.length - a.length);
}

/**
 * Strikes the given secrets wherever they appear, the values of secret-named parameters in an
 * echoed command line (-RoomMailboxPassword:'…' or -Password "…"), and bearer tokens.
 */
export function redact(text: string, secrets: readonly string[] = []): string {
  let result = text;
  for (const secret of secrets) {
    for (const form of echoedForms(secret)) if (form.length > 0) result = result.split(form).join(REDACTED);
  }
  result = result.replace(/(-[A-Za-z]*(?:Password|Secret|Credential|Token)[A-Za-z]*)(:|\s+)('(?:[^']|'')*'|"(?:[^"\\]|\\.)*"|\S+)/gi, `$1$2${REDACTED}`);
  result = result.replace(/("[A-Za-z]*(?:password|secret|credential|token)[A-Za-z]*"\s*:\s*)"(?:[^"\\]|\\.)*"/gi, `$1"${REDACTED}"`);
  result = result.replace(/\bBearer\s+[A-Za-z0-9._~+/=-]+/g, `Bearer ${REDACTED}`);
  return result;
}
