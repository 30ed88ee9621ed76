// One step of one room as PowerShell, for each step kind. The shape is the same everywhere: read
// the current state, compare it with the desired values (literal hashtables an admin can review),
// and only then, inside `if (... $PSCmdlet.ShouldProcess(...))`, write and read back. The logic
// lives in the helper library (library.ts); this file only lays out the data and the cmdlet calls.
import type { CmdletCall, PropertyRule, Step } from '../plan/types.ts';
import type { Code } from './code.ts';
import { psString } from './literal.ts';
import { cmdletName, invocation, parameterName, paramValue, scalar } from './values.ts';

type StepOf<K extends Step['kind']> = Extract<Step, { kind: K }>;

/** The fixed calls of a room-list step (the plan names only the list and the member). */
export function roomListCalls(step: StepOf<'room-list'>) {
  return {
    read: { cmdlet: 'Get-DistributionGroup', parameters: { Identity: step.list } },
    create: { cmdlet: 'New-DistributionGroup', parameters: { Name: step.list, RoomList: true } },
    members: { cmdlet: 'Get-DistributionGroupMember', parameters: { Identity: step.list, ResultSize: 'Unlimited' } },
    add: { cmdlet: 'Add-DistributionGroupMember', parameters: { Identity: step.list, Member: step.member } },
  } satisfies Record<string, CmdletCall>;
}

/**
 * The fixed calls of a group-membership step: the group by display name (an OData literal inside a
 * PowerShell literal, so a quote in the name is doubled for each), the user, the user's direct
 * memberships, and the write. The write's ids are the ones the reads found: stand-ins here.
 */
export function groupMembershipCalls(step: StepOf<'group-membership'>) {
  return {
    group: { cmdlet: 'Get-MgGroup', parameters: { Filter: step.groupFilter, Property: ['Id', 'DisplayName'], All: true } },
    user: { cmdlet: 'Get-MgUser', parameters: { UserId: step.member, Property: ['Id'] } },
    memberOf: { cmdlet: 'Get-MgUserMemberOf', parameters: { UserId: step.member, All: true } },
    add: { cmdlet: 'New-MgGroupMember', parameters: { GroupId: '(the group\'s id)', DirectoryObjectId: '(the user\'s id)' } },
  } satisfies Record<string, CmdletCall>;
}

/** The fixed read of a licence step; the SKU list is read once per script by the library. */
export function licenseReadCall(step: StepOf<'license'>): CmdletCall {
  return { cmdlet: 'Get-MgUser', parameters: { UserId: step.user, Property: ['Id', 'AssignedLicenses'] } };
}

/** Cmdlets a step reads with and writes with: for the script's environment check and its comments. */
export function stepCmdlets(step: Step): { reads: string[]; writes: string[] } {
  switch (step.kind) {
    case 'create':
      return { reads: [step.read.cmdlet], writes: [step.create.cmdlet] };
    case 'ensure':
      return { reads: [step.read.cmdlet], writes: [step.write.cmdlet] };
    case 'verify':
      return { reads: [step.read.cmdlet], writes: [] };
    case 'room-list': {
      const calls = roomListCalls(step);
      return { reads: [calls.read.cmdlet, calls.members.cmdlet], writes: [calls.create.cmdlet, calls.add.cmdlet] };
    }
    case 'license':
      return { reads: [licenseReadCall(step).cmdlet, 'Get-MgSubscribedSku'], writes: ['Set-MgUserLicense'] };
    case 'group-membership': {
      const calls = groupMembershipCalls(step);
      return { reads: [calls.group.cmdlet, calls.user.cmdlet, calls.memberOf.cmdlet], writes: [calls.add.cmdlet] };
    }
    case 'manual':
      throw new Error(`manual step ${step.id} has no script`);
  }
}

const WRITES_WHEN: Record<Exclude<Step['kind'], 'manual'>, string> = {
  create: 'only when the read finds nothing',
  ensure: 'only the parameters whose value differs',
  verify: 'nothing: this step only checks',
  'room-list': 'the first when the list is missing, the second when the room is not in it',
  license: 'only when the licence is missing and the tenant has a free unit',
  'group-membership': 'only when exactly one group has the name and the room is not a member yet',
};

const APPROVED = '$PSCmdlet.ShouldProcess($Step.Target, $Step.Action)';
const WRITE_TAIL = " -Confirm:$false -ErrorAction 'Stop'";

function readBlock(call: CmdletCall): string {
  return `{ ${invocation(call, 'data')} }`;
}

