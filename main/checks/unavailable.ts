// A failed read becomes the reason a check is unknown. Permission errors already say what is
// missing; other errors keep their own message, prefixed with what kind of failure it was.
import { TransportError } from '../tenant/transport.ts';
import { DeadlineError, ExchangeCmdletError, GraphRequestError, PermissionError } from '../tenant/types.ts';

export function reasonFor(error: unknown): string {
  if (error instanceof PermissionError) {
    return error.missing && !error.message.includes(error.missing) ? `${error.message}; missing: ${error.missing}` : error.message;
  }
  if (error instanceof DeadlineError) return `timed out: ${error.message}`;
  if (error instanceof TransportError) return `no answer: ${error.message}`;
  if (error instanceof GraphRequestError) return `Microsoft Graph answered ${error.status} ${error.code}: ${error.message}`;
  if (error instanceof ExchangeCmdletError) return `${error.cmdlet} failed (${error.status}): ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
