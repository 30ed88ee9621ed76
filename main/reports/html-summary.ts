// The parts of the HTML report around the rooms: who, what and when; coverage (first, before any
// detail: what ran, what could not be read, which rooms were never validated or provisioned); a
// site report's table of contents; and the integrity fingerprint at the end.
import type { ReactNode } from 'react';
import type { FingerprintedReport, RoomReport } from '../../shared/report/schema.ts';
import { facts, h, itemState, roomAnchor, table, v } from './html-parts.ts';
import { COVERAGE_STATE_ORDER } from './html-words.ts';

export function reportHeader(report: FingerprintedReport, title: ReactNode): ReactNode {
  const { site, generator } = report;
  const tenant = [site.tenant.domain, site.tenant.id && `tenant ID ${site.tenant.id}`, site.tenant.account && `signed in as ${site.tenant.account}`].filter(
    (part): part is string => typeof part === 'string' && part.length > 0,
  );
  return h(
    'header',
    null,
    h('h1', null, title),
    facts([
      ['Site', v(site.name)],
      ['Topology', v(site.topologyLabel)],
      ['Cloud', v(site.cloudLabel)],
      ['Tenant', tenant.length > 0 ? v(tenant.join(', ')) : 'Not signed in to a tenant'],
      ['Generated', v(report.generatedAt)],
      ['By', v(`${generator.app} ${generator.version} on ${generator.machine} (${generator.platform})${generator.user ? `, user ${generator.user}` : ''}`)],
      ['Report', `${report.kind === 'site' ? 'Site' : 'Room'} report, format ${report.format} version ${report.version}`],
    ]),
  );
}

function roomList(rooms: readonly RoomReport[], allRooms: readonly RoomReport[]): ReactNode {
  return h(
    'ul',
    null,
    ...rooms.map((room) => h('li', { key: room.upn }, h('a', { href: `#${roomAnchor(allRooms.indexOf(room))}` }, v(room.displayName)), ' (', v(room.upn), ')')),
  );
}

export function coverageSection(report: FingerprintedReport): ReactNode {
  const { coverage, rooms } = report;
  const checks = coverage.checks;
  const ran = checks.passed + checks.failed + checks.warning + checks.unknown;
  const notValidated = rooms.filter((room) => !room.sources.validation.present);
  const notProvisioned = rooms.filter((room) => !room.sources.provisioning.present);
  const checkRows: [string, number, ReactNode][] = [
    ['passed', checks.passed, 'Read and as expected'],
    ['failed', checks.failed, 'Read and wrong: the console will not work until fixed'],
    ['warning', checks.warning, 'Read: works, but something people rely on will not'],
    ['unknown', checks.unknown, 'Could not be read: not passed, check by hand'],
  ];
  return h(
    'section',
    { 'aria-labelledby': 'coverage' },
    h('h2', { id: 'coverage' }, 'Coverage'),
    h(
      'p',
      null,
      `${coverage.rooms} room${coverage.rooms === 1 ? '' : 's'}; ${ran} validation check result${ran === 1 ? '' : 's'}: `,
      `${checks.passed} passed, ${checks.failed} failed, ${checks.warning} warning${checks.warning === 1 ? '' : 's'}, ${checks.unknown} could not be read (unknown, not passed).`,
    ),
    table(
      'Validation checks by result',
      [
        { title: 'Result', rowHeader: true, cell: (row: (typeof checkRows)[number]) => itemState(row[0] as 'passed') },
        { title: 'Checks', numeric: true, cell: (row) => String(row[1]) },
        { title: 'Meaning', cell: (row) => row[2] },
      ],
      checkRows,
    ),
    table(
      'Rooms by status',
      [
        { title: 'Status', rowHeader: true, cell: (state: (typeof COVERAGE_STATE_ORDER)[number]) => itemState(state) },
        { title: 'Rooms', numeric: true, cell: (state) => String(coverage.roomsByStatus[state] ?? 0) },
      ],
      COVERAGE_STATE_ORDER.filter((state) => (coverage.roomsByStatus[state] ?? 0) > 0 || state === 'passed' || state === 'failed' || state === 'unknown'),
    ),
    notValidated.length > 0 || coverage.roomsNotValidated > 0
      ? h(
          'div',
          { className: 'callout unknown' },
          h('p', null, h('strong', null, `${coverage.roomsNotValidated} room${coverage.roomsNotValidated === 1 ? ' was' : 's were'} never validated`), ': their checks are not counted above, and they are not passed.'),
          roomList(notValidated, rooms),
        )
      : h('p', null, 'Every room was validated.'),
    notProvisioned.length > 0 || coverage.roomsNotProvisioned > 0
      ? h(
          'div',
          { className: 'callout' },
          h('p', null, h('strong', null, `${coverage.roomsNotProvisioned} room${coverage.roomsNotProvisioned === 1 ? ' was' : 's were'} never provisioned`), ' by RoomReady: no record of their account steps.'),
          roomList(notProvisioned, rooms),
        )
      : h('p', null, 'Every room has a provisioning record.'),
    facts([
      ['On-site checklist', `${coverage.checklist.done} of ${coverage.checklist.total} items done`],
      ['Signed off', `installer ${coverage.signedOff.installer} of ${coverage.rooms}, customer ${coverage.signedOff.customer} of ${coverage.rooms}`],
    ]),
  );
}

export function tableOfContents(report: FingerprintedReport): ReactNode {
  return h(
    'nav',
    { className: 'toc', 'aria-labelledby': 'contents' },
    h('h2', { id: 'contents' }, 'Contents'),
    h(
      'ol',
      null,
      ...report.rooms.map((room, index) =>
        h('li', { key: index }, h('a', { href: `#${roomAnchor(index)}` }, v(room.displayName)), ' — ', itemState(room.status), ' ', h('span', { className: 'note' }, '(', v(room.upn), ')')),
      ),
      h('li', { key: 'integrity' }, h('a', { href: '#integrity' }, 'Integrity fingerprint')),
    ),
  );
}

export function integritySection(report: FingerprintedReport): ReactNode {
  return h(
    'section',
    { className: 'fingerprint', 'aria-labelledby': 'integrity' },
    h('h2', { id: 'integrity' }, 'Integrity fingerprint'),
    h('p', null, `${report.fingerprint.algorithm} over the canonical JSON of this report (everything but the fingerprint). The JSON export of the same report carries the same value; a printed copy matches its data when they agree.`),
    h('p', null, h('strong', null, `Fingerprint (${report.fingerprint.algorithm}): `), h('code', null, report.fingerprint.value)),
  );
}