function expectationLine(rule: PropertyRule): string {
  return `@{ Property = ${psString(rule.property)}; Expected = ${scalar(rule.expected)}; Match = ${psString(rule.match ?? 'equals')} }`;
}

function ruleLine(rule: PropertyRule): string {
  const parts = [`Property = ${psString(rule.property)}`, `Expected = ${scalar(rule.expected)}`, `Match = ${psString(rule.match ?? 'equals')}`];
  if (rule.write) {
    parts.push(`Parameter = ${psString(parameterName(rule.write.parameter))}`, `Value = ${paramValue(rule.write.value, 'data')}`);
    const withEntries = Object.entries(rule.write.with ?? {});
    if (withEntries.length > 0) {
      parts.push(`With = @{ ${withEntries.map(([name, value]) => `${parameterName(name)} = ${paramValue(value, 'data')}`).join('; ')} }`);
    }
  }
  return `@{ ${parts.join('; ')} }`;
}

function listOf(code: Code, variable: string, lines: string[]): void {
  if (lines.length === 0) {
    code.line(`${variable} = @()`);
    return;
  }
  code.block(`${variable} = @(`, (inner) => lines.forEach((line) => inner.line(line)), ')');
}

function orderedHashtable(code: Code, variable: string, parameters: CmdletCall['parameters']): void {
  code.block(`${variable} = [ordered]@{`, (inner) => {
    for (const [name, value] of Object.entries(parameters)) inner.line(`${parameterName(name)} = ${paramValue(value, 'data')}`);
  });
}

function createBody(code: Code, step: StepOf<'create'>): void {
  orderedHashtable(code, '$Create', step.create.parameters);
  listOf(code, '$Expect', step.expect.map(expectationLine));
  code.line(`$Current = Read-RoomReadyState -Step $Step -NoWait -Read ${readBlock(step.read)}`);
  code.block('if ($null -eq $Current) {', (missing) => {
    missing.line(`Register-RoomReadyCreate -Step $Step -Parameters $Create -Cmdlet ${psString(cmdletName(step.create.cmdlet))}`);
    missing.block(`if (${APPROVED}) {`, (approved) => {
      approved.line(`Invoke-RoomReadyWrite -Step $Step -Parameters $Create -Write { param($Parameters) $null = ${cmdletName(step.create.cmdlet)} @Parameters${WRITE_TAIL} }`);
      approved.line(`$Current = Read-RoomReadyState -Step $Step -AfterWrite -Read ${readBlock(step.read)}`);
    });
  });
  code.line('Test-RoomReadyExpectations -Step $Step -Current $Current -Rules $Expect');
}

function ensureBody(code: Code, step: StepOf<'ensure'>): void {
  listOf(code, '$Rules', step.properties.map(ruleLine));
  code.line(`$Current = Read-RoomReadyState -Step $Step -Read ${readBlock(step.read)}`);
  code.line(`$Write = Compare-RoomReadyState -Step $Step -Current $Current -Rules $Rules -Cmdlet ${psString(cmdletName(step.write.cmdlet))}`);
  code.block(`if ($Write.Count -gt 0 -and ${APPROVED}) {`, (approved) => {
    approved.line(`Invoke-RoomReadyWrite -Step $Step -Parameters $Write -Write { param($Parameters) $null = ${invocation(step.write, 'write', ` @Parameters -Confirm:$false`)} }`);
    approved.line(`Confirm-RoomReadyState -Step $Step -Rules $Rules -Read ${readBlock(step.read)}`);
  });
}

function verifyBody(code: Code, step: StepOf<'verify'>): void {
  listOf(code, '$Expect', step.expect.map(expectationLine));
  code.line(`$Current = Read-RoomReadyState -Step $Step -Read ${readBlock(step.read)}`);
  code.line('Test-RoomReadyExpectations -Step $Step -Current $Current -Rules $Expect');
}

function roomListBody(code: Code, step: StepOf<'room-list'>): void {
  const calls = roomListCalls(step);
  const list = psString(step.list);
  const member = psString(step.member);
  orderedHashtable(code, '$CreateList', calls.create.parameters);
  code.line(`$List = Read-RoomReadyState -Step $Step -NoWait -Read ${readBlock(calls.read)}`);
  code.block('if ($null -eq $List) {', (missing) => {
    missing.line(`Register-RoomReadyCreate -Step $Step -Parameters $CreateList -Cmdlet ${psString(calls.create.cmdlet)}`);
    missing.block(`if (${APPROVED}) {`, (approved) => {
      approved.line(`Invoke-RoomReadyWrite -Step $Step -Parameters $CreateList -Write { param($Parameters) $null = ${calls.create.cmdlet} @Parameters${WRITE_TAIL} }`);
      approved.line(`$List = Read-RoomReadyState -Step $Step -AfterWrite -Read ${readBlock(calls.read)}`);
    });
  });
  code.line(`$AddMember = Test-RoomReadyListMembership -Step $Step -List $List -ListName ${list} -Member ${member} -Read ${readBlock(calls.members)}`);
  code.block(`if ($AddMember -and ${APPROVED}) {`, (approved) => {
    approved.line(`Invoke-RoomReadyWrite -Step $Step -Write { $null = ${invocation(calls.add, 'data', ' -Confirm:$false')} }`);
    approved.line(`Confirm-RoomReadyListMember -Step $Step -Member ${member} -Read ${readBlock(calls.members)}`);
  });
}

