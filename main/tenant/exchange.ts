// ExchangeGateway over the admin REST endpoint the ExchangeOnlineManagement v3 module itself uses:
//   POST {exchangeRoot}/adminapi/beta/{tenantId}/InvokeCommand
//   {"CmdletInput":{"CmdletName":"Get-Mailbox","Parameters":{"Identity":"room@contoso.com"}}}
// answered {"@odata.context":…,"value":[…],"@odata.nextLink"?:…,"@adminapi.warnings"?:[…]}. The
// headers are the module's (its Execute-Command / Populate-Headers), except X-ResponseFormat: json
// (the module asks for clixml, which only its own deserialiser reads). Paging POSTs the same body to
// @odata.nextLink. Get-* cmdlets are retried like any read; other cmdlets only when Exchange refused
// them outright (429/503 with Retry-After), unless the caller says they are idempotent.
import { randomUUID } from 'node:crypto';
import type { CloudProfile } from '../../shared/clouds.ts';
import { exchangeError } from './exchange-errors.ts';
import { createLimiter, type Limiter } from './limiter.ts';
import { redact, secretValues } from './redact.ts';
import { retryPolicy, type RetryOptions, type RetryPolicy } from './retry.ts';
import type { HttpRequest, HttpResponse, Transport } from './transport.ts';
import { ExchangeCmdletError, type ExchangeGateway, type ExchangeParameters, type TokenProvider } from './types.ts';

export interface ExchangeGatewayOptions {
  cloud: CloudProfile;
  /** The tenant's GUID (or initial domain), as in the module's connection. */
  tenantId: string;
  tokens: TokenProvider;
  transport: Transport;
  retry?: RetryPolicy | RetryOptions;
  limiter?: Limiter;
  /**
   * X-AnchorMailbox for cmdlets that do not target one mailbox. The module sends "UPN:<admin>" for a
   * delegated sign-in; the default is the app-only form, which needs no user.
   */
  defaultAnchorMailbox?: string;
  /** Prefer: odata.maxpagesize; the module's default and maximum is 1000. */
  pageSize?: number;
  /** Exchange's warnings (@adminapi.warnings), e.g. "The command completed successfully but no settings … have been modified." */
  onWarning?: (cmdlet: string, warning: string) => void;
}

export interface InvokeOptions {
  /** The caller's say-so that repeating this cmdlet is harmless (default: only Get-* are). */
  idempotent?: boolean;
  /** X-AnchorMailbox, when the mailbox to route to is not the Identity parameter. */
  anchorMailbox?: string;
}

export interface RoomReadyExchangeGateway extends ExchangeGateway {
  invoke(cmdlet: string, parameters: ExchangeParameters, options?: InvokeOptions): Promise<Record<string, unknown>[]>;
}

export const DEFAULT_CONCURRENCY = 8;

/** The module's app-only routing hint: the tenant's arbitration mailbox. */
export function appOnlyAnchorMailbox(tenantId: string): string {
  return `APP:SystemMailbox{bb558c35-97f1-4cb9-8ff7-d53741dc928c}@${tenantId}`;
}

/** Get-* cmdlets change nothing. */
export function isReadCmdlet(cmdlet: string): boolean {
  return /^Get-/i.test(cmdlet);
}

/** Route to the mailbox the cmdlet is about, as the module's parameter-based routing does. */
function targetedMailbox(parameters: ExchangeParameters): string | undefined {
  const identity = parameters.Identity;
  return typeof identity === 'string' && /^[^@\s]+@[^@\s]+$/.test(identity) ? `UPN:${identity}` : undefined;
}

interface InvokeAnswer {
  value?: Record<string, unknown>[];
  '@odata.nextLink'?: string;
  '@adminapi.warnings'?: unknown[];
  '@adminapi.errors'?: unknown[];
}

function readPage(answer: HttpResponse, cmdlet: string): InvokeAnswer {
  if (answer.body.trim() === '') return {};
  try {
    return JSON.parse(answer.body) as InvokeAnswer;
  } catch {
    throw new ExchangeCmdletError(`${cmdlet}: Exchange Online answered ${answer.status} with something that is not JSON`, cmdlet, answer.status);
  }
}

