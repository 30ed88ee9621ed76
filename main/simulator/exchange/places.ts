// Get-Place and Set-Place. Places is a directory of its own: a room created moments ago in
// Exchange is not found by Get-Place until it has replicated (the same lag as Entra).
import { ISO_COUNTRY_CODES } from '../../../shared/iso-countries.ts';
import type { MailboxRecord } from '../state/records.ts';
import type { TenantState } from '../state/tenant.ts';
import { noChangeWarning, type CmdletDefinition } from './cmdlet.ts';
import { objectNotFound, parameterBinding } from './errors.ts';
import { placeOutput } from './output.ts';

function visiblePlace(tenant: TenantState, identity: string): MailboxRecord {
  const found = tenant.findMailboxes(identity).filter((m) => m.type === 'RoomMailbox' && tenant.isVisible(tenant.users.get(m.userId) ?? { visibleAt: Infinity }));
  if (found.length !== 1) throw objectNotFound(identity);
  return found[0]!;
}

export const getPlace: CmdletDefinition = {
  name: 'Get-Place',
  kind: 'read',
  parameters: { Identity: { type: 'string' }, Type: { type: 'enum', values: ['Room', 'Workspace', 'Desk', 'Building', 'Floor', 'Section'] }, ResultSize: { type: 'sizeOrUnlimited' } },
  run(call, p) {
    if (typeof p.Identity === 'string') return { values: [placeOutput(visiblePlace(call.tenant, p.Identity))], warnings: [] };
    if (p.Type !== undefined && p.Type !== 'Room') return { values: [], warnings: [] };
    const rooms = [...call.tenant.mailboxes.values()].filter((m) => m.type === 'RoomMailbox' && call.tenant.isVisible(call.tenant.users.get(m.userId) ?? { visibleAt: Infinity }));
    return { values: rooms.map(placeOutput), warnings: [] };
  },
};

const TEXT_FIELDS = { Building: 'building', FloorLabel: 'floorLabel', Street: 'street', City: 'city', State: 'state', PostalCode: 'postalCode', Label: 'label', Phone: 'phone', AudioDeviceName: 'audioDeviceName', VideoDeviceName: 'videoDeviceName', DisplayDeviceName: 'displayDeviceName', GeoCoordinates: 'geoCoordinates' } as const;

export const setPlace: CmdletDefinition = {
  name: 'Set-Place',
  kind: 'write',
  parameters: {
    Identity: { type: 'string' },
    Building: { type: 'string' },
    Capacity: { type: 'int' },
    City: { type: 'string' },
    CountryOrRegion: { type: 'string' },
    Floor: { type: 'int' },
    FloorLabel: { type: 'string' },
    GeoCoordinates: { type: 'string' },
    IsWheelChairAccessible: { type: 'boolean' },
    Label: { type: 'string' },
    MTREnabled: { type: 'boolean' },
    Phone: { type: 'string' },
    PostalCode: { type: 'string' },
    State: { type: 'string' },
    Street: { type: 'string' },
    Tags: { type: 'strings' },
    AudioDeviceName: { type: 'string' },
    VideoDeviceName: { type: 'string' },
    DisplayDeviceName: { type: 'string' },
  },
  mandatory: ['Identity'],
  unsupported: ['ParentId', 'Desks'],
  run(call, p) {
    const identity = String(p.Identity);
    const mailbox = visiblePlace(call.tenant, identity);
    const next = { ...mailbox.place, tags: [...mailbox.place.tags] };
    let capacity = mailbox.resourceCapacity;
    if (p.CountryOrRegion !== undefined && p.CountryOrRegion !== null) {
      const code = String(p.CountryOrRegion).toUpperCase();
      if (!ISO_COUNTRY_CODES.has(code)) {
        throw parameterBinding(`Cannot process argument transformation on parameter 'CountryOrRegion'. Cannot convert value "${String(p.CountryOrRegion)}" to type "Microsoft.Exchange.Data.Globalization.CountryInfo". Error: "Culture is not supported."`);
      }
      next.countryOrRegion = code;
    } else if (p.CountryOrRegion === null) {
      next.countryOrRegion = null;
    }
    for (const [parameter, field] of Object.entries(TEXT_FIELDS)) if (p[parameter] !== undefined) next[field] = p[parameter] === '' ? null : (p[parameter] as string | null);
    if (p.Floor !== undefined) next.floorNumber = p.Floor as number | null;
    if (p.Capacity !== undefined) capacity = p.Capacity as number | null;
    if (p.Tags !== undefined) next.tags = p.Tags as string[];
    if (p.IsWheelChairAccessible !== undefined) next.isWheelChairAccessible = p.IsWheelChairAccessible as boolean;
    if (p.MTREnabled !== undefined) next.mtrEnabled = p.MTREnabled as boolean;
    const changed = JSON.stringify(next) !== JSON.stringify(mailbox.place) || capacity !== mailbox.resourceCapacity;
    mailbox.place = next;
    mailbox.resourceCapacity = capacity;
    return { values: [], warnings: changed ? [] : [noChangeWarning(identity)] };
  },
};
