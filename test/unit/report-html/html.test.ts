// The HTML report, parsed as a browser parses it: self-contained (nothing loads from anywhere),
// its own strict CSP, escaped by construction (hostile values stay text), right-to-left values
// isolated, every section present in order with coverage first, unknown never counted as passed,
// and no secret from the input in it.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fingerprintReport } from '../../../main/reports/fingerprint.ts';
import { renderReportHtml, reportTitle } from '../../../main/reports/html.ts';
import { buildReport } from '../../../shared/report/build.ts';
import { NO_EVIDENCE } from '../../../shared/report/build.ts';
import type { FingerprintedReport } from '../../../shared/report/schema.ts';
import { sampleInput } from '../report/sample-input.ts';
import { ancestors, byTag, heading, parseReport, type El } from './dom.ts';
import { HOSTILE, hostileReport, reportOf, room, siteReport } from './fixture.ts';

const ROOM_SUBHEADINGS = ['Details', 'Results by stage', 'Console configuration', 'On-site checklist', 'On-site checks (network, sign-in, certificates, console)', 'Sign-off'];

function render(report: FingerprintedReport): { html: string; elements: El[] } {
  const html = renderReportHtml(report);
  return { html, elements: parseReport(html) };
}

describe('the HTML report is self-contained', () => {
  const { elements } = render(siteReport(8));

  it('loads nothing: no script, link, frame, object, base or form; images are data: URLs; links stay in the page', () => {
    expect(elements.filter((element) => ['script', 'link', 'iframe', 'frame', 'object', 'embed', 'base', 'form', 'audio', 'video', 'source'].includes(element.tag))).toEqual([]);
    const images = byTag(elements, 'img');
    expect(images.length).toBeGreaterThan(0);
    for (const element of elements) {
      for (const [name, value] of Object.entries(element.attrs)) {
        if (name === 'src') expect(value, `<${element.tag} src>`).toMatch(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+=*$/);
        if (name === 'href') expect(value, `<${element.tag} href>`).toMatch(/^#[a-z0-9-]+$/);
        if (['srcset', 'poster', 'action', 'formaction', 'background', 'style'].includes(name)) throw new Error(`<${element.tag} ${name}> should not be there`);
        expect(name.startsWith('on'), `<${element.tag} ${name}>`).toBe(false);
      }
    }
    // Every in-page link has its target.
    const ids = new Set(elements.map((element) => element.attrs.id).filter(Boolean));
    for (const link of byTag(elements, 'a')) expect(ids.has(link.attrs.href!.slice(1)), link.attrs.href).toBe(true);
  });

  it('carries a strict CSP that allows exactly its one stylesheet, by hash', () => {
    const csp = byTag(elements, 'meta').find((element) => element.attrs['http-equiv']?.toLowerCase() === 'content-security-policy');
    expect(csp).toBeDefined();
    const directives = new Map(csp!.attrs.content!.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('img-src')).toEqual(['data:']);
    const styles = byTag(elements, 'style');
    expect(styles).toHaveLength(1);
    const hash = createHash('sha256').update(styles[0]!.text, 'utf8').digest('base64');
    expect(directives.get('style-src')).toEqual([`'sha256-${hash}'`]);
    // The CSP comes before the stylesheet it governs.
    expect(csp!.order).toBeLessThan(styles[0]!.order);
  });

  it('reads on a phone and says its language and direction', () => {
    expect(byTag(elements, 'meta').find((element) => element.attrs.name === 'viewport')?.attrs.content).toBe('width=device-width, initial-scale=1');
    const html = byTag(elements, 'html')[0]!;
    expect(html.attrs.lang).toBe('en');
    expect(html.attrs.dir).toBe('ltr');
    expect(byTag(elements, 'style')[0]!.text).toMatch(/@media \(max-width: [^)]+\)/);
    expect(byTag(elements, 'style')[0]!.text).toMatch(/@media print/);
  });

  it('gives every table header a scope', () => {
    const headers = byTag(elements, 'th');
    expect(headers.length).toBeGreaterThan(20);
    for (const header of headers) expect(['col', 'row']).toContain(header.attrs.scope);
  });
});

