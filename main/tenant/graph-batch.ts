// Many users in few requests: Graph's JSON batching ($batch, at most 20 requests each, built with
// the client's BatchRequestContent). The outer $batch usually answers 200 even when Graph throttles
// some of the requests inside it, so the retry middleware never sees those: each sub-response is
// read here, and the items answered 429/503 (or another transient status) are sent again in a later
// batch after the longest Retry-After among them, under the same policy (attempts, deadline,
// cancellation) as every other request.
import { BatchRequestContent, type BatchRequestBody } from '@microsoft/microsoft-graph-client';
import { graphError } from './graph-errors.ts';
import type { RetryPolicy } from './retry.ts';
import { GraphRequestError, type GraphUser } from './types.ts';

/** Graph's limit, and BatchRequestContent's. */
export const BATCH_LIMIT = 20;

/** One sub-response of a $batch answer. */
export interface BatchAnswerItem {
  id: string;
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export interface BatchDependencies {
  /** The cloud's Graph root: BatchRequestContent keeps only the path of each request's URL. */
  graphRoot: string;
  policy: RetryPolicy;
  /** POSTs one $batch body (through the middleware chain) and returns its sub-responses. */
  post(body: BatchRequestBody): Promise<BatchAnswerItem[]>;
}

/** A path segment; '@' stays readable, as Graph's own SDKs send it. */
export function pathSegment(value: string): string {
  return encodeURIComponent(value).replace(/%40/g, '@');
}

function retryAfterOf(headers: Record<string, string> | undefined): string | undefined {
  for (const [name, value] of Object.entries(headers ?? {})) if (name.toLowerCase() === 'retry-after') return String(value);
  return undefined;
}

/** Reads a $batch answer: {"responses":[{"id","status","headers","body"}, ...]}. */
export function readBatchAnswer(json: unknown): BatchAnswerItem[] {
  const responses = (json as { responses?: unknown } | undefined)?.responses;
  if (!Array.isArray(responses)) throw new GraphRequestError('Microsoft Graph: the $batch answer has no responses', 502, 'InvalidBatchResponse');
  return responses.map((item: { id?: unknown; status?: unknown; headers?: Record<string, string>; body?: unknown }) => ({
    id: String(item.id),
    status: Number(item.status),
    headers: item.headers ?? {},
    body: item.body,
  }));
}

interface Pending {
  upn: string;
  attempts: number;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let index = 0; index < items.length; index += size) result.push(items.slice(index, index + size));
  return result;
}

/** Users by UPN; undefined for those Graph does not know (404). Keyed by the UPN as requested. */
export async function getUsersInBatches(upns: readonly string[], select: readonly string[] | undefined, deps: BatchDependencies): Promise<Map<string, GraphUser | undefined>> {
  const found = new Map<string, GraphUser | undefined>();
  const root = deps.graphRoot.replace(/\/$/, '');
  const query = select && select.length > 0 ? `?$select=${select.map(encodeURIComponent).join(',')}` : '';
  let pending: Pending[] = [...new Set(upns)].map((upn) => ({ upn, attempts: 0 }));

  while (pending.length > 0) {
    const again: Pending[] = [];
    let waitMs = 0;
    let reason = '';
    await Promise.all(
      chunks(pending, BATCH_LIMIT).map(async (chunk) => {
        const content = new BatchRequestContent(chunk.map((item, index) => ({ id: String(index + 1), request: new Request(`${root}/users/${pathSegment(item.upn)}${query}`, { method: 'GET' }) })));
        const answers = new Map((await deps.post(await content.getContent())).map((answer) => [answer.id, answer]));
        chunk.forEach((item, index) => {
          item.attempts++;
          const answer = answers.get(String(index + 1));
          const operation = `GET /users/${item.upn} (in $batch)`;
          if (!answer) throw new GraphRequestError(`Microsoft Graph: the $batch answer has nothing for ${operation}`, 502, 'InvalidBatchResponse');
          if (answer.status >= 200 && answer.status < 300) found.set(item.upn, answer.body as GraphUser);
          else if (answer.status === 404) found.set(item.upn, undefined);
          else {
            const decision = deps.policy.decideForAnswer({ status: answer.status, retryAfter: retryAfterOf(answer.headers) }, { label: operation, idempotent: true }, item.attempts);
            if (!decision.retry) throw graphError({ operation, status: answer.status, body: answer.body, headers: answer.headers, attempts: item.attempts });
            again.push(item);
            if (decision.delayMs >= waitMs) {
              waitMs = decision.delayMs;
              reason = decision.reason;
            }
          }
        });
      }),
    );
    if (again.length > 0) {
      const label = `GET /users ($batch, ${again.length} throttled)`;
      deps.policy.onRetry?.({ label, attempt: Math.max(...again.map((item) => item.attempts)), delayMs: waitMs, reason });
      await deps.policy.wait(waitMs, label);
    }
    pending = again;
  }

  // In the order asked, which is the order callers report in.
  return new Map(upns.map((upn) => [upn, found.get(upn)]));
}