function licenseBody(code: Code, step: StepOf<'license'>): void {
  const read = licenseReadCall(step);
  const user = psString(step.user);
  code.line(`$User = Read-RoomReadyState -Step $Step -Read ${readBlock(read)}`);
  code.line(`$Sku = Get-RoomReadyLicenseToAssign -Step $Step -User $User -SkuPartNumber ${psString(step.skuPartNumber)}`);
  code.block(`if ($null -ne $Sku -and ${APPROVED}) {`, (approved) => {
    approved.line(
      `Invoke-RoomReadyWrite -Step $Step -Write { $null = Set-MgUserLicense -UserId ${user} -AddLicenses @(@{ SkuId = $Sku.SkuId }) -RemoveLicenses @()${WRITE_TAIL} }`,
    );
    approved.line(`Confirm-RoomReadyLicense -Step $Step -SkuId $Sku.SkuId -Read ${readBlock(read)}`);
  });
}

function groupMembershipBody(code: Code, step: StepOf<'group-membership'>): void {
  const calls = groupMembershipCalls(step);
  code.line(`$GroupId = Get-RoomReadyGroupId -Step $Step -GroupName ${psString(step.group)} -Read ${readBlock(calls.group)}`);
  code.block('if ($null -ne $GroupId) {', (found) => {
    found.line(`$User = Read-RoomReadyState -Step $Step -Read ${readBlock(calls.user)}`);
    found.line(`$UserId = Test-RoomReadyGroupMembership -Step $Step -GroupId $GroupId -GroupName ${psString(step.group)} -User $User -Read ${readBlock(calls.memberOf)}`);
    found.block(`if ($null -ne $UserId -and ${APPROVED}) {`, (approved) => {
      // Added by an earlier attempt whose answer was lost: Graph says so, and that is the state wanted.
      approved.line(
        `Invoke-RoomReadyWrite -Step $Step -Write { try { $null = ${calls.add.cmdlet} -GroupId $GroupId -DirectoryObjectId $UserId${WRITE_TAIL} } catch { Assert-RoomReadyAlreadyMember -ErrorRecord $_ } }`,
      );
      approved.line(`Confirm-RoomReadyGroupMember -Step $Step -GroupId $GroupId -Read ${readBlock(calls.memberOf)}`);
    });
  });
}

/** The code of one step for one room, at script scope (so $PSCmdlet is the script's own). */
export function renderStep(code: Code, step: Step, number: number, count: number): void {
  if (step.kind === 'manual') throw new Error(`manual step ${step.id} has no script`);
  const cmdlets = stepCmdlets(step);
  code.line();
  code.comment(`---- Step ${number} of ${count}: ${step.id} (${step.kind}) ----`);
  code.comment(step.title);
  code.comment(`Reads: ${cmdlets.reads.join(', ')}. Writes: ${cmdlets.writes.length > 0 ? `${cmdlets.writes.join(', ')}, ` : ''}${WRITES_WHEN[step.kind]}.`);
  code.line(
    `$Step = Start-RoomReadyStep -RoomContext $RoomContext -Id ${psString(step.id)} -Kind ${psString(step.kind)} -Title ${psString(step.title)} -Remediation ${psString(step.remediation)}`,
  );
  code.block('if ($Step.Run) {', (run) => {
    run.block('try {', (body) => {
      switch (step.kind) {
        case 'create':
          return createBody(body, step);
        case 'ensure':
          return ensureBody(body, step);
        case 'verify':
          return verifyBody(body, step);
        case 'room-list':
          return roomListBody(body, step);
        case 'license':
          return licenseBody(body, step);
        case 'group-membership':
          return groupMembershipBody(body, step);
      }
    });
    run.line('catch { Set-RoomReadyStepError -Step $Step -ErrorRecord $_ }');
  });
  code.line('Complete-RoomReadyStep -Step $Step');
}
