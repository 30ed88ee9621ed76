// OData string literals for Microsoft Graph $filter expressions: the value between single quotes,
// each single quote doubled (OData ABNF, SQUOTE-in-string). Only U+0027 is a quote to OData; a
// PowerShell script that carries the filter quotes it again (powershell/literal.ts).

/** 'value' with every ' doubled: "O'Brien" -> 'O''Brien'. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** displayName eq '<name>' */
export function displayNameFilter(name: string): string {
  return `displayName eq ${odataString(name)}`;
}
