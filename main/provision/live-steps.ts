// One plan step, done live: read, compare, write only what differs, read back. Exchange Online
// steps send the plan's own cmdlet calls to InvokeCommand; Graph steps map the plan's Graph
// PowerShell calls (Get-MgUser / Update-MgUser) onto Graph properties; steps that run on premises
// or by hand are reported as manual, with the script or instructions to use.
import { mergeToken, evaluateRules } from '../../shared/plan/compare.ts';
import { RUNTIMES, type CmdletCall, type ParamValue, type PropertyRule, type Step } from '../../shared/plan.ts';
import { ExchangeCmdletError, type ExchangeGateway, type ExchangeParameters, type GraphGateway, type GraphUser, type GraphUserPatch, type SubscribedSku } from '../tenant/types.ts';
import type { GroupLedger } from './group-ledger.ts';
import type { RoomListLedger } from './room-list-ledger.ts';
import type { PropertyChange, StepOutcome, StepStatus } from './types.ts';
import { writeOnce } from './write-once.ts';

export interface LiveContext {
  graph: GraphGateway;
  exchange: ExchangeGateway;
  /** Read and compare only: report what would change. */
  dryRun: boolean;
  /** The room's password, for the steps that set it. Only called when a write needs it. */
  passwordFor(upn: string): Promise<string>;
  skus: SkuLedger;
  /** The site's room lists, looked up, created and their members read once per run. */
  roomLists: RoomListLedger;
  /** Security groups by display name (the conditional-access exclusion group), looked up once per run. */
  groups: GroupLedger;
  /** How long Graph steps wait for an account created in Exchange (or synchronised) to appear. */
  replication: { timeoutMs: number; pollMs: number };
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  signal?: AbortSignal;
  /** The room's script for a runtime that cannot run here (for manual outcomes). */
  scriptFor(runtime: Step['runtime']): string | undefined;
  /** Rooms whose mailbox this run created: their other objects may take a moment to appear. */
  created: Set<string>;
  /** Dry run: rooms whose mailbox an earlier step would create. */
  wouldCreate: Set<string>;
  /**
   * Per room: the latest read of each Entra user in this room's Graph steps (by lower-case UPN),
   * so that a step compares against the read-back of the step before it instead of reading the
   * same user again. Emptied by any other step, which may change the user behind Graph's back.
   */
  userReads: Map<string, GraphUser>;
}

type StepOf<K extends Step['kind']> = Extract<Step, { kind: K }>;
type Bag = Record<string, unknown>;

const outcome = (step: Step, status: StepStatus, message: string, changes: PropertyChange[] = []): StepOutcome => ({
  room: step.target,
  step: step.id,
  status,
  changes,
  message,
  ...(status === 'failed' || status === 'pending' || status === 'manual' ? { remediation: step.remediation } : {}),
});

const describe = (value: unknown) => (value === null || value === undefined || value === '' ? '(empty)' : JSON.stringify(value));

// ---------------------------------------------------------------------------------------------
// Parameters: the plan's values, with secrets resolved only at the moment of a write.

async function resolveValue(value: ParamValue, step: Step, context: LiveContext, current: Bag | undefined): Promise<unknown> {
  if (typeof value !== 'object' || Array.isArray(value)) return value;
  if ('secret' in value) {
    const password = await context.passwordFor(step.target);
    return value.secret === 'room-password' ? password : { password, forceChangePasswordNextSignIn: false };
  }
  if ('fromCurrent' in value) return current?.[value.fromCurrent];
  if ('hashtable' in value) return { ...value.hashtable };
  return value;
}

async function resolveParameters(parameters: Readonly<Record<string, ParamValue>>, step: Step, context: LiveContext, current?: Bag): Promise<Record<string, unknown>> {
  const resolved: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(parameters)) resolved[name] = await resolveValue(value, step, context, current);
  return resolved;
}

