// The Graph client's middleware chain, RoomReady's own: retry (retry.ts) -> bearer token -> send
// through a Transport. Why not the built-in handlers: AuthenticationHandler attaches the token only
// to hosts it recognises as Graph over https (and deletes it otherwise), which rules out a local test
// server; RetryHandler sleeps with real timers, knows no deadline or cancellation, caps Retry-After
// at 180 s, and would repeat a POST that creates a user after a connection reset. The last
// middleware replaces the global fetch with the Transport, so the simulated tenant receives exactly
// the requests Microsoft 365 would.
import type { Context, Middleware, MiddlewareOptions } from '@microsoft/microsoft-graph-client';
import type { ServiceResource } from '../../shared/clouds.ts';
import type { Limiter } from './limiter.ts';
import type { RetryPolicy } from './retry.ts';
import type { HttpRequest, Transport } from './transport.ts';
import type { TokenProvider } from './types.ts';

/**
 * Per-request options the gateway passes down the chain (GraphRequest.middlewareOptions). The
 * retry middleware also leaves the request's final failure here: the Graph client wraps whatever a
 * middleware throws into a GraphError, and the gateway wants the original (DeadlineError,
 * TransportError) back.
 */
export class GraphRequestPolicy implements MiddlewareOptions {
  failure: unknown = undefined;
  attempts = 0;
  constructor(
    readonly label: string,
    readonly idempotent: boolean,
  ) {}
}

abstract class ChainLink implements Middleware {
  protected next: Middleware | undefined;

  setNext(next: Middleware): void {
    this.next = next;
  }

  protected async forward(context: Context): Promise<void> {
    if (!this.next) throw new Error(`${this.constructor.name} must not be the last middleware`);
    await this.next.execute(context);
  }

  abstract execute(context: Context): Promise<void>;
}

function headerRecord(headers: unknown): Record<string, string> {
  const record: Record<string, string> = {};
  if (!headers) return record;
  if (headers instanceof Headers) {
    headers.forEach((value, name) => {
      record[name] = value;
    });
  } else if (Array.isArray(headers)) {
    for (const [name, value] of headers as [string, string][]) record[name] = value;
  } else {
    for (const [name, value] of Object.entries(headers as Record<string, unknown>)) if (value !== undefined) record[name] = String(value);
  }
  return record;
}

function withHeader(headers: Record<string, string>, name: string, value: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, existing] of Object.entries(headers)) if (key.toLowerCase() !== name.toLowerCase()) result[key] = existing;
  result[name] = value;
  return result;
}

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

function requestUrl(context: Context): string {
  const request = context.request as unknown;
  return typeof request === 'string' ? request : (request as { url: string }).url;
}

export class RetryMiddleware extends ChainLink {
  constructor(private readonly policy: RetryPolicy) {
    super();
  }

  async execute(context: Context): Promise<void> {
    const method = (context.options?.method ?? 'GET').toUpperCase();
    const option = context.middlewareControl?.getMiddlewareOptions(GraphRequestPolicy) as GraphRequestPolicy | undefined;
    const intent = option ?? { label: `${method} ${new URL(requestUrl(context)).pathname}`, idempotent: IDEMPOTENT_METHODS.has(method) };
    const original = { ...context.options };
    try {
      const outcome = await this.policy.run(
        async (signal) => {
          context.options = { ...original, headers: headerRecord(original.headers), signal };
          context.response = undefined as unknown as Response;
          await this.forward(context);
          if (!context.response) throw new Error('the Graph middleware chain produced no response');
          return context.response;
        },
        (response) => ({ status: response.status, retryAfter: response.headers.get('retry-after') }),
        intent,
      );
      context.response = outcome.result;
      if (option) option.attempts = outcome.attempts;
    } catch (error) {
      if (option) option.failure = error;
      throw error;
    }
  }
}

/** Always attaches the token, whatever the host: the gateway decides where requests go. */
export class BearerTokenMiddleware extends ChainLink {
  constructor(
    private readonly tokens: TokenProvider,
    private readonly resource: ServiceResource,
  ) {
    super();
  }

  async execute(context: Context): Promise<void> {
    const token = await this.tokens(this.resource);
    context.options = { ...context.options, headers: withHeader(headerRecord(context.options?.headers), 'Authorization', `Bearer ${token}`) };
    await this.forward(context);
  }
}

/** Bodies the Fetch API forbids on these statuses. */
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/** The end of the chain: one attempt, through the Transport, holding a limiter slot. */
export class TransportMiddleware implements Middleware {
  constructor(
    private readonly transport: Transport,
    private readonly limiter: Limiter,
  ) {}

  async execute(context: Context): Promise<void> {
    const options = context.options ?? {};
    const signal = options.signal ?? undefined;
    const body = options.body;
    if (body !== undefined && body !== null && typeof body !== 'string') throw new Error('RoomReady sends only JSON text bodies to Graph');
    const request: HttpRequest = {
      method: (options.method ?? 'GET').toUpperCase(),
      url: requestUrl(context),
      headers: headerRecord(options.headers),
      ...(typeof body === 'string' ? { body } : {}),
    };
    const answer = await this.limiter.run(() => this.transport(request, signal), signal);
    context.response = new Response(NULL_BODY_STATUSES.has(answer.status) ? null : answer.body, { status: answer.status, headers: answer.headers });
  }
}
