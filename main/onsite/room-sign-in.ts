// The room sign-in test: the room account signs in with its password as the Teams Rooms console does
// (the password grant, ROPC, through MSAL), then reads its own licences with its own token. The
// answer is one outcome of shared/onsite/sign-in-outcomes.ts, with the AADSTS code Entra gave.
//
// The password lives only in this call: MSAL gets an in-memory cache that is emptied before
// returning, nothing is logged, and every text taken from elsewhere (MSAL's messages, the
// transport's) is redacted with the password and the token known to the redactor.
import { PublicClientApplication } from '@azure/msal-node';
import { classifyLicense } from '../../shared/licenses.ts';
import type { CloudProfile } from '../../shared/clouds.ts';
import type { CloudId } from '../../shared/model.ts';
import { SignInTestResultSchema, type OnSiteCheck, type SignInOutcome, type SignInTestResult } from '../../shared/onsite/results.ts';
import { isTeamsRoomsLicence, outcomeOfAadsts, SIGN_IN_OUTCOME_INFO, TEAMS_ROOMS_SKUS } from '../../shared/onsite/sign-in-outcomes.ts';
import { AuthConfigError } from '../auth/auth-errors.ts';
import { authorityFor, checkTenant, cloudProfile } from '../auth/cloud-scopes.ts';
import { explainSignInError, signInErrorCode } from '../auth/explain-sign-in-error.ts';
import { msalNetworkClient } from '../auth/msal-network-client.ts';
import { Redactor } from '../auth/redact.ts';
import { fetchTransport, TransportError, type Transport } from '../tenant/transport.ts';

export interface RoomSignInOptions {
  cloud: CloudId;
  /** Tenant ID or one of its domains. */
  tenant: string;
  /** RoomReady's public client app registration ("Allow public client flows" on). */
  clientId: string;
  upn: string;
  password: string;
  /** fetchTransport() when not given; simulatorTransport(url) for the simulated tenant. */
  transport?: Transport;
  /** The SKUs that count as the room's licence (a site's chosen ones); any Teams Rooms SKU when not given. */
  expectedSkus?: readonly string[];
  now?: () => Date;
  /** How long each request may take; default 30 s. */
  timeoutMs?: number;
}

export const ROOM_SIGN_IN_CHECK = { id: 'sign-in.room', title: 'Room account sign-in' } as const;

const DEFAULT_TIMEOUT_MS = 30_000;
const CLIENT_ID = /^[A-Za-z0-9._-]{1,100}$/;
const UPN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What the sign-in learned, before it is written up. */
interface Finding {
  outcome: SignInOutcome;
  aadsts?: string;
  /** The specific facts: what happened to this account. */
  specifics: string;
  /** Replaces the outcome's usual explanation when the facts call for another. */
  explanation?: string;
  /** Replace the outcome's check status and remedy (a sign-in whose licences could not be read). */
  status?: OnSiteCheck['status'];
  remedy?: string;
  licences?: string[];
  otherLicences?: string[];
}