/** What a write would set, for people: secrets shown as a placeholder. */
function visibleParameters(parameters: Readonly<Record<string, ParamValue>>): PropertyChange[] {
  return Object.entries(parameters).map(([property, value]) => ({
    property,
    before: null,
    after: typeof value === 'object' && value !== null && !Array.isArray(value) && 'secret' in value ? '(secret)' : value,
  }));
}

/** The parameters that differ (with their companions) and the changes, for an ensure step. */
function plannedWrites(rules: readonly PropertyRule[], current: Bag): { writes: Record<string, ParamValue>; changes: PropertyChange[]; blocked: string[] } {
  const writes: Record<string, ParamValue> = {};
  const changes: PropertyChange[] = [];
  const blocked: string[] = [];
  for (const { rule, actual, ok } of evaluateRules(current, rules)) {
    if (ok) continue;
    if (!rule.write) {
      blocked.push(`${rule.property} is ${describe(actual)}; it must be ${describe(rule.expected)}, and RoomReady does not change it`);
      continue;
    }
    const value = rule.match === 'token' && typeof rule.write.value === 'string' ? mergeToken(actual, rule.write.value) : rule.write.value;
    writes[rule.write.parameter] = value;
    Object.assign(writes, rule.write.with ?? {});
    changes.push({ property: rule.property, before: actual ?? null, after: typeof value === 'object' ? '(secret)' : value });
  }
  return { writes, changes, blocked };
}

function mismatches(current: Bag, rules: readonly PropertyRule[]): string[] {
  return evaluateRules(current, rules)
    .filter((result) => !result.ok)
    .map((result) => `${result.rule.property} is ${describe(result.actual)}; expected ${describe(result.rule.expected)}`);
}

// ---------------------------------------------------------------------------------------------
// Exchange Online

/**
 * Every write starts here: once the run is cancelled, nothing more is written (a read in flight
 * when the signal fired may finish, but what it would have led to is not sent).
 */
function beforeWrite(context: LiveContext): void {
  context.signal?.throwIfAborted();
}

async function exchangeRead(context: LiveContext, call: CmdletCall, step: Step): Promise<Bag | undefined> {
  try {
    const objects = await context.exchange.invoke(call.cmdlet, (await resolveParameters(call.parameters, step, context)) as ExchangeParameters);
    if (objects.length > 1) throw new Error(`${objects.length} objects match ${step.target}; expected one`);
    return objects[0];
  } catch (error) {
    if (error instanceof ExchangeCmdletError && error.notFound) return undefined;
    throw error;
  }
}

const READ_BACK_READS = 5;

/**
 * Reads until the object is there (right after this run created or changed it): up to 5 reads in
 * all, waiting pollMs, then twice as long each time (at most 10 s) between them. `missed` says how
 * many reads the caller already made without finding it, so the next read waits first.
 */
async function exchangeReadBack(context: LiveContext, call: CmdletCall, step: Step, missed = 0): Promise<Bag | undefined> {
  for (let read = missed; read < READ_BACK_READS; read++) {
    if (read > 0) await context.sleep(Math.min(context.replication.pollMs * 2 ** (read - 1), 10_000), context.signal);
    const current = await exchangeRead(context, call, step);
    if (current) return current;
  }
  return undefined;
}

async function exchangeCreate(step: StepOf<'create'>, context: LiveContext): Promise<StepOutcome> {
  let current = await exchangeRead(context, step.read, step);
  let created = false;
  if (!current) {
    if (context.dryRun) {
      context.wouldCreate.add(step.target.toLowerCase());
      return outcome(step, 'would-change', `${step.create.cmdlet} would create it.`, visibleParameters(step.create.parameters));
    }
    await writeOnce(
      context.signal,
      async () => (await exchangeRead(context, step.read, step)) !== undefined,
      async () => void (await context.exchange.invoke(step.create.cmdlet, (await resolveParameters(step.create.parameters, step, context)) as ExchangeParameters)),
    );
    created = true;
    context.created.add(step.target.toLowerCase());
    current = await exchangeReadBack(context, step.read, step);
    if (!current) return outcome(step, 'pending', 'Created, but Exchange does not show it yet; run again later.');
  }
  const wrong = mismatches(current, step.expect);
  if (wrong.length > 0) return outcome(step, 'failed', `${created ? 'Created, but' : 'It exists, but'} ${wrong.join('; ')}.`);
  return created ? outcome(step, 'changed', 'Created.', visibleParameters(step.create.parameters)) : outcome(step, 'passed', 'Already there and as expected.');
}

