// The official parameter names, switches and parameter sets of every cmdlet a room needs
// (test/fixtures/reference/cmdlet-params.json), and a checker for one call's parameter names.
import { readFileSync } from 'node:fs';

interface CmdletEntry {
  parameters: string[];
  switches: string[];
  sets: string[][];
  set_names: string[];
  aliases: Record<string, string[]> | null;
  supports_should_process: boolean;
}

interface Reference {
  common: string[];
  cmdlets: Record<string, CmdletEntry>;
}

export const REFERENCE: Reference = JSON.parse(readFileSync(new URL('../../../fixtures/reference/cmdlet-params.json', import.meta.url), 'utf8'));

/**
 * Commands that are not in the reference but may appear in a script, with the full parameter names
 * the scripts may use (from the PowerShell documentation of each; common parameters are always
 * allowed). Anything else is a finding.
 */
export const ALLOWED_COMMANDS: Readonly<Record<string, readonly string[]>> = {
  'Set-StrictMode': ['Version'],
  'Write-Host': [],
  'Write-Output': [],
  'Write-Warning': [],
  'Start-Sleep': ['Seconds'],
  'Read-Host': ['AsSecureString', 'Prompt'],
  'Import-Module': ['Name'],
  'Get-Module': ['Name'],
  'Get-Command': ['Name'],
  'Get-Date': [],
  'New-Object': ['TypeName', 'ArgumentList'],
  'Where-Object': [],
  'ForEach-Object': [],
  'Select-Object': ['First'],
  'Sort-Object': ['Property', 'Descending'],
  'ConvertTo-Json': ['InputObject', 'Depth', 'Compress'],
  'Test-Path': ['LiteralPath', 'PathType'],
  'Join-Path': ['Path', 'ChildPath'],
  'Import-Clixml': ['LiteralPath'],
  'Export-Clixml': ['LiteralPath'],
  'New-Item': ['ItemType', 'Path', 'Force'],
  // Connection probes (ExchangeOnlineManagement v3, Microsoft.Graph.Authentication, MicrosoftTeams).
  'Get-ConnectionInformation': [],
  'Get-MgContext': [],
  'Get-CsTenant': [],
};

/** Problems with one call: unknown or abbreviated names, wrong case, or no parameter set fits. */
export function checkCall(cmdlet: string, names: readonly string[], values: Readonly<Record<string, unknown>> = {}): string[] {
  const entry = REFERENCE.cmdlets[cmdlet];
  if (!entry) return [`${cmdlet} is not in cmdlet-params.json`];
  const problems: string[] = [];
  const specific = names.filter((name) => !REFERENCE.common.includes(name));
  for (const name of specific) {
    if (!entry.parameters.includes(name)) {
      const alias = Object.entries(entry.aliases ?? {}).find(([, list]) => list.some((item) => item.toLowerCase() === name.toLowerCase()));
      const caseOnly = entry.parameters.find((parameter) => parameter.toLowerCase() === name.toLowerCase());
      const prefix = entry.parameters.filter((parameter) => parameter.toLowerCase().startsWith(name.toLowerCase()));
      problems.push(
        `${cmdlet} -${name}: ${alias ? `an alias of -${alias[0]}` : caseOnly ? `spelled -${caseOnly}` : prefix.length > 0 ? `a prefix of -${prefix.join(', -')}` : 'no such parameter'}`,
      );
    }
  }
  if (problems.length === 0 && specific.length > 0 && !entry.sets.some((set) => specific.every((name) => set.includes(name)))) {
    problems.push(`${cmdlet}: no parameter set has all of -${specific.join(', -')} (sets: ${entry.set_names.join(', ')})`);
  }
  for (const [name, value] of Object.entries(values)) {
    if (entry.switches.includes(name) && typeof value !== 'boolean') problems.push(`${cmdlet} -${name} is a switch but gets ${JSON.stringify(value)}`);
  }
  return problems;
}
