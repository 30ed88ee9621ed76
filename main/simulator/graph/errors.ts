// Microsoft Graph error answers: {"error":{"code","message","innerError":{"date","request-id",
// "client-request-id"}}} with request-id and client-request-id headers. Codes and messages as
// Graph sends them for the directory (Request_ResourceNotFound, Authorization_RequestDenied,
// Request_BadRequest, Request_UnsupportedQuery, InvalidAuthenticationToken, TooManyRequests).
import { jsonResponse, type SimResponse } from '../http.ts';

export interface ErrorIds {
  requestId: string;
  clientRequestId: string;
  now: number;
}

export const GRAPH_JSON = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

export function graphHeaders(ids: { requestId: string; clientRequestId: string }, extra: Record<string, string> = {}): Record<string, string> {
  return { 'content-type': GRAPH_JSON, 'request-id': ids.requestId, 'client-request-id': ids.clientRequestId, 'cache-control': 'no-cache', ...extra };
}

export function graphError(status: number, code: string, message: string, ids: ErrorIds, extra: { details?: unknown[]; headers?: Record<string, string> } = {}): SimResponse {
  const date = new Date(ids.now).toISOString().replace(/\.\d+Z$/, '');
  return jsonResponse(
    status,
    {
      error: {
        code,
        message,
        ...(extra.details ? { details: extra.details } : {}),
        innerError: { date, 'request-id': ids.requestId, 'client-request-id': ids.clientRequestId },
      },
    },
    graphHeaders(ids, extra.headers),
  );
}

/** Thrown by handlers to answer with a Graph error; the router turns it into the response. */
export class GraphProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown[],
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details?: unknown[]) => new GraphProblem(400, 'Request_BadRequest', message, details);
export const odataBadRequest = (message: string) => new GraphProblem(400, 'BadRequest', message);
export const notFound = (id: string) => new GraphProblem(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);
export const insufficientPrivileges = () => new GraphProblem(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
export const invalidProperty = (property: string, type: string) => odataBadRequest(`Could not find a property named '${property}' on type 'microsoft.graph.${type}'.`);
export const invalidValue = (property: string, type = 'User') => badRequest(`Invalid value specified for property '${property}' of resource '${type}'.`);
