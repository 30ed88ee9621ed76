// The small pieces every script is assembled from: names are refused unless they are plain
// identifiers, comments refuse anything that could end them, values render as literals.
import { describe, expect, it } from 'vitest';
import { Code, comment } from '../../../shared/powershell/code.ts';
import { cmdletName, hashtable, invocation, parameterList, parameterName, paramValue } from '../../../shared/powershell/values.ts';

describe('names', () => {
  it('accepts identifiers and Verb-Noun, refuses anything that could carry code', () => {
    expect(parameterName('RoomMailboxPassword')).toBe('RoomMailboxPassword');
    expect(cmdletName('Set-CalendarProcessing')).toBe('Set-CalendarProcessing');
    for (const bad of ['Name; Remove-Item C:\\', 'Name ', '-Name', 'Na$me', '', 'Name:']) expect(() => parameterName(bad)).toThrow();
    for (const bad of ['Get-Mailbox;', 'Get-Mailbox Remove', 'GetMailbox', '& Get-Mailbox', 'Get-']) expect(() => cmdletName(bad)).toThrow();
  });
});

describe('values', () => {
  it('renders each kind of plan value', () => {
    expect(paramValue("O'Brien", 'data')).toBe("'O''Brien'");
    expect(paramValue(12, 'data')).toBe('12');
    expect(paramValue(false, 'data')).toBe('$false');
    expect(paramValue(['Id', "x'y"], 'data')).toBe("@('Id', 'x''y')");
    expect(paramValue({ secret: 'room-password' }, 'data')).toBe('$RoomPasswordSecret');
    expect(paramValue({ secret: 'room-password-profile' }, 'data')).toBe('$RoomPasswordProfileSecret');
    expect(paramValue({ hashtable: { proxyAddresses: 'SMTP:a@b.c', 'odd key': true } }, 'data')).toBe("@{ proxyAddresses = 'SMTP:a@b.c'; 'odd key' = $true }");
    expect(hashtable({})).toBe('@{}');
  });

  it('reads fromCurrent only in a write, where the read has already happened', () => {
    expect(paramValue({ fromCurrent: 'DistinguishedName' }, 'write')).toBe("(Get-RoomReadyProperty -InputObject $Current -Name 'DistinguishedName')");
    expect(() => paramValue({ fromCurrent: 'DistinguishedName' }, 'data')).toThrow(/fromCurrent/);
  });

  it('writes booleans as -Name:$value and names -ErrorAction on every call', () => {
    expect(parameterList({ Room: true, ShowBanner: false, Name: 'x' }, 'data')).toBe(" -Room:$true -ShowBanner:$false -Name 'x'");
    expect(invocation({ cmdlet: 'Get-Mailbox', parameters: { Identity: 'a@b.c' } }, 'data')).toBe("Get-Mailbox -Identity 'a@b.c' -ErrorAction 'Stop'");
    expect(() => parameterList({ 'Bad Name': 'x' }, 'data')).toThrow();
  });
});

describe('comments', () => {
  it('hold one line of fixed text and nothing that could end them', () => {
    expect(comment('Reads: Get-Mailbox')).toBe('# Reads: Get-Mailbox');
    for (const bad of ['a\nb', 'a\rb', 'a\u2028b', 'a\u0085b', 'end #> code', '<# start']) expect(() => comment(bad)).toThrow();
    expect(() => new Code().comment('x\ny')).toThrow();
  });

  it('indents blocks, and keeps a multi-line literal exactly as it is', () => {
    const code = new Code().block('if ($true) {', (inner) => inner.line("$a = 'line1\nline2'")).toString();
    expect(code).toBe("if ($true) {\n    $a = 'line1\nline2'\n}\n");
  });
});
