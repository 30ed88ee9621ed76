// The Markdown report: coverage before rooms, every finding with its evidence and fix, and no value
// read from the tenant able to add formatting, links, HTML or lines.
import { describe, expect, it } from 'vitest';
import { buildValidationReport, evaluateRoom, observed, renderValidationMarkdown, unavailable } from '../../../shared/checks.ts';
import { decodeCodeSpan, decodeFencedBlock, unescapedSyntax } from '../markdown/markdown-decode.ts';
import { ROOM, changed, expectations, goodObservation, tenantChanged } from './fixtures.ts';
import { sampleReport } from './report-sample.ts';

describe('layout', () => {
  const markdown = renderValidationMarkdown(sampleReport());

  it('puts coverage before the rooms, and problems before passes within a room', () => {
    expect(markdown.indexOf('## Coverage')).toBeGreaterThan(0);
    expect(markdown.indexOf('## Coverage')).toBeLessThan(markdown.indexOf('## Rooms'));
    const broken = markdown.slice(markdown.indexOf('broken@contoso'));
    expect(broken.indexOf('**FAILED**')).toBeLessThan(broken.indexOf('**PASSED**'));
    expect(markdown).toContain('| `calendar.keep-comments` | Meeting body kept | fail | 3 | 1 | 1 | 0 | 1 |');
    expect(markdown).toContain('An unknown result could not be read and is not a pass.');
  });

  it('gives the fix as a PowerShell block and the portal path', () => {
    const blocks = [...markdown.matchAll(/( {6}`{3,}powershell\n[\s\S]*?\n {6}`{3,})\n/g)].map((match) => decodeFencedBlock(match[1]!, '      '));
    expect(blocks).toContain("Set-CalendarProcessing -Identity 'broken@contoso.com' -DeleteComments:$false");
    expect(blocks).toContain("Update-MgUser -UserId 'broken@contoso.com' -PasswordPolicies 'DisablePasswordExpiration'");
    expect(markdown).toContain('Where: No admin centre shows this setting');
  });
});

describe('hostile values', () => {
  const HOSTILE_UPN = "x`<img src=x onerror=alert(1)>*[link](https://evil.example)`@contoso.com";
  const HOSTILE_POLICY = '<script>alert(1)</script> | **MFA** ```\n# heading';

  const report = () => {
    const observation = tenantChanged(changed({ ...goodObservation(), upn: HOSTILE_UPN }, 'mailbox', { PrimarySmtpAddress: '[evil](javascript:alert(1))' }), {
      conditionalAccess: observed([
        { id: 'p', displayName: HOSTILE_POLICY, state: 'enabled', conditions: { users: { includeUsers: ['All'] } }, grantControls: { operator: 'OR', builtInControls: ['mfa'] } },
      ]),
    });
    const expected = expectations('teams-online', { ...ROOM, upn: HOSTILE_UPN });
    const unread = { ...observation, calendar: unavailable('refused: <b>nope</b>\n## injected') };
    return buildValidationReport({
      kind: 'audit',
      title: '# Tenant *of* <evil>',
      topology: 'teams-online',
      generatedAt: '2026-01-02T03:04:05.000Z',
      tenant: [],
      rooms: [{ upn: HOSTILE_UPN, results: evaluateRoom(expected, unread), foundBy: ['room-mailboxes'] }],
    });
  };

  it('escapes every value: no raw HTML, links or emphasis, and no line of its own', () => {
    const markdown = renderValidationMarkdown(report());
    const lines = markdown.split('\n');
    // Only the renderer's own lines start block syntax.
    expect(lines.filter((line) => /^#{1,6} /.test(line))).toEqual([
      expect.stringMatching(/^# Tenant audit: /),
      '## Coverage',
      '## Rooms',
      expect.stringMatching(/^### /),
    ]);
    // Outside code spans and fenced blocks, nothing is left that Markdown would read as syntax,
    // once the renderer's own markers are set aside.
    const withoutBlocks = markdown.replace(/^( *)(`{3,})powershell\n[\s\S]*?\n\1\2$/gm, '');
    const prose = withoutBlocks
      .split('\n')
      .filter((line) => !line.startsWith('|'))
      .map((line) =>
        line
          .replace(/^#{1,3} /, '')
          .replace(/^\s*- /, '')
          .replace(/^\*\*(FAILED|UNKNOWN|WARNING|PASSED|Topology:|Generated:)\*\* ?/, '')
          .replace(/\*\(none\)\*/g, '')
          .replace(/(?<!\\)(`+)(?!`).*?[^`]\1(?!`)/g, ''),
      );
    expect(prose.filter((line) => unescapedSyntax(line).length > 0)).toEqual([]);
    expect(markdown).toContain('\\<script\\>');
  });

  it('shows values exactly in code spans', () => {
    const markdown = renderValidationMarkdown(report());
    const evidence = markdown.split('\n').find((line) => line.includes('Observed:') && line.includes('evil'))!;
    const span = /Observed: (`+[^`].*?`+); expected/.exec(evidence)![1]!;
    expect(JSON.parse(decodeCodeSpan(span))).toEqual({ UserPrincipalName: 'mtr-rainier@contoso.com', PrimarySmtpAddress: '[evil](javascript:alert(1))' });
  });

  it('keeps a hostile UPN inside the PowerShell literal of the fix', () => {
    const room = report().rooms[0]!;
    const fix = room.results.find((result) => result.id === 'calendar.keep-comments')!.remediation!;
    expect(fix.powershell).toContain(`-Identity '${HOSTILE_UPN}'`);
  });
});
