// Exchange Online's error answers from InvokeCommand, read into typed errors. The shape (as the
// admin API returns it, and as the ExchangeOnlineManagement module reads it: error.details[0].message):
//   {"error":{"code":"NotFound","message":"Error executing cmdlet","details":[{"code":"Client",
//    "target":"","message":"Ex6F9304|Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException|
//    The operation couldn't be performed because object 'room@contoso.com' couldn't be found on '…'."}],
//    "innererror":{"message":"Error executing cmdlet","type":"Microsoft.Exchange.Admin.OData.Core.ODataServiceException"}}}
// The detail is "<error id>|<.NET exception type>|<text>"; the text is what PowerShell would show.
import { permissionError } from './permission.ts';
import { redact } from './redact.ts';
import { ExchangeCmdletError, type PermissionError } from './types.ts';

export interface ExchangeErrorDetail {
  /** What PowerShell would show, without the id and the type. */
  message: string;
  /** The short .NET type, e.g. "ManagementObjectNotFoundException". */
  errorType?: string;
  /** The full .NET type, e.g. "Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException". */
  fullType?: string;
  /** e.g. "Ex6F9304" */
  errorId?: string;
  /** error.code, e.g. "NotFound", "InternalServerError". */
  code?: string;
}

/** "Ex6F9304|Microsoft.Exchange.…Exception|text" -> its parts; a plain text stays the message. */
export function parseExchangeDetail(text: string): ExchangeErrorDetail {
  const match = /^\s*([^|\s]*)\|((?:[A-Za-z_][\w]*\.)*[A-Za-z_]\w*)\|([\s\S]*)$/.exec(text);
  if (!match) return { message: text.trim() };
  const [, errorId = '', fullType = '', message = ''] = match;
  return { message: message.trim(), fullType, errorType: fullType.split('.').pop() ?? fullType, ...(errorId ? { errorId } : {}) };
}

interface AdminApiError {
  code?: unknown;
  message?: unknown;
  details?: { code?: unknown; message?: unknown }[];
}

/** Reads the error body of an InvokeCommand answer (JSON or not). */
export function readExchangeError(status: number, body: string): ExchangeErrorDetail {
  let error: AdminApiError | undefined;
  try {
    error = (JSON.parse(body) as { error?: AdminApiError }).error;
  } catch {
    error = undefined;
  }
  const code = typeof error?.code === 'string' ? error.code : undefined;
  const detail = error?.details?.find((item) => typeof item?.message === 'string' && item.message !== '')?.message as string | undefined;
  if (detail) return { ...parseExchangeDetail(detail), ...(code ? { code } : {}) };
  if (typeof error?.message === 'string' && error.message !== '') return { ...parseExchangeDetail(error.message), ...(code ? { code } : {}) };
  const text = body.trim();
  return { message: text !== '' && !text.startsWith('<') ? text.slice(0, 300) : `HTTP ${status}`, ...(code ? { code } : {}) };
}

export interface FailedCmdlet {
  cmdlet: string;
  status: number;
  body: string;
  attempts?: number;
  /** The secret values among the cmdlet's parameters: never in a message. */
  secrets: readonly string[];
}

export function exchangeError(failed: FailedCmdlet): ExchangeCmdletError | PermissionError {
  const read = readExchangeError(failed.status, failed.body);
  const message = redact(read.message, failed.secrets);
  if (failed.status === 401 || failed.status === 403) {
    return permissionError({ service: 'exchange', status: failed.status, operation: failed.cmdlet, code: read.errorType ?? read.code ?? '', serviceMessage: message });
  }
  const gaveUp = failed.attempts !== undefined && failed.attempts > 1 ? ` (gave up after ${failed.attempts} attempts)` : '';
  return new ExchangeCmdletError(`${failed.cmdlet}: ${message}${gaveUp}`, failed.cmdlet, failed.status, read.errorType);
}