export async function testRoomSignIn(options: RoomSignInOptions): Promise<SignInTestResult> {
  const cloud = cloudProfile(options.cloud);
  const tenant = checkTenant(options.tenant, 'delegated');
  if (!CLIENT_ID.test(options.clientId)) throw new AuthConfigError(`"${options.clientId}" is not a client ID: give the app registration's Application (client) ID.`);
  const upn = options.upn.trim();
  if (!UPN.test(upn)) throw new AuthConfigError(`"${options.upn}" is not a room account's user name: give its UPN, e.g. mtr-everest@contoso.com.`);
  if (options.password === '') throw new AuthConfigError(`Enter the password of ${upn} to test its sign-in.`);

  const redactor = new Redactor();
  redactor.remember(options.password);
  const transport = withTimeout(options.transport ?? fetchTransport(), options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const finding = await signIn(cloud, tenant, options.clientId, upn, options.password, transport, options.expectedSkus, redactor);
  return writeUp(upn, finding, (options.now ?? (() => new Date()))(), redactor);
}

/** Every request gets a deadline: an installer must not wait for ever on a silent firewall. */
function withTimeout(transport: Transport, timeoutMs: number): Transport {
  return async (request, signal) => {
    const deadline = AbortSignal.timeout(timeoutMs);
    try {
      return await transport(request, signal ? AbortSignal.any([signal, deadline]) : deadline);
    } catch (error) {
      if (deadline.aborted && !signal?.aborted) throw new TransportError(`no answer within ${timeoutMs / 1000} s`, request.url, 'ETIMEDOUT');
      throw error;
    }
  };
}

async function signIn(cloud: CloudProfile, tenant: string, clientId: string, upn: string, password: string, transport: Transport, expectedSkus: readonly string[] | undefined, redactor: Redactor): Promise<Finding> {
  // No cache plugin: MSAL keeps the tokens in memory, and they are removed below.
  const client = new PublicClientApplication({
    auth: { clientId, authority: authorityFor(cloud, tenant) },
    system: { networkClient: msalNetworkClient(transport), loggerOptions: { piiLoggingEnabled: false, loggerCallback: () => undefined } },
  });
  let token: string;
  try {
    // The least the test needs: the room's own profile and licences. The console's app asks for more.
    const result = await client.acquireTokenByUsernamePassword({ scopes: [`${cloud.graphRoot}/User.Read`], username: upn, password });
    if (!result?.accessToken) return { outcome: 'other', specifics: `The sign-in of ${upn} returned no token.` };
    token = result.accessToken;
    redactor.remember(token);
  } catch (error) {
    return failure(error, upn, cloud, tenant, clientId, redactor);
  } finally {
    await forgetTokens(client);
  }
  return licenceFinding(upn, await readLicences(cloud, token, transport, redactor), expectedSkus);
}

async function forgetTokens(client: PublicClientApplication): Promise<void> {
  const cache = client.getTokenCache();
  for (const account of await cache.getAllAccounts()) await cache.removeAccount(account);
}

/** The part of an MSAL message a person can use; MSAL wraps the server's words in its own. */
function describe(error: unknown, redactor: Redactor): string {
  const fields = (typeof error === 'object' && error !== null ? error : {}) as { errorMessage?: unknown; subError?: unknown; message?: unknown };
  const raw = [fields.errorMessage, fields.subError, fields.message].find((part): part is string => typeof part === 'string' && part.trim() !== '') ?? String(error);
  // "AADSTS50126: <words> Trace ID: ... Correlation ID: ... Timestamp: ..." keeps only the words.
  const words = raw.replace(/\s*Trace ID:[\s\S]*$/, '').replace(/\s*- Correlation ID:[\s\S]*$/, '').replace(/^[\s\S]*?Description:\s*/, '');
  return redactor.redact(words.trim());
}

function failure(error: unknown, upn: string, cloud: CloudProfile, tenant: string, clientId: string, redactor: Redactor): Finding {
  const aadsts = signInErrorCode(error, 'delegated');
  const known = outcomeOfAadsts(aadsts);
  if (known) return { outcome: known, aadsts: aadsts!, specifics: `Microsoft Entra ID refused the sign-in of ${upn} with ${aadsts}.` };
  if ((error as { errorCode?: unknown }).errorCode === 'network_error') {
    return { outcome: 'network', specifics: `${describe(error, redactor)}.`.replace(/\.\.$/, '.') };
  }
  // Not about the room account, often about RoomReady's app registration: the admin's table says what.
  const explained = explainSignInError(error, { clientId, tenant, cloud: cloud.label, scopes: ['User.Read'], credential: 'delegated' });
  const specifics = explained ? redactor.redact(explained.message) : `The sign-in of ${upn} failed${aadsts ? ` with ${aadsts}` : ''}: ${describe(error, redactor)}`;
  return { outcome: 'other', ...(aadsts ? { aadsts } : {}), specifics };
}

type LicenceRead = { ok: true; partNumbers: string[] } | { ok: false; reason: string };

/** GET /me/licenseDetails with the room's own token: User.Read is enough, unlike /subscribedSkus. */
async function readLicences(cloud: CloudProfile, token: string, transport: Transport, redactor: Redactor): Promise<LicenceRead> {
  const url = `${cloud.graphRoot}/v1.0/me/licenseDetails`;
  let answer;
  try {
    answer = await transport({ method: 'GET', url, headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
  } catch (error) {
    return { ok: false, reason: redactor.redact(error instanceof Error ? error.message : String(error)) };
  }
  let body: unknown;
  try {
    body = JSON.parse(answer.body);
  } catch {
    body = undefined;
  }
  const value = (body as { value?: unknown } | undefined)?.value;
  if (answer.status !== 200 || !Array.isArray(value)) {
    const message = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
    const said = typeof message?.code === 'string' ? `${message.code}${typeof message.message === 'string' ? `: ${message.message}` : ''}` : 'an answer that is not a licence list';
    return { ok: false, reason: redactor.redact(`Microsoft Graph answered ${answer.status} with ${said}`) };
  }
  const partNumbers = value.map((item) => (item as { skuPartNumber?: unknown }).skuPartNumber).filter((part): part is string => typeof part === 'string');
  return { ok: true, partNumbers };
}

function licenceFinding(upn: string, read: LicenceRead, expectedSkus: readonly string[] | undefined): Finding {
  if (!read.ok) {
    return {
      outcome: 'signed-in',
      status: 'warning',
      specifics: `${upn} signed in, but its licences could not be read (${read.reason}).`,
      explanation: 'The room account signed in with this password; whether it holds a Teams Rooms licence is not known.',
      remedy: "Ask the admin to check that the room account holds a Teams Rooms licence (Microsoft 365 admin center → Users → the room → Licenses and apps).",
    };
  }
  const expected = expectedSkus && expectedSkus.length > 0 ? expectedSkus : TEAMS_ROOMS_SKUS;
  const licences = read.partNumbers.filter((part) => isTeamsRoomsLicence(part, expected));
  const otherLicences = read.partNumbers.filter((part) => !licences.includes(part));
  if (licences.length > 0) return { outcome: 'signed-in', specifics: `${upn} signed in; its Teams Rooms licence: ${licences.join(', ')}.`, licences, otherLicences };
  const held = otherLicences.length === 0 ? 'It holds no licence at all.' : [`Its licences: ${otherLicences.join(', ')}.`, ...otherLicences.flatMap((part) => whyNot(part, expected))].join(' ');
  return { outcome: 'licence-missing', specifics: `${upn} signed in. ${held}`, licences, otherLicences };
}

/** Why a licence the room holds does not count, when there is more to say than "not a Teams Rooms SKU". */
function whyNot(partNumber: string, expected: readonly string[]): string[] {
  const verdict = classifyLicense(partNumber);
  if (verdict.kind === 'rejected') return [`${verdict.error}.`];
  if (verdict.kind === 'room') return [`${partNumber} (${verdict.license.name}) is a Teams Rooms licence, but not the one this site expects (${expected.join(', ')}).`];
  return [];
}

function writeUp(upn: string, finding: Finding, at: Date, redactor: Redactor): SignInTestResult {
  const info = SIGN_IN_OUTCOME_INFO[finding.outcome];
  const explanation = finding.explanation ?? info.explanation;
  const remedy = finding.remedy ?? info.remedy;
  const evidence = {
    outcome: finding.outcome,
    ...(finding.aadsts ? { aadsts: finding.aadsts } : {}),
    ...(finding.licences ? { licences: finding.licences } : {}),
    ...(finding.otherLicences ? { otherLicences: finding.otherLicences } : {}),
  };
  const check: OnSiteCheck = {
    ...ROOM_SIGN_IN_CHECK,
    status: finding.status ?? info.status,
    detail: redactor.redact(`${finding.specifics} ${explanation}`),
    ...(remedy ? { remedy } : {}),
    evidence,
    at: at.toISOString(),
  };
  return SignInTestResultSchema.parse({
    upn,
    outcome: finding.outcome,
    ...(finding.aadsts ? { aadsts: finding.aadsts } : {}),
    explanation,
    remedy,
    ...(finding.licences ? { licences: finding.licences } : {}),
    check,
  });
}