describe('hostile values are text', () => {
  const report = hostileReport();
  const { html, elements } = render(report);
  const texts = elements.map((element) => element.text).join('\n');

  it('a <script> value never becomes an element, nor an <img> value an image', () => {
    expect(byTag(elements, 'script')).toEqual([]);
    // Only the images the report has: one photo, no drawn signature in this report.
    expect(byTag(elements, 'img')).toHaveLength(1);
    expect(byTag(elements, 'img')[0]!.attrs.src).toMatch(/^data:image\/png;base64,/);
    expect(heading(elements, 'h1', `Site report: ${HOSTILE.img}`)).toBeDefined();
    expect(heading(elements, 'h2', new RegExp(`^Room: ${HOSTILE.script.replace(/[()]/g, '\\$&')}`))).toBeDefined();
    expect(byTag(elements, 'title')[0]!.text).toBe(reportTitle(report));
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img src=x');
  });

  it('formula prefixes, links and control characters stay exactly as typed', () => {
    for (const value of [HOSTILE.formula, HOSTILE.plus, HOSTILE.at, HOSTILE.override, HOSTILE.link]) expect(texts).toContain(value);
    // The caption that is a URL is a caption, not a source.
    const caption = byTag(elements, 'figcaption')[0]!;
    expect(caption.text).toContain(HOSTILE.link);
    expect(byTag(elements, 'img')[0]!.attrs.alt).toBe(HOSTILE.link);
  });

  it('right-to-left values are isolated from the text around them', () => {
    const holds = (element: El) => element.text === HOSTILE.rtl || element.text === HOSTILE.override;
    // The innermost elements holding the value as their whole text.
    const holders = elements.filter((element) => holds(element) && !elements.some((child) => child.parent === element && holds(child)));
    expect(holders.length).toBeGreaterThan(2);
    for (const holder of holders) {
      const isolated = holder.tag === 'bdi' || holder.attrs.dir === 'auto' || ancestors(holder).some((up) => up.tag === 'bdi');
      expect(isolated, `<${holder.tag}> holding ${JSON.stringify(holder.text)} under <${holder.parent?.tag}>`).toBe(true);
    }
    // In the contents and in the room's heading, the name sits in a <bdi> beside the state words.
    const tocEntry = byTag(elements, 'a').find((link) => link.text === HOSTILE.rtl);
    expect(byTag(elements, 'bdi').some((bdi) => bdi.parent === tocEntry)).toBe(true);
  });
});

