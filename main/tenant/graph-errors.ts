// Graph's error answers, read into typed errors. The shape (learn.microsoft.com/graph/errors):
//   {"error":{"code":"Request_ResourceNotFound","message":"Resource '…' does not exist or one of its
//    queried reference-property objects are not present.","innerError":{"date":"…","request-id":"…",
//    "client-request-id":"…"}}}
// 401/403 become PermissionError (permission.ts); everything else GraphRequestError with Graph's
// code and message. Messages are redacted: Graph echoes property values in some validation errors.
import { permissionError } from './permission.ts';
import { redact } from './redact.ts';
import { GraphRequestError, type PermissionError } from './types.ts';

export interface GraphErrorBody {
  code: string;
  message: string;
  requestId?: string;
}

function header(headers: Record<string, string> | Headers | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

/** Reads {"error":{code,message,innerError}} from a body that may be text, an object, or neither. */
export function readGraphError(status: number, body: unknown, headers?: Record<string, string> | Headers): GraphErrorBody {
  let parsed: unknown = body;
  if (typeof body === 'string') {
    try {
      parsed = body.trim() === '' ? undefined : JSON.parse(body);
    } catch {
      parsed = undefined;
    }
  }
  const error = (parsed as { error?: { code?: unknown; message?: unknown; innerError?: Record<string, unknown>; innererror?: Record<string, unknown> } } | undefined)?.error;
  const inner = error?.innerError ?? error?.innererror;
  const requestId = (typeof inner?.['request-id'] === 'string' ? inner['request-id'] : undefined) ?? header(headers, 'request-id');
  const fallback = typeof body === 'string' && body.trim() !== '' && !body.trimStart().startsWith('<') ? body.trim().slice(0, 300) : `HTTP ${status}`;
  return {
    code: typeof error?.code === 'string' ? error.code : `HTTP${status}`,
    message: typeof error?.message === 'string' && error.message !== '' ? error.message : fallback,
    ...(requestId ? { requestId } : {}),
  };
}

export interface FailedGraphRequest {
  /** e.g. "GET /users/room@contoso.com" */
  operation: string;
  status: number;
  body: unknown;
  headers?: Record<string, string> | Headers;
  attempts?: number;
  /** Values to strike from the message (passwords in the request). */
  secrets?: readonly string[];
}

export function graphError(failed: FailedGraphRequest): GraphRequestError | PermissionError {
  const read = readGraphError(failed.status, failed.body, failed.headers);
  const serviceMessage = redact(read.message, failed.secrets);
  if (failed.status === 401 || failed.status === 403) {
    return permissionError({ service: 'graph', status: failed.status, operation: failed.operation, code: read.code, serviceMessage });
  }
  const gaveUp = failed.attempts !== undefined && failed.attempts > 1 ? ` (gave up after ${failed.attempts} attempts)` : '';
  return new GraphRequestError(`Microsoft Graph: ${failed.operation} failed with ${failed.status} ${read.code}: ${serviceMessage}${gaveUp}`, failed.status, read.code, read.requestId);
}
