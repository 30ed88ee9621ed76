// /users: get (by id or UPN, $select), list ($filter, $count, paging), create and update, with
// Entra's validation: verified UPN domain, unique UPN, password complexity, usage location codes,
// the password policies Entra knows, read-only and on-premises-mastered properties. Without
// $select Graph returns only its default properties, so callers must ask for accountEnabled,
// passwordPolicies, usageLocation, assignedLicenses... as they would against Microsoft 365.
import { ISO_COUNTRY_CODES } from '../../../shared/iso-countries.ts';
import { isRecord, parseJson } from '../http.ts';
import type { DirectoryUser } from '../state/records.ts';
import type { TenantState } from '../state/tenant.ts';
import type { GraphCall } from './context.ts';
import { badRequest, invalidValue, notFound, odataBadRequest, GraphProblem } from './errors.ts';
import { advancedOperators, matches, requestFilter } from './filter.ts';
import { contextUrl, paginate, pick, selectedProperties } from './odata.ts';

export const DEFAULT_USER_PROPERTIES = ['businessPhones', 'displayName', 'givenName', 'jobTitle', 'mail', 'mobilePhone', 'officeLocation', 'preferredLanguage', 'surname', 'userPrincipalName', 'id'] as const;

export const USER_PROPERTIES = [
  ...DEFAULT_USER_PROPERTIES,
  'accountEnabled',
  'mailNickname',
  'passwordPolicies',
  'passwordProfile',
  'usageLocation',
  'assignedLicenses',
  'proxyAddresses',
  'onPremisesSyncEnabled',
  'userType',
  'createdDateTime',
  'otherMails',
  'companyName',
  'department',
  'employeeId',
  'creationType',
] as const;

/** Properties Graph filters users on without advanced queries (and with them). */
const FILTERABLE = new Set(['id', 'userPrincipalName', 'mail', 'mailNickname', 'displayName', 'givenName', 'surname', 'accountEnabled', 'usageLocation', 'userType', 'onPremisesSyncEnabled', 'proxyAddresses', 'assignedLicenses', 'otherMails', 'createdDateTime', 'companyName', 'department', 'employeeId'].map((p) => p.toLowerCase()));

const WRITABLE = new Set(['accountEnabled', 'displayName', 'passwordPolicies', 'passwordProfile', 'usageLocation', 'mailNickname', 'userPrincipalName', 'givenName', 'surname', 'companyName', 'department', 'employeeId']);
const READ_ONLY = new Set(['id', 'mail', 'proxyAddresses', 'assignedLicenses', 'createdDateTime', 'onPremisesSyncEnabled', 'userType', 'creationType', 'businessPhones', 'otherMails']);
/** On-premises-mastered users: Entra refuses changes to what directory sync owns. */
const SYNC_OWNED = new Set(['accountEnabled', 'displayName', 'mailNickname', 'userPrincipalName', 'givenName', 'surname', 'passwordProfile']);

const PASSWORD_POLICIES = new Set(['DisablePasswordExpiration', 'DisableStrongPassword']);

export function userEntity(tenant: TenantState, user: DirectoryUser): Record<string, unknown> {
  return {
    id: user.id,
    businessPhones: [],
    displayName: user.displayName,
    givenName: user.givenName,
    jobTitle: null,
    mail: tenant.mailOf(user),
    mobilePhone: null,
    officeLocation: tenant.mailboxOfUser(user.id)?.place.building ?? null,
    preferredLanguage: null,
    surname: user.surname,
    userPrincipalName: user.userPrincipalName,
    accountEnabled: user.accountEnabled,
    mailNickname: tenant.mailNicknameOf(user),
    passwordPolicies: user.passwordPolicies,
    passwordProfile: null,
    usageLocation: user.usageLocation,
    assignedLicenses: user.assignedLicenses.map((l) => ({ disabledPlans: [...l.disabledPlans], skuId: l.skuId })),
    proxyAddresses: [...tenant.proxyAddressesOf(user)],
    onPremisesSyncEnabled: user.onPremisesSyncEnabled,
    userType: 'Member',
    createdDateTime: new Date(user.createdAt).toISOString().replace(/\.\d+Z$/, 'Z'),
    otherMails: [],
    companyName: null,
    department: null,
    employeeId: null,
    creationType: null,
  };
}

/** The user with default properties, as POST /users and assignLicense return it. */
export function defaultUserView(call: GraphCall, user: DirectoryUser): Record<string, unknown> {
  return { '@odata.context': contextUrl(call, 'users', undefined, true), ...pick(userEntity(call.tenant, user), DEFAULT_USER_PROPERTIES) };
}