/** Read; for a room created in this run, wait a little for what Exchange has not shown yet. */
async function exchangeReadAfterCreate(context: LiveContext, call: CmdletCall, step: Step): Promise<Bag | undefined> {
  const current = await exchangeRead(context, call, step);
  if (current || !context.created.has(step.target.toLowerCase())) return current;
  return exchangeReadBack(context, call, step, 1);
}

async function exchangeEnsure(step: StepOf<'ensure'>, context: LiveContext): Promise<StepOutcome> {
  const current = await exchangeReadAfterCreate(context, step.read, step);
  if (!current && context.wouldCreate.has(step.target.toLowerCase())) {
    const changes = step.properties.filter((rule) => rule.write).map((rule) => ({ property: rule.property, before: null, after: rule.expected }));
    return outcome(step, 'would-change', 'Would be set on the mailbox an earlier step creates.', changes);
  }
  if (!current) {
    if (context.created.has(step.target.toLowerCase())) return outcome(step, 'pending', `${step.target} was just created and ${step.read.cmdlet} does not show it yet; run again later.`);
    // Exchange has the mailbox but this view of it (Places) does not show it yet: replication, as in
    // the run that created it (a resumed or later run does not know that it is new), not a failure.
    if (!/^Get-Mailbox$/i.test(step.read.cmdlet) && (await exchangeRead(context, { cmdlet: 'Get-Mailbox', parameters: { Identity: step.target } }, step))) {
      return outcome(step, 'pending', `${step.target} has a mailbox, but ${step.read.cmdlet} does not show it yet (replication); run again later.`);
    }
    return outcome(step, 'failed', `${step.read.cmdlet} does not find ${step.target}.`);
  }
  const { writes, changes, blocked } = plannedWrites(step.properties, current);
  if (blocked.length > 0) return outcome(step, 'failed', `${blocked.join('; ')}.`);
  if (changes.length === 0) return outcome(step, 'passed', 'Already as expected.');
  if (context.dryRun) return outcome(step, 'would-change', `${step.write.cmdlet} would change ${changes.length} value(s).`, changes);
  const parameters = await resolveParameters({ ...step.write.parameters, ...writes }, step, context, current);
  // An ensure write sets absolute values: sending it twice is harmless, so the gateway may repeat it
  // after a lost connection as it does a read.
  beforeWrite(context);
  await context.exchange.invoke(step.write.cmdlet, parameters as ExchangeParameters, { idempotent: true });
  const after = await exchangeReadBack(context, step.read, step);
  const wrong = after ? mismatches(after, step.properties.filter((rule) => rule.write)) : ['it could not be read back'];
  if (wrong.length > 0) return outcome(step, 'failed', `Changed, but ${wrong.join('; ')}.`, changes);
  return outcome(step, 'changed', `Changed ${changes.map((change) => change.property).join(', ')}.`, changes);
}

async function exchangeVerify(step: StepOf<'verify'>, context: LiveContext): Promise<StepOutcome> {
  const current = await exchangeReadAfterCreate(context, step.read, step);
  if (!current) return outcome(step, context.dryRun ? 'would-change' : 'pending', `${step.target} is not there yet.`);
  const wrong = mismatches(current, step.expect);
  return wrong.length > 0 ? outcome(step, 'failed', `${wrong.join('; ')}.`) : outcome(step, 'passed', 'As expected.');
}

