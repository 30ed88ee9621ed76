// The one line a generated script prints per room and step, and how the app reads it back. The
// script writes RESULT_PREFIX + compact JSON with only ASCII characters (everything else escaped as
// \uXXXX), so a console code page cannot mangle it; the field names below are the ones the script's
// Complete-RoomReadyStep writes (library.ts builds its hashtable from RESULT_FIELDS).
import { z } from 'zod';
import { RUNTIME_IDS, STEP_IDS } from '../plan/types.ts';

export const RESULT_PREFIX = 'ROOMREADY-RESULT ';
export const RESULT_SCHEMA_VERSION = 1;

/**
 * passed: already right, nothing written. changed: written and read back right. would-change: a
 * -WhatIf run (or a declined -Confirm) found something to change. failed: an error or a value
 * RoomReady must not change. pending: waiting for replication or provisioning; run again later.
 * skipped: not attempted because an earlier step of the same room failed.
 */
export const STEP_STATUSES = ['passed', 'changed', 'would-change', 'failed', 'pending', 'skipped'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

/** Reported values are flattened to scalars by the script; secrets are never reported. */
const ReportedValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const ResultChangeSchema = z.strictObject({
  property: z.string().min(1),
  before: ReportedValueSchema,
  after: ReportedValueSchema,
});
export type ResultChange = z.infer<typeof ResultChangeSchema>;

export const ScriptResultSchema = z.strictObject({
  schemaVersion: z.literal(RESULT_SCHEMA_VERSION),
  runtime: z.enum(RUNTIME_IDS),
  room: z.string().min(1),
  step: z.enum(STEP_IDS),
  status: z.enum(STEP_STATUSES),
  changes: z.array(ResultChangeSchema),
  /** The cmdlet's error text when failed; why it is pending or skipped; empty when passed. */
  message: z.string(),
  /** The step's remediation when failed or pending; empty otherwise. */
  remediation: z.string(),
});
export type ScriptResult = z.infer<typeof ScriptResultSchema>;

/** In the order the script writes them. */
export const RESULT_FIELDS = ['schemaVersion', 'runtime', 'room', 'step', 'status', 'changes', 'message', 'remediation'] as const satisfies readonly (keyof ScriptResult)[];

/** A result line, or undefined when the line is not one (or is malformed). */
export function parseResultLine(line: string): ScriptResult | undefined {
  const text = line.endsWith('\r') ? line.slice(0, -1) : line;
  if (!text.startsWith(RESULT_PREFIX)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text.slice(RESULT_PREFIX.length));
  } catch {
    return undefined;
  }
  const parsed = ScriptResultSchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

export interface ParsedScriptOutput {
  results: ScriptResult[];
  /** Every other line (progress, warnings, errors), in order. */
  otherLines: string[];
  /** Lines that start with RESULT_PREFIX but do not parse: a bug or a truncated run. */
  malformed: string[];
}

export function parseScriptOutput(text: string): ParsedScriptOutput {
  const output: ParsedScriptOutput = { results: [], otherLines: [], malformed: [] };
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  for (const line of lines) {
    const result = parseResultLine(line);
    if (result) output.results.push(result);
    else if (line.startsWith(RESULT_PREFIX)) output.malformed.push(line);
    else output.otherLines.push(line);
  }
  return output;
}
