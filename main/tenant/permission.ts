// The one place where a 401/403 from Graph or Exchange Online becomes a PermissionError, explained
// by main/auth's table: which permission or admin role the operation needs, and what to do.
import type { ServiceResource } from '../../shared/clouds.ts';
import { explainAuthFailure } from '../auth/explain-auth-failure.ts';
import type { PermissionError } from './types.ts';

export interface RefusedRequest {
  service: ServiceResource;
  status: 401 | 403;
  /** What was asked, e.g. "GET /users/room@contoso.com" or "Set-CalendarProcessing". */
  operation: string;
  /** The service's error code, e.g. "Authorization_RequestDenied"; may be empty. */
  code: string;
  /** The service's message, already redacted. */
  serviceMessage: string;
}

export function permissionError(refused: RefusedRequest): PermissionError {
  return explainAuthFailure(refused.service, refused.status, { error: { code: refused.code, message: refused.serviceMessage } }, refused.operation);
}