async function exchangeRoomList(step: StepOf<'room-list'>, context: LiveContext): Promise<StepOutcome> {
  const changes: PropertyChange[] = [];
  const list = await context.roomLists.lookup(step.list);
  if (list.state === 'not-a-room-list') {
    return outcome(step, 'failed', `A distribution group named ${JSON.stringify(step.list)} exists but is not a room list.`);
  }
  if (list.state === 'missing') {
    if (context.dryRun) {
      changes.push({ property: 'RoomList', before: null, after: step.list }, { property: 'Member', before: null, after: step.member });
      return outcome(step, 'would-change', 'The room list would be created and the room added.', changes);
    }
    // Whichever room of the run gets here first creates it; the others use it.
    if (await context.roomLists.create(step.list)) changes.push({ property: 'RoomList', before: null, after: step.list });
  }
  if (await context.roomLists.hasMember(step.list, step.member)) {
    return changes.length > 0 ? outcome(step, 'changed', 'Room list created.', changes) : outcome(step, 'passed', 'Already a member.');
  }
  changes.push({ property: 'Member', before: null, after: step.member });
  if (context.dryRun) return outcome(step, 'would-change', 'The room would be added to the list.', changes);
  await context.roomLists.addMember(step.list, step.member);
  return outcome(step, 'changed', 'Added to the room list.', changes);
}

// ---------------------------------------------------------------------------------------------
// Microsoft Graph: the plan speaks Graph PowerShell; these are the same properties in Graph JSON.

const GRAPH_PROPERTIES: Readonly<Record<string, keyof GraphUser | 'passwordProfile'>> = {
  Id: 'id',
  AccountEnabled: 'accountEnabled',
  PasswordPolicies: 'passwordPolicies',
  UsageLocation: 'usageLocation',
  AssignedLicenses: 'assignedLicenses',
  PasswordProfile: 'passwordProfile',
};

function graphProperty(name: string): string {
  const property = GRAPH_PROPERTIES[name];
  if (!property) throw new Error(`no Graph property for the plan's ${name}`);
  return property;
}

/** The user, waiting for replication when it is not there yet; undefined when it never came. */
async function graphUserWithWait(context: LiveContext, upn: string, select: readonly string[]): Promise<GraphUser | undefined> {
  const deadline = Date.now() + context.replication.timeoutMs;
  let delay = context.replication.pollMs;
  for (;;) {
    const user = await context.graph.getUser(upn, select);
    if (user || context.dryRun || Date.now() + delay > deadline) return user;
    await context.sleep(delay, context.signal);
    delay = Math.min(delay * 2, 30_000);
  }
}

/**
 * Every readable property the Graph steps compare (the password profile cannot be read): the same
 * read serves all of a room's Graph steps.
 */
const ROOM_USER_SELECT: readonly string[] = [...new Set(Object.values(GRAPH_PROPERTIES).filter((property) => property !== 'passwordProfile'))];

/**
 * The room's user for a Graph step: the read (or read-back) of the Graph step just before it in this
 * room when there is one, since nothing has written to the user in between; otherwise a read,
 * waiting for replication. Taken out of userReads, so a step that stops half-way leaves nothing
 * stale behind; the step puts back what it read last (rememberUser).
 */
async function roomUser(context: LiveContext, upn: string): Promise<GraphUser | undefined> {
  const latest = context.userReads.get(upn.toLowerCase());
  context.userReads.delete(upn.toLowerCase());
  return latest ?? graphUserWithWait(context, upn, ROOM_USER_SELECT);
}

function rememberUser(context: LiveContext, upn: string, user: GraphUser | undefined): void {
  if (user) context.userReads.set(upn.toLowerCase(), user);
}