describe('sections, in order', () => {
  it('a site report: title, coverage, contents, each room with all its parts, then the fingerprint', () => {
    const report = siteReport(5);
    const { elements } = render(report);
    const h1 = byTag(elements, 'h1');
    expect(h1.map((element) => element.text)).toEqual([`Site report: ${report.site.name}`]);
    const coverage = heading(elements, 'h2', 'Coverage')!;
    const contents = heading(elements, 'h2', 'Contents')!;
    const integrity = heading(elements, 'h2', 'Integrity fingerprint')!;
    const roomHeadings = byTag(elements, 'h2').filter((element) => element.text.startsWith('Room: '));
    expect(roomHeadings.map((element) => element.text.split(' — ')[0])).toEqual(report.rooms.map((entry) => `Room: ${entry.displayName}`));
    expect(coverage.order).toBeLessThan(contents.order);
    expect(contents.order).toBeLessThan(roomHeadings[0]!.order);
    expect(roomHeadings.at(-1)!.order).toBeLessThan(integrity.order);
    // The header says where, what and who, before coverage.
    const header = byTag(elements, 'header')[0]!;
    expect(header.order).toBeLessThan(coverage.order);
    for (const fact of [report.site.topologyLabel, report.site.cloudLabel, report.site.tenant.domain!, report.generator.version, report.generator.machine, report.generatedAt]) expect(header.text).toContain(fact);
    // Each room has its parts, in order, before the next room begins.
    for (const [index, roomHeading] of roomHeadings.entries()) {
      const end = roomHeadings[index + 1]?.order ?? integrity.order;
      const inRoom = byTag(elements, 'h3').filter((element) => element.order > roomHeading.order && element.order < end);
      expect(inRoom.map((element) => element.text)).toEqual(ROOM_SUBHEADINGS);
      const stages = byTag(elements, 'h4').filter((element) => element.order > roomHeading.order && element.order < end);
      const titles = stages.map((element) => element.text.split(' — ')[0]!.replace(/:.*$/, ''));
      expect(titles).toEqual([...report.rooms[index]!.stages.map((stage) => stage.title), 'Photos', 'Installer', 'Customer']);
    }
    expect(integrity.parent!.text).toContain(report.fingerprint.value);
    // Contents: each room, its status in words, linking to its section.
    const links = byTag(elements, 'a').filter((link) => ancestors(link).includes(contents.parent!));
    expect(links.map((link) => link.text)).toEqual([...report.rooms.map((entry) => entry.displayName), 'Integrity fingerprint']);
    for (const [index, link] of links.slice(0, -1).entries()) expect(link.attrs.href).toBe(`#${roomHeadings[index]!.parent!.attrs.id}`);
  });

  it('a room report has no contents, and is titled by its room', () => {
    const report = reportOf('room', [room({ index: 0, kind: 'good', displayName: 'Rainier' })]);
    const { elements } = render(report);
    expect(byTag(elements, 'h1')[0]!.text).toBe('Room report: Rainier');
    expect(heading(elements, 'h2', 'Contents')).toBeUndefined();
    expect(byTag(elements, 'h3').map((element) => element.text)).toEqual(ROOM_SUBHEADINGS);
  });

  it('anything not passed shows its evidence (observed and expected) and remediation with PowerShell', () => {
    const report = reportOf('room', [room({ index: 0, kind: 'failing' })]);
    const { elements } = render(report);
    const finding = byTag(elements, 'h5').find((element) => element.text.startsWith('Password never expires'))!;
    const block = finding.parent!;
    expect(block.text).toContain('Observed');
    expect(block.text).toContain('"passwordPolicies": "None"');
    expect(block.text).toContain('Expected');
    expect(block.text).toContain('DisablePasswordExpiration');
    const powershell = byTag(elements, 'pre').filter((pre) => ancestors(pre).includes(block)).map((pre) => pre.text);
    expect(powershell).toContain("Update-MgUser -UserId 'room001@contoso.example' -PasswordPolicies 'DisablePasswordExpiration'");
    expect(block.text).toContain('By hand: Microsoft Entra admin center');
    // A passed item has no finding block.
    expect(byTag(elements, 'h5').some((element) => element.text.startsWith('Room account planned'))).toBe(false);
  });

  it('the console settings say the password is never included; missing sign-offs leave lines to sign; on-site checks say "not run"', () => {
    const report = reportOf('room', [room({ index: 0, kind: 'good', signOffs: [] })]);
    const { elements } = render(report);
    const all = elements[0]!.text;
    expect(all).toContain("The console's password is never included in this report.");
    expect(all).toContain('Not run: no network, sign-in, certificate or console-configuration checks');
    expect(heading(elements, 'h4', 'Installer: not signed yet')).toBeDefined();
    expect(heading(elements, 'h4', 'Customer: not signed yet')).toBeDefined();
    expect(elements.filter((element) => element.attrs.class === 'blank')).toHaveLength(8);
  });

  it('a drawn signature is an image with its signer named; a typed one is text', () => {
    const { elements } = render(siteReport(1));
    const signature = byTag(elements, 'img').find((image) => image.attrs.class === 'signature-drawn')!;
    expect(signature.attrs.alt).toBe('Signature drawn by Casey Customer');
    expect(elements.find((element) => element.attrs.class === 'signature-typed')?.text).toBe('Alex Installer');
  });
});