/** A user Graph can see (replicated), by id or UPN; otherwise Graph's 404. */
export function visibleUser(call: GraphCall, idOrUpn: string): DirectoryUser {
  const user = call.tenant.findUser(idOrUpn);
  if (!user || !call.tenant.isVisible(user)) throw notFound(idOrUpn);
  return user;
}

export function getUser(call: GraphCall, idOrUpn: string): Record<string, unknown> {
  const user = visibleUser(call, idOrUpn);
  const select = selectedProperties(call, USER_PROPERTIES, 'user');
  return { '@odata.context': contextUrl(call, 'users', select, true), ...pick(userEntity(call.tenant, user), select ?? DEFAULT_USER_PROPERTIES) };
}

function eventual(call: GraphCall): boolean {
  return (call.request.headers.consistencylevel ?? '').toLowerCase() === 'eventual';
}

export function listUsers(call: GraphCall): Record<string, unknown> {
  const select = selectedProperties(call, USER_PROPERTIES, 'user');
  const countRequested = (call.request.query.get('$count') ?? '').toLowerCase() === 'true';
  let users = call.tenant.visibleUsers().map((u) => userEntity(call.tenant, u));
  const filter = requestFilter(call.request.query, FILTERABLE, 'user');
  if (filter !== null) {
    const advanced = advancedOperators(filter);
    if (advanced.length > 0 && !eventual(call)) {
      throw new GraphProblem(400, 'Request_UnsupportedQuery', `Operator '${advanced[0]}' is not supported because the 'ConsistencyLevel:eventual' header is missing. Refer to https://aka.ms/graph-docs/advanced-queries for more information`);
    }
    if (advanced.length > 0 && !countRequested) throw new GraphProblem(400, 'Request_UnsupportedQuery', 'Unsupported Query.');
    users = users.filter((u) => matches(filter, u));
  }
  const page = paginate(call, users, 100);
  return {
    '@odata.context': contextUrl(call, 'users', select),
    // $count needs ConsistencyLevel: eventual for directory objects; without it Graph leaves it out.
    ...(countRequested && eventual(call) ? { '@odata.count': users.length } : {}),
    ...(page.nextLink ? { '@odata.nextLink': page.nextLink } : {}),
    value: page.items.map((u) => pick(u, select ?? DEFAULT_USER_PROPERTIES)),
  };
}

function checkPasswordComplexity(password: unknown, policies: string | null): void {
  if (typeof password !== 'string') throw invalidValue('passwordProfile');
  if (policies?.includes('DisableStrongPassword') && password.length >= 1 && password.length <= 256) return;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  if (password.length < 8 || password.length > 256 || classes < 3) {
    throw badRequest('The specified password does not comply with password complexity requirements. Please provide a different password.');
  }
}

function normalisePasswordPolicies(value: unknown): string | null {
  if (value === null) return null;
  if (typeof value !== 'string') throw invalidValue('passwordPolicies');
  const tokens = value.split(',').map((t) => t.trim()).filter(Boolean);
  if (tokens.some((t) => !PASSWORD_POLICIES.has(t))) throw invalidValue('passwordPolicies');
  return tokens.length === 0 ? null : tokens.join(', ');
}

function normaliseUsageLocation(value: unknown): string | null {
  if (value === null) return null;
  if (typeof value !== 'string' || !ISO_COUNTRY_CODES.has(value.toUpperCase())) throw invalidValue('usageLocation');
  return value.toUpperCase();
}

function checkUpn(call: GraphCall, upn: unknown, exceptUserId?: string): string {
  if (typeof upn !== 'string' || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(upn)) throw invalidValue('userPrincipalName');
  const domain = upn.split('@')[1]!;
  if (!call.tenant.verifiedDomain(domain)) {
    throw badRequest('The domain portion of the userPrincipalName property is invalid. You must use one of the verified domain names in your organization.', [{ code: 'InvalidValue', message: 'The domain portion of the userPrincipalName property is invalid. You must use one of the verified domain names in your organization.', target: 'userPrincipalName' }]);
  }
  if (call.tenant.upnOwner(upn, exceptUserId)) {
    throw badRequest('Another object with the same value for property userPrincipalName already exists.', [{ code: 'ObjectConflict', message: 'Another object with the same value for property userPrincipalName already exists.', target: 'userPrincipalName' }]);
  }
  // The user's own mailbox may already answer to the address; anyone else's may not.
  const ownMailbox = exceptUserId ? call.tenant.mailboxOfUser(exceptUserId)?.guid : undefined;
  if (call.tenant.addressOwner(upn, { ...(exceptUserId ? { userId: exceptUserId } : {}), ...(ownMailbox ? { mailboxGuid: ownMailbox } : {}) })) {
    throw badRequest('Another object with the same value for property proxyAddresses already exists.', [{ code: 'ObjectConflict', message: 'Another object with the same value for property proxyAddresses already exists.', target: 'proxyAddresses' }]);
  }
  return upn;
}

