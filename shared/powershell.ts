// Steps -> injection-safe, idempotent PowerShell (ARCHITECTURE.md, Security rules). One script per
// runtime covers that runtime's steps of one room (a room's folder) or of every room (site-wide).
// Values enter a script only as verbatim literals (powershell/literal.ts); passwords never do.
export { generateScript, generateScriptParts, type GenerateScriptInput, type SharedText } from './powershell/script.ts';
export { scriptFileName, scriptPhases, withUtf8Bom, UTF8_BOM, POWERSHELL_FILE_ENCODING_NOTE } from './powershell/files.ts';
export {
  RESULT_PREFIX,
  RESULT_SCHEMA_VERSION,
  RESULT_FIELDS,
  STEP_STATUSES,
  ScriptResultSchema,
  ResultChangeSchema,
  parseResultLine,
  parseScriptOutput,
  type StepStatus,
  type ScriptResult,
  type ResultChange,
  type ParsedScriptOutput,
} from './powershell/results.ts';
export { WAITS_FOR_REPLICATION } from './powershell/environment.ts';
export { psString, psBool, psInt, psArray, psValue } from './powershell/literal.ts';