describe('coverage', () => {
  it('unknown is counted as unknown, never as passed; rooms never validated or provisioned are named', () => {
    const unknownRoom = room({ index: 0, kind: 'good' });
    // Validation ran, but one check could not be read.
    const calendar = unknownRoom.stages.find((stage) => stage.id === 'calendar')!;
    calendar.items = calendar.items.map((entry) => ({ ...entry, state: 'unknown' as const, detail: 'The calendar could not be read' }));
    calendar.state = 'unknown';
    unknownRoom.status = 'unknown';
    const report = reportOf('site', [unknownRoom, room({ index: 1, kind: 'unvalidated', displayName: 'Never validated' }), room({ index: 2, kind: 'unprovisioned', displayName: 'Never provisioned' })]);
    expect(report.coverage.checks.unknown).toBe(1);
    const { elements } = render(report);
    const coverage = heading(elements, 'h2', 'Coverage')!.parent!;
    const rows = byTag(elements, 'tr').filter((row) => ancestors(row).includes(coverage));
    const count = (word: string) => rows.find((row) => row.text.includes(word) && /\d/.test(row.text))?.text.match(/\)?(\d+)/)?.[1];
    expect(count('Unknown (could not be read)')).toBe(String(report.coverage.checks.unknown));
    expect(count('Passed')).toBe(String(report.coverage.checks.passed));
    expect(coverage.text).toContain(`${report.coverage.checks.passed} passed`);
    expect(coverage.text).toContain('1 could not be read (unknown, not passed)');
    expect(coverage.text).toContain('1 room was never validated');
    expect(coverage.text).toContain('1 room was never provisioned');
    const callouts = elements.filter((element) => element.attrs.class?.startsWith('callout'));
    expect(callouts.map((callout) => byTag(elements, 'a').filter((link) => ancestors(link).includes(callout)).map((link) => link.text))).toEqual([['Never validated'], ['Never provisioned']]);
    // The unknown room is "Unknown" in the contents, in words.
    const contents = heading(elements, 'h2', 'Contents')!.parent!;
    const entry = byTag(elements, 'li').find((item) => ancestors(item).includes(contents) && item.text.startsWith('Room 1'))!;
    expect(entry.text).toContain('Unknown (could not be read)');
    expect(entry.text).not.toContain('Passed');
  });

  it('states are words, not colours alone', () => {
    const { elements } = render(siteReport(4));
    for (const badge of elements.filter((element) => element.attrs.class?.startsWith('state '))) {
      expect(badge.text).toMatch(/[A-Za-z]{4,}/);
      const icon = byTag(elements, 'span').find((span) => span.parent === badge && span.attrs['aria-hidden'] === 'true');
      expect(icon, badge.text).toBeDefined();
    }
  });
});

describe('secrets and bad input', () => {
  it('a password planted in the site and the evidence appears nowhere in the HTML', () => {
    const SECRET = 'Planted-Secret-Pa55!';
    const input = sampleInput();
    const site = { ...input.site, rooms: input.site.rooms.map((entry) => ({ ...entry, password: SECRET })) } as typeof input.site;
    const report = fingerprintReport(
      buildReport({
        ...input,
        site,
        evidence: (upn) => ({ ...(input.evidence(upn) ?? NO_EVIDENCE), password: SECRET, hasPassword: true }) as ReturnType<typeof input.evidence>,
      }),
    );
    const html = renderReportHtml(report);
    expect(html).not.toContain(SECRET);
    expect(parseReport(html)[0]!.text).toContain("The console's password is never included in this report.");
  });

  it('a report smuggling a password field is refused, naming the field and not echoing it', () => {
    const SECRET = 'Smuggled-Secret-9!';
    const report = siteReport(1);
    const smuggled = { ...report, rooms: [{ ...report.rooms[0]!, console: { ...report.rooms[0]!.console, password: SECRET } }] } as unknown as FingerprintedReport;
    let message = '';
    try {
      renderReportHtml(smuggled);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^The report cannot be written: rooms\.0\.console: /);
    expect(message).toContain('password');
    expect(message).not.toContain(SECRET);
  });

  it('a fingerprint that is not a SHA-256 is refused', () => {
    const report = { ...siteReport(1), fingerprint: { algorithm: 'SHA-256', value: 'x"; } body { display: none' } } as unknown as FingerprintedReport;
    expect(() => renderReportHtml(report)).toThrow(/^The report cannot be written: fingerprint\.value: /);
  });
});
