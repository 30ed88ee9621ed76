// One room's part of the HTML report, in the order people read it: details and where the results
// come from; each stage's items with state, detail, and for anything not passed the evidence
// (observed against expected) and the remediation; the console configuration (never the
// password); the on-site checklist with marks, notes and photos; the on-site checks; the sign-offs.
import type { ReactNode } from 'react';
import { SIGN_OFF_PARTIES, type OnSiteCheck, type Photo, type RoomReport, type SignOff, type SignOffParty } from '../../shared/report/schema.ts';
import type { ChecklistItemView, StageView } from '../../shared/room-view.ts';
import { facts, h, itemState, jsonText, preformatted, roomAnchor, stateBadge, table, v } from './html-parts.ts';
import { ON_SITE_CHECK_WORDS, PARTY_TITLES, PASSWORD_NOTE } from './html-words.ts';

function sourceText(source: { present: boolean; at?: string | undefined }, what: string): string {
  if (!source.present) return `Never ${what}: no record`;
  return source.at ? `Last ${what} ${source.at}` : `Recorded (${what}), time not recorded`;
}

function detailsPart(room: RoomReport, headingId: string): ReactNode {
  const rows: [string, ReactNode][] = [
    ['Account (UPN)', v(room.upn)],
    ['Status', itemState(room.status)],
    ...Object.entries(room.details).map(([key, value]): [string, ReactNode] => [key, v(value)]),
    ['Provisioning', sourceText(room.sources.provisioning, 'provisioned')],
    ['Validation', sourceText(room.sources.validation, 'validated')],
  ];
  return h('div', null, h('h3', { id: `${headingId}-details` }, 'Details'), facts(rows));
}

function needsAttention(item: ChecklistItemView): boolean {
  return item.state !== 'passed' && (item.evidence !== undefined || item.remediation !== undefined);
}

function finding(item: ChecklistItemView): ReactNode {
  const remediation = item.remediation;
  return h(
    'div',
    { className: 'finding', key: item.id },
    h('h5', null, v(item.title), ' — ', itemState(item.state)),
    item.detail ? h('p', { dir: 'auto' }, item.detail) : null,
    item.evidence
      ? h(
          'div',
          { className: 'evidence' },
          h('div', null, h('h6', null, 'Observed'), preformatted(jsonText(item.evidence.observed))),
          h('div', null, h('h6', null, 'Expected'), preformatted(jsonText(item.evidence.expected))),
        )
      : null,
    remediation
      ? h(
          'div',
          null,
          h('p', { dir: 'auto' }, h('strong', null, 'To fix: '), remediation.text),
          remediation.powershell
            ? h('div', null, h('p', null, `PowerShell${remediation.runIn ? ` (run in ${remediation.runIn})` : ''}:`), preformatted(remediation.powershell))
            : null,
          remediation.portal ? h('p', { dir: 'auto' }, h('strong', null, 'By hand: '), remediation.portal) : null,
        )
      : null,
  );
}

function itemDetail(item: ChecklistItemView): ReactNode {
  const parts: ReactNode[] = [];
  if (item.detail) parts.push(h('span', { key: 'd' }, item.detail));
  if (item.value !== undefined) parts.push(h('span', { key: 'v' }, ' Value: ', h('code', null, v(item.value))));
  if (item.note) parts.push(h('span', { key: 'n' }, ' Note: ', v(item.note)));
  if (item.doneAt) parts.push(h('span', { key: 't', className: 'note' }, ` Done ${item.doneAt}.`));
  return parts;
}

/** The console stage's items are the on-site checklist: listed once, there. */
function consoleStagePointer(stage: StageView, headingId: string): ReactNode {
  const done = stage.items.filter((item) => item.state === 'passed').length;
  return h('p', null, `${done} of ${stage.items.length} items done; each is listed, with its mark, note and photos, under `, h('a', { href: `#${headingId}-checklist` }, 'On-site checklist'), ' below.');
}

function stagePart(stage: StageView, headingId: string): ReactNode {
  const findings = stage.items.filter(needsAttention);
  const id = `${headingId}-stage-${stage.id}`;
  return h(
    'div',
    { key: stage.id },
    h('h4', { id }, v(stage.title), ' — ', itemState(stage.state)),
    stage.id === 'console' && stage.items.length > 0
      ? consoleStagePointer(stage, headingId)
      : stage.items.length === 0
      ? h('p', null, 'Nothing in this stage.')
      : table(
          `${stage.title}: items`,
          [
            { title: 'Item', rowHeader: true, cell: (item: ChecklistItemView) => item.title },
            { title: 'State', cell: (item) => itemState(item.state) },
            { title: 'Detail', cell: itemDetail },
          ],
          stage.items,
          { hiddenCaption: true },
        ),
    ...findings.map(finding),
  );
}

function consolePart(room: RoomReport, headingId: string): ReactNode {
  const { console: prepared } = room;
  return h(
    'div',
    null,
    h('h3', { id: `${headingId}-console` }, 'Console configuration'),
    facts([
      ['Teams Rooms app version', v(prepared.appVersion)],
      ['Console era', v(prepared.era)],
    ]),
    h('p', null, h('strong', null, PASSWORD_NOTE)),
    prepared.settings.length === 0
      ? h('p', null, 'No SkypeSettings.xml values were prepared for this room.')
      : table(
          'SkypeSettings.xml values prepared',
          [
            { title: 'Setting', rowHeader: true, cell: (row: RoomReport['console']['settings'][number]) => h('code', null, row.path) },
            { title: 'Value', cell: (row) => v(row.value) },
          ],
          prepared.settings,
        ),
  );
}

