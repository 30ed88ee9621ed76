// What a simulated cmdlet is: its parameters (names, types, which are mandatory) and what it does.
// Parameters bind as in PowerShell: names ignore case, a name the cmdlet does not have is a
// ParameterBindingException, common parameters (-ErrorAction, -Confirm...) are accepted.
import type { Caller } from '../identity/access.ts';
import type { TenantState } from '../state/tenant.ts';
import { CmdletProblem, parameterBinding, unknownParameter } from './errors.ts';
import { coerceBoolean, coerceEnum, coerceInt, coerceString, coerceStrings, type Coerced } from './values.ts';

export interface ExchangeCall {
  tenant: TenantState;
  caller: Caller;
}

export type ParameterType = 'string' | 'strings' | 'boolean' | 'int' | 'switch' | 'enum' | 'sizeOrUnlimited' | 'secret';

export interface ParameterSpec {
  type: ParameterType;
  values?: readonly string[];
}

export interface CmdletResult {
  values: Record<string, unknown>[];
  warnings: string[];
}

export interface CmdletDefinition {
  name: string;
  /** Get-* cmdlets read; the others write. */
  kind: 'read' | 'write';
  parameters: Readonly<Record<string, ParameterSpec>>;
  mandatory?: readonly string[];
  /** Parameters the real cmdlet has that the simulator does not model: refused with a clear message. */
  unsupported?: readonly string[];
  run(call: ExchangeCall, params: Record<string, unknown>): CmdletResult;
}

export type BoundParameters = Record<string, unknown>;

const COMMON_PARAMETERS = ['Verbose', 'Debug', 'ErrorAction', 'ErrorVariable', 'WarningAction', 'WarningVariable', 'InformationAction', 'InformationVariable', 'OutVariable', 'OutBuffer', 'PipelineVariable', 'Confirm'];

function coerce(name: string, spec: ParameterSpec, value: unknown): Coerced<unknown> {
  switch (spec.type) {
    case 'string':
      return coerceString(name, value);
    case 'strings':
      return coerceStrings(name, value);
    case 'boolean':
      return coerceBoolean(name, value);
    case 'switch':
      return coerceBoolean(name, value ?? true);
    case 'int':
      return value === null ? { ok: true, value: null } : coerceInt(name, value);
    case 'enum':
      return coerceEnum(name, value, spec.values ?? []);
    case 'sizeOrUnlimited':
      return typeof value === 'string' && value.toLowerCase() === 'unlimited' ? { ok: true, value: Infinity } : coerceInt(name, value);
    case 'secret':
      // SecureString: the module sends it encrypted or as text; either way it is not read back.
      return { ok: true, value };
  }
}

export function bindParameters(definition: CmdletDefinition, raw: Readonly<Record<string, unknown>>): BoundParameters {
  const bound: BoundParameters = {};
  const byLower = new Map(Object.keys(definition.parameters).map((p) => [p.toLowerCase(), p]));
  for (const [given, value] of Object.entries(raw)) {
    if (given.startsWith('@odata')) continue;
    if (COMMON_PARAMETERS.some((c) => c.toLowerCase() === given.toLowerCase())) continue;
    if (given.toLowerCase() === 'whatif') {
      if (value === false) continue;
      throw new CmdletProblem(400, 'System.NotSupportedException', `The simulated tenant does not run ${definition.name} -WhatIf.`);
    }
    if (definition.unsupported?.some((u) => u.toLowerCase() === given.toLowerCase())) {
      throw new CmdletProblem(400, 'System.NotSupportedException', `The simulated tenant does not model ${definition.name} -${given}.`);
    }
    const name = byLower.get(given.toLowerCase());
    if (!name) throw unknownParameter(given);
    const result = coerce(name, definition.parameters[name]!, value);
    if (!result.ok) throw parameterBinding(result.message);
    bound[name] = result.value;
  }
  const missing = (definition.mandatory ?? []).filter((m) => bound[m] === undefined || bound[m] === null || bound[m] === '');
  if (missing.length > 0) throw parameterBinding(`Cannot process command because of one or more missing mandatory parameters: ${missing.join(' ')}.`);
  return bound;
}

/** "The command completed successfully but no settings of 'x' have been modified." */
export function noChangeWarning(identity: string): string {
  return `The command completed successfully but no settings of '${identity}' have been modified.`;
}