export function createExchangeGateway(options: ExchangeGatewayOptions): RoomReadyExchangeGateway {
  const policy = retryPolicy(options.retry);
  const limiter = options.limiter ?? createLimiter(DEFAULT_CONCURRENCY);
  const root = options.cloud.exchangeRoot.replace(/\/$/, '');
  const endpoint = `${root}/adminapi/beta/${encodeURIComponent(options.tenantId)}/InvokeCommand`;
  const defaultAnchor = options.defaultAnchorMailbox ?? appOnlyAnchorMailbox(options.tenantId);
  const pageSize = Math.min(1000, Math.max(1, options.pageSize ?? 1000));
  // One per gateway, as the module keeps one per connection: lets Microsoft support follow a run.
  const connectionId = randomUUID();

  async function sendPage(url: string, body: string, headers: Record<string, string>, cmdlet: string, idempotent: boolean): Promise<{ answer: HttpResponse; attempts: number }> {
    const outcome = await policy.run(
      async (signal) => {
        // The token is fetched per attempt (a long Retry-After may outlive it), outside the slot.
        const token = await options.tokens('exchange');
        const request: HttpRequest = { method: 'POST', url, headers: { ...headers, Authorization: `Bearer ${token}` }, body };
        return limiter.run(() => options.transport(request, signal), signal);
      },
      (answer) => ({ status: answer.status, retryAfter: answer.headers['retry-after'] }),
      { label: cmdlet, idempotent },
    );
    return { answer: outcome.result, attempts: outcome.attempts };
  }

  function nextPageUrl(nextLink: string, cmdlet: string): string {
    const next = new URL(nextLink, endpoint);
    if (next.origin !== new URL(root).origin) {
      throw new ExchangeCmdletError(`${cmdlet}: refusing to follow a next page on ${next.origin}, not ${new URL(root).origin}`, cmdlet, 502);
    }
    return next.href;
  }

  return {
    async invoke(cmdlet, parameters, invokeOptions = {}) {
      const idempotent = invokeOptions.idempotent ?? isReadCmdlet(cmdlet);
      const secrets = secretValues(parameters);
      const body = JSON.stringify({ CmdletInput: { CmdletName: cmdlet, Parameters: parameters } });
      const anchor = invokeOptions.anchorMailbox ?? targetedMailbox(parameters);
      const headers: Record<string, string> = {
        Accept: 'application/json',
        'Accept-Charset': 'UTF-8',
        'Content-Type': 'application/json',
        'X-CmdletName': cmdlet,
        'X-ResponseFormat': 'json',
        'X-SerializationLevel': 'Partial',
        'X-ClientApplication': 'ExoManagementModule',
        'X-AnchorMailbox': anchor ?? defaultAnchor,
        ...(anchor ? { 'parameter-based-routing': 'true' } : {}),
        Prefer: `odata.maxpagesize=${pageSize}`,
        'client-request-id': randomUUID(),
        'connection-id': connectionId,
      };

      const objects: Record<string, unknown>[] = [];
      let url: string | undefined = endpoint;
      while (url) {
        const { answer, attempts } = await sendPage(url, body, headers, cmdlet, idempotent);
        if (answer.status < 200 || answer.status >= 300) throw exchangeError({ cmdlet, status: answer.status, body: answer.body, attempts, secrets });
        const page = readPage(answer, cmdlet);
        const errors = page['@adminapi.errors'] ?? [];
        if (errors.length > 0) {
          // Non-terminating errors: the cmdlet did not do everything it was asked to.
          throw exchangeError({ cmdlet, status: answer.status, body: JSON.stringify({ error: { message: String(errors[0]) } }), secrets });
        }
        for (const warning of page['@adminapi.warnings'] ?? []) options.onWarning?.(cmdlet, redact(String(warning), secrets));
        objects.push(...(page.value ?? []));
        const nextLink = page['@odata.nextLink'];
        url = nextLink ? nextPageUrl(nextLink, cmdlet) : undefined;
      }
      return objects;
    },
  };
}
