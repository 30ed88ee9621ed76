// Plan values as PowerShell expressions. Every user value goes through literal.ts; names (cmdlets,
// parameters, hashtable keys) come from the plan's data and are checked to be plain identifiers so
// that nothing but a literal can carry a value into the script.
import type { CmdletCall, ParamValue, Scalar } from '../plan/types.ts';
import { psArray, psBool, psInt, psString } from './literal.ts';

/** Script variables standing for the room password; the script swaps them at run time, after approval. */
export const SECRET_VARIABLES = {
  'room-password': '$RoomPasswordSecret',
  'room-password-profile': '$RoomPasswordProfileSecret',
} as const;

const PARAMETER_NAME = /^[A-Za-z][A-Za-z0-9]*$/;
const CMDLET_NAME = /^[A-Za-z]+-[A-Za-z][A-Za-z0-9]*$/;

export function parameterName(name: string): string {
  if (!PARAMETER_NAME.test(name)) throw new Error(`"${name}" is not a PowerShell parameter name`);
  return name;
}

export function cmdletName(name: string): string {
  if (!CMDLET_NAME.test(name)) throw new Error(`"${name}" is not a cmdlet name (Verb-Noun)`);
  return name;
}

export function scalar(value: Scalar): string {
  if (typeof value === 'string') return psString(value);
  if (typeof value === 'number') return psInt(value);
  return psBool(value);
}

/** A hashtable key: bare when it is an identifier, else a verbatim string. */
function hashKey(key: string): string {
  return PARAMETER_NAME.test(key) ? key : psString(key);
}

/** @{ Key = 'value'; ... } on one line. */
export function hashtable(entries: Readonly<Record<string, Scalar>>): string {
  const body = Object.entries(entries).map(([key, item]) => `${hashKey(key)} = ${scalar(item)}`);
  return body.length === 0 ? '@{}' : `@{ ${body.join('; ')} }`;
}

/**
 * A parameter value. `fromCurrent` reads a property of the object the step's read returned
 * ($Current), so it is only meaningful in a write call, where it is evaluated after the read.
 */
export function paramValue(value: ParamValue, where: 'write' | 'data'): string {
  if (typeof value !== 'object') return scalar(value);
  if (Array.isArray(value)) return psArray(value as readonly string[]);
  if ('secret' in value) return SECRET_VARIABLES[value.secret];
  if ('hashtable' in value) return hashtable(value.hashtable);
  if ('fromCurrent' in value) {
    if (where !== 'write') throw new Error(`fromCurrent (${value.fromCurrent}) is only supported in the base parameters of an ensure step's write`);
    return `(Get-RoomReadyProperty -InputObject $Current -Name ${psString(value.fromCurrent)})`;
  }
  throw new Error(`unsupported parameter value ${JSON.stringify(value)}`);
}

/** ` -Name value` for each parameter; booleans as -Name:$true so switches and [bool] both bind. */
export function parameterList(parameters: CmdletCall['parameters'], where: 'write' | 'data'): string {
  return Object.entries(parameters)
    .map(([name, value]) => (typeof value === 'boolean' ? ` -${parameterName(name)}:${psBool(value)}` : ` -${parameterName(name)} ${paramValue(value, where)}`))
    .join('');
}

/** `Get-Mailbox -Identity 'x' -ErrorAction 'Stop'`. Module functions (EXO v3, implicit remoting)
 * do not inherit $ErrorActionPreference, so every call names -ErrorAction itself. */
export function invocation(call: CmdletCall, where: 'write' | 'data', extra = ''): string {
  return `${cmdletName(call.cmdlet)}${parameterList(call.parameters, where)}${extra} -ErrorAction 'Stop'`;
}