function photoFigure(photo: Photo, items: readonly ChecklistItemView[]): ReactNode {
  const item = photo.itemId === undefined ? undefined : items.find((candidate) => candidate.id === photo.itemId);
  const caption = photo.caption.trim();
  return h(
    'figure',
    { key: photo.id },
    h('img', { src: `data:${photo.mediaType};base64,${photo.data}`, alt: caption.length > 0 ? caption : `Photo taken ${photo.takenAt}` }),
    h(
      'figcaption',
      { dir: 'auto' },
      caption.length > 0 ? v(caption) : 'No caption',
      item ? h('span', null, ' — for: ', v(item.title)) : null,
      ` (taken ${photo.takenAt}; SHA-256 ${photo.sha256})`,
    ),
  );
}

function checklistPart(room: RoomReport, headingId: string): ReactNode {
  const consoleStage = room.stages.find((stage) => stage.id === 'console');
  const items = consoleStage?.items ?? [];
  return h(
    'div',
    null,
    h('h3', { id: `${headingId}-checklist` }, 'On-site checklist'),
    items.length === 0
      ? h('p', null, 'No on-site checklist for this room.')
      : table(
          'On-site checklist: marks and notes',
          [
            { title: 'Item', rowHeader: true, cell: (item: ChecklistItemView) => item.title },
            { title: 'Mark', cell: (item) => itemState(item.state) },
            { title: 'Value to enter', cell: (item) => (item.value === undefined ? '—' : h('code', null, v(item.value))) },
            { title: 'Note', cell: (item) => (item.note ? v(item.note) : '—') },
            { title: 'Done', cell: (item) => item.doneAt ?? '—' },
          ],
          items,
        ),
    h('h4', { id: `${headingId}-photos` }, 'Photos'),
    room.photos.length === 0 ? h('p', null, 'No photos attached.') : h('div', null, ...room.photos.map((photo) => photoFigure(photo, items))),
  );
}

function onSiteChecksPart(room: RoomReport, headingId: string): ReactNode {
  return h(
    'div',
    null,
    h('h3', { id: `${headingId}-onsite` }, 'On-site checks (network, sign-in, certificates, console)'),
    room.onSiteChecks.length === 0
      ? h('p', null, 'Not run: no network, sign-in, certificate or console-configuration checks were recorded at the console.')
      : table(
          'On-site check results',
          [
            { title: 'Check', rowHeader: true, cell: (check: OnSiteCheck) => v(check.title) },
            { title: 'Result', cell: (check) => stateBadge(ON_SITE_CHECK_WORDS[check.status]) },
            {
              title: 'Detail',
              cell: (check) => [
                v(check.detail),
                check.remedy === undefined ? null : h('p', null, h('strong', null, 'What to do: '), v(check.remedy)),
                check.evidence === undefined ? null : preformatted(jsonText(check.evidence)),
              ],
            },
            { title: 'When', cell: (check) => check.at },
          ],
          room.onSiteChecks,
        ),
  );
}

function latestSignOff(signOffs: readonly SignOff[], party: SignOffParty): SignOff | undefined {
  return signOffs.filter((signOff) => signOff.party === party).sort((a, b) => (a.signedAt < b.signedAt ? 1 : a.signedAt > b.signedAt ? -1 : 0))[0];
}

function blank(what: string): ReactNode {
  return h('span', { className: 'blank' }, h('span', { className: 'visually-hidden' }, `${what}: blank, to fill in by hand`));
}

function signOffBlock(party: SignOffParty, signOff: SignOff | undefined): ReactNode {
  const title = PARTY_TITLES[party];
  if (signOff === undefined) {
    return h(
      'div',
      { className: 'signoff', key: party },
      h('h4', null, `${title}: not signed yet`),
      facts([
        ['Name', blank('Name')],
        ['Role', blank('Role')],
        ['Date', blank('Date')],
        ['Signature', blank('Signature')],
      ]),
    );
  }
  const signature =
    signOff.signature.kind === 'typed'
      ? h('span', { className: 'signature-typed' }, v(signOff.signature.text))
      : h('img', { className: 'signature-drawn', src: `data:${signOff.signature.mediaType};base64,${signOff.signature.data}`, alt: `Signature drawn by ${signOff.name}` });
  return h(
    'div',
    { className: 'signoff', key: party },
    h('h4', null, `${title}: signed`),
    facts([
      ['Name', v(signOff.name)],
      ['Role', v(signOff.role)],
      ['Date', signOff.date],
      ['Signature', [signature, h('span', { key: 'k', className: 'note' }, signOff.signature.kind === 'typed' ? ' (typed)' : ' (drawn)')]],
      ['Recorded', signOff.signedAt],
    ]),
  );
}

function signOffPart(room: RoomReport, headingId: string): ReactNode {
  return h(
    'div',
    null,
    h('h3', { id: `${headingId}-signoff` }, 'Sign-off'),
    h('div', { className: 'signoffs' }, ...SIGN_OFF_PARTIES.map((party) => signOffBlock(party, latestSignOff(room.signOffs, party)))),
  );
}

/** One room's section; `index` gives its anchor for the table of contents; `newPage` starts it on a new printed page. */
export function roomSection(room: RoomReport, index: number, newPage: boolean): ReactNode {
  const id = roomAnchor(index);
  return h(
    'section',
    { className: newPage ? 'room' : undefined, id, 'aria-labelledby': `${id}-title`, key: id },
    h('h2', { id: `${id}-title` }, 'Room: ', v(room.displayName), ' — ', itemState(room.status)),
    detailsPart(room, id),
    h('h3', { id: `${id}-stages` }, 'Results by stage'),
    ...room.stages.map((stage) => stagePart(stage, id)),
    consolePart(room, id),
    checklistPart(room, id),
    onSiteChecksPart(room, id),
    signOffPart(room, id),
  );
}
