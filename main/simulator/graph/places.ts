// Places: GET /places/microsoft.graph.room and .../microsoft.graph.roomlist, GET /places/{email},
// the rooms of a room list, and PATCH /places/{id or email}. Places is its own directory: a room
// mailbox created in Exchange shows here only once it has replicated. Property names as in the
// Graph v1.0 room and roomList resources.
import { isRecord, parseJson } from '../http.ts';
import type { DistributionGroupRecord, MailboxRecord } from '../state/records.ts';
import type { GraphCall } from './context.ts';
import { badRequest, GraphProblem, invalidProperty, odataBadRequest } from './errors.ts';
import { contextUrl, paginate } from './odata.ts';
import { ISO_COUNTRY_CODES } from '../../../shared/iso-countries.ts';

export function roomEntity(call: GraphCall, mailbox: MailboxRecord): Record<string, unknown> {
  const p = mailbox.place;
  return {
    id: mailbox.placeId,
    emailAddress: mailbox.primarySmtpAddress,
    displayName: mailbox.displayName,
    address: { street: p.street ?? '', city: p.city ?? '', state: p.state ?? '', countryOrRegion: p.countryOrRegion ?? '', postalCode: p.postalCode ?? '' },
    geoCoordinates: null,
    phone: p.phone,
    nickname: mailbox.displayName,
    label: p.label,
    capacity: mailbox.resourceCapacity,
    building: p.building,
    floorLabel: p.floorLabel,
    floorNumber: p.floorNumber,
    isWheelChairAccessible: p.isWheelChairAccessible,
    bookingType: 'standard',
    tags: [...p.tags],
    audioDeviceName: p.audioDeviceName,
    videoDeviceName: p.videoDeviceName,
    displayDeviceName: p.displayDeviceName,
  };
}

function roomListEntity(list: DistributionGroupRecord): Record<string, unknown> {
  return {
    id: list.objectId,
    displayName: list.displayName,
    address: { street: '', city: '', state: '', countryOrRegion: '', postalCode: '' },
    geoCoordinates: null,
    phone: null,
    emailAddress: list.primarySmtpAddress,
  };
}

function visibleRooms(call: GraphCall): MailboxRecord[] {
  return [...call.tenant.mailboxes.values()].filter((m) => m.type === 'RoomMailbox' && call.tenant.isVisible(call.tenant.users.get(m.userId) ?? { visibleAt: Infinity }));
}

function visibleRoomLists(call: GraphCall): DistributionGroupRecord[] {
  return [...call.tenant.distributionGroups.values()].filter((g) => g.type === 'RoomList' && call.tenant.isVisible(g));
}

export function listRooms(call: GraphCall): Record<string, unknown> {
  const page = paginate(call, visibleRooms(call), 100);
  return { '@odata.context': contextUrl(call, 'places/microsoft.graph.room'), ...(page.nextLink ? { '@odata.nextLink': page.nextLink } : {}), value: page.items.map((m) => roomEntity(call, m)) };
}

export function listRoomLists(call: GraphCall): Record<string, unknown> {
  const page = paginate(call, visibleRoomLists(call), 100);
  return { '@odata.context': contextUrl(call, 'places/microsoft.graph.roomList'), ...(page.nextLink ? { '@odata.nextLink': page.nextLink } : {}), value: page.items.map(roomListEntity) };
}