function asPascalBag(user: GraphUser): Bag {
  const bag: Bag = {};
  for (const [pascal, camel] of Object.entries(GRAPH_PROPERTIES)) bag[pascal] = (user as unknown as Bag)[camel];
  return bag;
}

const NOT_REPLICATED = 'The account is not in Microsoft Entra ID yet (it appears there after Exchange creates it, or after directory synchronisation); run again later.';

async function graphEnsure(step: StepOf<'ensure'>, context: LiveContext): Promise<StepOutcome> {
  if (step.read.cmdlet !== 'Get-MgUser' || step.write.cmdlet !== 'Update-MgUser') throw new Error(`${step.id}: no live form of ${step.read.cmdlet}/${step.write.cmdlet}`);
  for (const rule of step.properties) graphProperty(rule.property); // every property has a Graph name
  const user = await roomUser(context, step.target);
  if (!user) return outcome(step, context.dryRun ? 'would-change' : 'pending', context.dryRun ? 'The account does not exist yet; an earlier step would create it.' : NOT_REPLICATED);
  const { writes, changes, blocked } = plannedWrites(step.properties, asPascalBag(user));
  if (blocked.length > 0) return outcome(step, 'failed', `${blocked.join('; ')}.`);
  // Nothing written: the next Graph step of the room compares against this same read.
  if (changes.length === 0 || context.dryRun) rememberUser(context, step.target, user);
  if (changes.length === 0) return outcome(step, 'passed', 'Already as expected.');
  if (context.dryRun) return outcome(step, 'would-change', `${changes.length} value(s) would change.`, changes);
  const patch: Bag = {};
  for (const [parameter, value] of Object.entries(writes)) patch[graphProperty(parameter)] = await resolveValue(value, step, context, undefined);
  beforeWrite(context);
  await context.graph.updateUser(user.id, patch as GraphUserPatch);
  // The read-back reads every property the room's Graph steps compare: it is the next step's read.
  const after = await context.graph.getUser(user.id, ROOM_USER_SELECT);
  const wrong = after ? mismatches(asPascalBag(after), step.properties) : ['it could not be read back'];
  if (wrong.length > 0) return outcome(step, 'failed', `Changed, but ${wrong.join('; ')}.`, changes);
  rememberUser(context, step.target, after);
  return outcome(step, 'changed', `Changed ${changes.map((change) => change.property).join(', ')}.`, changes);
}

/** Subscribed SKUs, read once per run and kept up to date as this run assigns units. */
export class SkuLedger {
  private skus: Promise<SubscribedSku[]> | undefined;
  constructor(private readonly graph: GraphGateway) {}

  async find(partNumber: string): Promise<SubscribedSku | undefined> {
    if (!this.skus) {
      // A failed read is not kept: one read that ran out of retries must not fail every later room.
      const read = this.graph.listSubscribedSkus();
      this.skus = read;
      read.catch(() => {
        if (this.skus === read) this.skus = undefined;
      });
    }
    return (await this.skus).find((sku) => sku.skuPartNumber.toLowerCase() === partNumber.toLowerCase());
  }
}

async function graphLicense(step: StepOf<'license'>, context: LiveContext): Promise<StepOutcome> {
  const sku = await context.skus.find(step.skuPartNumber);
  if (!sku) return outcome(step, 'failed', `The tenant has no subscription for ${step.skuPartNumber}.`);
  const user = await roomUser(context, step.user);
  const change: PropertyChange = { property: 'License', before: null, after: sku.skuPartNumber };
  if (!user) return outcome(step, context.dryRun ? 'would-change' : 'pending', context.dryRun ? 'The account does not exist yet; it would get the licence.' : NOT_REPLICATED, context.dryRun ? [change] : []);
  // Unless a licence is assigned below, the user stays as read: later Graph steps may use the read.
  if (context.dryRun) rememberUser(context, step.user, user);
  if ((user.assignedLicenses ?? []).some((license) => license.skuId.toLowerCase() === sku.skuId.toLowerCase())) {
    rememberUser(context, step.user, user);
    return outcome(step, 'passed', 'Already licensed.');
  }
  const free = sku.prepaidUnits.enabled - sku.consumedUnits;
  if (free < 1) return outcome(step, 'failed', `No free ${sku.skuPartNumber} licence: ${sku.consumedUnits} of ${sku.prepaidUnits.enabled} are assigned.`);
  if (context.dryRun) return outcome(step, 'would-change', `${sku.skuPartNumber} would be assigned (${free} free).`, [change]);
  beforeWrite(context);
  await context.graph.assignLicense(user.id, [sku.skuId], []);
  sku.consumedUnits++;
  return outcome(step, 'changed', `Assigned ${sku.skuPartNumber}.`, [change]);
}