function checkKnownProperties(body: Record<string, unknown>): void {
  for (const key of Object.keys(body)) {
    if (key.startsWith('@odata.')) continue;
    if (READ_ONLY.has(key)) throw badRequest(`Property '${key}' is read-only and cannot be set.`);
    if (!WRITABLE.has(key)) throw badRequest(`Property '${key}' does not exist as a declared property or extension property.`);
  }
}

function passwordProfileOf(value: unknown): { password: string; forceChangePasswordNextSignIn: boolean } {
  if (!isRecord(value) || typeof value.password !== 'string') throw invalidValue('passwordProfile');
  const force = value.forceChangePasswordNextSignIn ?? true;
  if (typeof force !== 'boolean') throw invalidValue('passwordProfile');
  return { password: value.password, forceChangePasswordNextSignIn: force };
}

function stringOrNull(value: unknown, property: string): string | null {
  if (value === null) return null;
  if (typeof value !== 'string') throw invalidValue(property);
  return value;
}

export function createUser(call: GraphCall): Record<string, unknown> {
  const body = parseJson(call.request.body);
  if (!isRecord(body)) throw odataBadRequest('Empty Payload. JSON content expected.');
  checkKnownProperties(body);
  if (typeof body.accountEnabled !== 'boolean') throw invalidValue('accountEnabled');
  if (typeof body.displayName !== 'string' || body.displayName.trim() === '') throw invalidValue('displayName');
  if (typeof body.mailNickname !== 'string' || !/^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~.]{1,64}$/.test(body.mailNickname)) throw invalidValue('mailNickname');
  const upn = checkUpn(call, body.userPrincipalName);
  const profile = passwordProfileOf(body.passwordProfile);
  const passwordPolicies = body.passwordPolicies === undefined ? null : normalisePasswordPolicies(body.passwordPolicies);
  checkPasswordComplexity(profile.password, passwordPolicies);
  const user = call.tenant.newUser({
    userPrincipalName: upn,
    displayName: body.displayName,
    mailNickname: body.mailNickname,
    accountEnabled: body.accountEnabled,
    usageLocation: body.usageLocation === undefined ? null : normaliseUsageLocation(body.usageLocation),
    passwordPolicies,
    password: profile.password,
    forceChangePasswordNextSignIn: profile.forceChangePasswordNextSignIn,
    givenName: body.givenName === undefined ? null : stringOrNull(body.givenName, 'givenName'),
    surname: body.surname === undefined ? null : stringOrNull(body.surname, 'surname'),
  });
  return defaultUserView(call, user);
}

export function updateUser(call: GraphCall, idOrUpn: string): void {
  const user = visibleUser(call, idOrUpn);
  const body = parseJson(call.request.body);
  if (!isRecord(body)) throw odataBadRequest('Empty Payload. JSON content expected.');
  checkKnownProperties(body);
  if (user.onPremisesSyncEnabled && Object.keys(body).some((k) => SYNC_OWNED.has(k))) {
    throw badRequest('Unable to update the specified properties for on-premises mastered Directory Sync objects or objects currently undergoing migration.');
  }
  // Validate everything before changing anything: a 400 leaves the user as it was.
  const next = { ...user };
  if ('accountEnabled' in body) {
    if (typeof body.accountEnabled !== 'boolean') throw invalidValue('accountEnabled');
    next.accountEnabled = body.accountEnabled;
  }
  if ('displayName' in body) {
    if (typeof body.displayName !== 'string' || body.displayName.trim() === '') throw invalidValue('displayName');
    next.displayName = body.displayName;
  }
  if ('passwordPolicies' in body) next.passwordPolicies = normalisePasswordPolicies(body.passwordPolicies);
  if ('usageLocation' in body) next.usageLocation = normaliseUsageLocation(body.usageLocation);
  if ('mailNickname' in body) {
    if (typeof body.mailNickname !== 'string' || body.mailNickname === '') throw invalidValue('mailNickname');
    next.mailNickname = body.mailNickname;
  }
  if ('userPrincipalName' in body) next.userPrincipalName = checkUpn(call, body.userPrincipalName, user.id);
  for (const name of ['givenName', 'surname'] as const) if (name in body) next[name] = stringOrNull(body[name], name);
  if ('passwordProfile' in body) {
    const profile = passwordProfileOf(body.passwordProfile);
    checkPasswordComplexity(profile.password, next.passwordPolicies);
    next.password = profile.password;
    next.forceChangePasswordNextSignIn = profile.forceChangePasswordNextSignIn;
    // A new password is a fresh one: not expired.
    next.signIn = { ...user.signIn, passwordExpired: false };
  }
  Object.assign(user, next);
}
