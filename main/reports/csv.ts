// The report for spreadsheets: one row per room, the columns defined once below. RFC 4180 (CRLF,
// quotes doubled, a field quoted when it holds a comma, quote or line break), UTF-8 with a byte-order
// mark so Excel reads accents, and every cell that a spreadsheet would take for a formula (= + - @,
// or a leading tab or carriage return) neutralised with a leading apostrophe: the text is shown,
// never run.
import { startsLikeFormula } from '../../shared/csv-columns.ts';
import { checkItemId, STAGE_TITLES } from '../../shared/room-progress.ts';
import { ROOM_STAGES, type RoomStage } from '../../shared/room-view.ts';
import type { FingerprintedReport, RoomReport, SignOffParty } from '../../shared/report/schema.ts';
import type { CheckId } from '../../shared/checks/types.ts';

type CheckStatus = 'passed' | 'failed' | 'warning' | 'unknown';

export interface CsvColumn {
  header: string;
  value(room: RoomReport, report: FingerprintedReport): string | number;
}

const BOM = '\uFEFF';
const CHECK_PREFIX = checkItemId({ id: '' as CheckId });

function stageState(id: RoomStage) {
  return (room: RoomReport) => room.stages.find((stage) => stage.id === id)?.state ?? '';
}

function checkCount(status: CheckStatus) {
  return (room: RoomReport) =>
    room.stages
      .filter((stage) => stage.id === 'validate')
      .flatMap((stage) => stage.items)
      .filter((item) => item.id.startsWith(CHECK_PREFIX) && item.state === status).length;
}

function consoleItems(room: RoomReport) {
  return room.stages.filter((stage) => stage.id === 'console').flatMap((stage) => stage.items.filter((item) => item.manual));
}

function when(source: RoomReport['sources']['provisioning']): string {
  if (!source.present) return '';
  return source.at ?? 'yes (time not recorded)';
}

/** The party's last sign-off. */
function signOff(room: RoomReport, party: SignOffParty) {
  return room.signOffs.filter((entry) => entry.party === party).at(-1);
}

export const CSV_REPORT_COLUMNS: readonly CsvColumn[] = [
  { header: 'Site', value: (_room, report) => report.site.name },
  { header: 'Room', value: (room) => room.displayName },
  { header: 'UPN', value: (room) => room.upn },
  { header: 'Status', value: (room) => room.status },
  ...ROOM_STAGES.map((id) => ({ header: `Stage: ${STAGE_TITLES[id]}`, value: stageState(id) })),
  ...(['passed', 'failed', 'warning', 'unknown'] as const).map((status) => ({ header: `Checks ${status}`, value: checkCount(status) })),
  { header: 'Provisioned at', value: (room) => when(room.sources.provisioning) },
  { header: 'Validated at', value: (room) => when(room.sources.validation) },
  { header: 'Checklist done', value: (room) => consoleItems(room).filter((item) => item.state === 'passed').length },
  { header: 'Checklist total', value: (room) => consoleItems(room).length },
  { header: 'Installer sign-off', value: (room) => signOff(room, 'installer')?.name ?? '' },
  { header: 'Installer sign-off date', value: (room) => signOff(room, 'installer')?.date ?? '' },
  { header: 'Customer sign-off', value: (room) => signOff(room, 'customer')?.name ?? '' },
  { header: 'Customer sign-off date', value: (room) => signOff(room, 'customer')?.date ?? '' },
  { header: 'Fingerprint (SHA-256)', value: (_room, report) => report.fingerprint.value },
];

/** A spreadsheet would run a cell starting like a formula; a leading tab or CR hides one. */
export function neutralise(text: string): string {
  return startsLikeFormula(text) || text.startsWith('\t') || text.startsWith('\r') ? `'${text}` : text;
}

export function csvField(value: string | number): string {
  const text = neutralise(String(value));
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function renderReportCsv(report: FingerprintedReport): string {
  const rows = [CSV_REPORT_COLUMNS.map((column) => column.header), ...report.rooms.map((room) => CSV_REPORT_COLUMNS.map((column) => column.value(room, report)))];
  return `${BOM}${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