async function graphGroupMembership(step: StepOf<'group-membership'>, context: LiveContext): Promise<StepOutcome> {
  const group = await context.groups.lookup(step.group);
  if (group.state === 'missing') return outcome(step, 'failed', `There is no group named ${JSON.stringify(step.group)} in Microsoft Entra ID.`);
  if (group.state === 'ambiguous') {
    return outcome(step, 'failed', `Several groups (${group.count}) are named ${JSON.stringify(step.group)}; RoomReady does not guess which one the policies exclude.`);
  }
  const change: PropertyChange = { property: 'MemberOf', before: null, after: step.group };
  const user = await roomUser(context, step.member);
  if (!user) return outcome(step, context.dryRun ? 'would-change' : 'pending', context.dryRun ? 'The account does not exist yet; it would be added to the group.' : NOT_REPLICATED, context.dryRun ? [change] : []);
  // Group membership is not a property of the user: later Graph steps of the room may use this read.
  rememberUser(context, step.member, user);
  if (await context.groups.isMember(group.id, user.id)) return outcome(step, 'passed', 'Already a member.');
  if (context.dryRun) return outcome(step, 'would-change', `The account would be added to ${step.group}.`, [change]);
  beforeWrite(context);
  await context.groups.addMember(group.id, user.id);
  if (!(await context.groups.isMember(group.id, user.id))) return outcome(step, 'pending', 'Added, but the account\'s memberships do not show the group yet; run again later.', [change]);
  return outcome(step, 'changed', `Added to ${step.group}.`, [change]);
}

// ---------------------------------------------------------------------------------------------

function manual(step: Step, context: LiveContext): StepOutcome {
  if (step.kind === 'manual') return outcome(step, 'manual', step.instructions.join(' '));
  const script = context.scriptFor(step.runtime);
  const where = RUNTIMES[step.runtime].where;
  return outcome(step, 'manual', `Runs in ${where}${script ? `: ${script}` : ''}; RoomReady cannot run it from here.`);
}

/** Does RoomReady carry this step out itself (rather than report it as manual)? */
export function isLive(step: Step): boolean {
  return step.runtime === 'exchange-online' || step.runtime === 'graph';
}

export async function runLiveStep(step: Step, context: LiveContext): Promise<StepOutcome> {
  context.signal?.throwIfAborted();
  // Any other step may change the room's user (Exchange, directory sync): read it afresh after one.
  if (step.runtime !== 'graph') context.userReads.clear();
  if (step.runtime === 'exchange-online') {
    switch (step.kind) {
      case 'create':
        return exchangeCreate(step, context);
      case 'ensure':
        return exchangeEnsure(step, context);
      case 'verify':
        return exchangeVerify(step, context);
      case 'room-list':
        return exchangeRoomList(step, context);
      default:
        return manual(step, context);
    }
  }
  if (step.runtime === 'graph') {
    if (step.kind === 'ensure') return graphEnsure(step, context);
    if (step.kind === 'license') return graphLicense(step, context);
    if (step.kind === 'group-membership') return graphGroupMembership(step, context);
  }
  return manual(step, context);
}