function placeNotFound(): GraphProblem {
  return new GraphProblem(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
}

type FoundPlace = { kind: 'room'; mailbox: MailboxRecord } | { kind: 'roomList'; list: DistributionGroupRecord };

function findPlace(call: GraphCall, idOrEmail: string): FoundPlace {
  const wanted = idOrEmail.toLowerCase();
  const mailbox = visibleRooms(call).find((m) => m.placeId.toLowerCase() === wanted || m.primarySmtpAddress.toLowerCase() === wanted);
  if (mailbox) return { kind: 'room', mailbox };
  const list = visibleRoomLists(call).find((g) => g.objectId.toLowerCase() === wanted || g.primarySmtpAddress.toLowerCase() === wanted);
  if (list) return { kind: 'roomList', list };
  throw placeNotFound();
}

export function getPlace(call: GraphCall, idOrEmail: string): Record<string, unknown> {
  const place = findPlace(call, idOrEmail);
  return place.kind === 'room'
    ? { '@odata.context': contextUrl(call, 'places', undefined, true), '@odata.type': '#microsoft.graph.room', ...roomEntity(call, place.mailbox) }
    : { '@odata.context': contextUrl(call, 'places', undefined, true), '@odata.type': '#microsoft.graph.roomList', ...roomListEntity(place.list) };
}

export function listRoomsOfList(call: GraphCall, idOrEmail: string): Record<string, unknown> {
  const place = findPlace(call, idOrEmail);
  if (place.kind !== 'roomList') throw placeNotFound();
  const rooms = visibleRooms(call).filter((m) => place.list.members.includes(m.guid));
  return { '@odata.context': contextUrl(call, `places('${place.list.primarySmtpAddress}')/microsoft.graph.roomList/rooms`), value: rooms.map((m) => roomEntity(call, m)) };
}

const nullableString = (value: unknown, name: string): string | null => {
  if (value === null) return null;
  if (typeof value !== 'string') throw badRequest(`Invalid value for property '${name}'.`);
  return value;
};

/** PATCH /places/{id}: the writable room properties; everything validated before anything changes. */
export function updatePlace(call: GraphCall, idOrEmail: string): Record<string, unknown> {
  const place = findPlace(call, idOrEmail);
  const body = parseJson(call.request.body);
  if (!isRecord(body)) throw odataBadRequest('Empty Payload. JSON content expected.');
  const type = body['@odata.type'];
  const expected = place.kind === 'room' ? 'microsoft.graph.room' : 'microsoft.graph.roomlist';
  if (type !== undefined && (typeof type !== 'string' || type.replace(/^#/, '').toLowerCase() !== expected)) throw odataBadRequest(`The '@odata.type' ${String(type)} does not match the place's type.`);
  if (place.kind === 'roomList') throw badRequest('Room lists are updated in Exchange Online (Set-DistributionGroup), not through Places.');
  const mailbox = place.mailbox;
  const next = { ...mailbox.place, tags: [...mailbox.place.tags] };
  let capacity = mailbox.resourceCapacity;
  for (const [key, value] of Object.entries(body)) {
    switch (key) {
      case '@odata.type':
        break;
      case 'capacity':
        if (value !== null && (typeof value !== 'number' || !Number.isInteger(value) || value < 0)) throw badRequest("Invalid value for property 'capacity'.");
        capacity = value;
        break;
      case 'floorNumber':
        if (value !== null && (typeof value !== 'number' || !Number.isInteger(value))) throw badRequest("Invalid value for property 'floorNumber'.");
        next.floorNumber = value;
        break;
      case 'isWheelChairAccessible':
        if (typeof value !== 'boolean') throw badRequest("Invalid value for property 'isWheelChairAccessible'.");
        next.isWheelChairAccessible = value;
        break;
      case 'tags':
        if (!Array.isArray(value) || value.some((t) => typeof t !== 'string')) throw badRequest("Invalid value for property 'tags'.");
        next.tags = value as string[];
        break;
      case 'building':
      case 'floorLabel':
      case 'label':
      case 'phone':
      case 'audioDeviceName':
      case 'videoDeviceName':
      case 'displayDeviceName':
        next[key] = nullableString(value, key);
        break;
      case 'address': {
        if (!isRecord(value)) throw badRequest("Invalid value for property 'address'.");
        for (const [part, partValue] of Object.entries(value)) {
          if (part === '@odata.type') continue;
          if (!['street', 'city', 'state', 'postalCode', 'countryOrRegion'].includes(part)) throw invalidProperty(part, 'physicalAddress');
          const text = nullableString(partValue, `address.${part}`);
          if (part === 'countryOrRegion' && text && !ISO_COUNTRY_CODES.has(text.toUpperCase())) throw badRequest("Invalid value for property 'address.countryOrRegion'.");
          next[part as 'street'] = text === '' ? null : part === 'countryOrRegion' && text ? text.toUpperCase() : text;
        }
        break;
      }
      case 'id':
      case 'emailAddress':
      case 'displayName':
      case 'nickname':
      case 'bookingType':
      case 'geoCoordinates':
        throw badRequest(`Property '${key}' is read-only and cannot be set.`);
      default:
        throw invalidProperty(key, 'room');
    }
  }
  mailbox.place = next;
  mailbox.resourceCapacity = capacity;
  mailbox.whenChanged = call.tenant.now();
  return { '@odata.context': contextUrl(call, 'places', undefined, true), '@odata.type': '#microsoft.graph.room', ...roomEntity(call, mailbox) };
}
